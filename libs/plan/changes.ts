/**
 * Changes to a running programme's plan, as new definitions: the workflows and the API
 * apply the same change and validate the result with the same checks as a new file.
 */
import type { ProgrammeDefinition } from './definition';

/** New weeks for a phase: `weeks` within the programme year, or `from`/`to` across a year end. */
export type PhaseWeeksChange = { weeks: string } | { from: string; to: string };

/**
 * The definition with one phase's weeks replaced. Unknown sub-analyses or phases leave
 * it unchanged; the caller checks they exist.
 */
export function withPhaseWeeks(
  def: ProgrammeDefinition,
  subAnalysisId: string,
  code: string,
  change: PhaseWeeksChange,
): ProgrammeDefinition {
  return {
    ...def,
    subAnalyses: def.subAnalyses.map((s) =>
      s.id !== subAnalysisId
        ? s
        : {
            ...s,
            phases: s.phases.map((p) => {
              if (p.code !== code) return p;
              const { weeks: _w, from: _f, to: _t, ...rest } = p;
              return 'weeks' in change
                ? { ...rest, weeks: change.weeks }
                : { ...rest, from: change.from, to: change.to };
            }),
          },
    ),
  };
}
