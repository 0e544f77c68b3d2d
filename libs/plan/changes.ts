/**
 * Changes to a running programme's plan, as new definitions: the workflows and the API
 * apply the same change and validate the result with the same checks as a new file.
 */
import type { ProgrammeDefinition } from './definition';
import { type Problem, validateDefinition } from './validate';

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

/**
 * Whether a change would give the phase exactly the weeks it has: then it changes
 * nothing, and applying it must add no history and move no reminders. Compared as
 * written (`weeks`, or `from` and `to`), spaces aside; the same dates written another way
 * count as a change of how the plan is written.
 */
export function isSamePhaseWeeks(
  def: ProgrammeDefinition,
  subAnalysisId: string,
  code: string,
  change: PhaseWeeksChange,
): boolean {
  const phase = def.subAnalyses.find((s) => s.id === subAnalysisId)?.phases.find((p) => p.code === code);
  if (!phase) return false;
  const norm = (v: string | number | undefined) => (v === undefined ? undefined : String(v).replace(/\s+/g, ''));
  return 'weeks' in change
    ? phase.from === undefined && phase.to === undefined && norm(phase.weeks) === norm(change.weeks)
    : phase.weeks === undefined && norm(phase.from) === norm(change.from) && norm(phase.to) === norm(change.to);
}

/**
 * Every problem the changed programme would have: it must pass each check a new
 * definition passes. Paths inside the changed phase are given relative to it.
 */
export function checkPhaseWeeksChange(
  def: ProgrammeDefinition,
  subAnalysisId: string,
  code: string,
  change: PhaseWeeksChange,
): Problem[] {
  const sIndex = def.subAnalyses.findIndex((s) => s.id === subAnalysisId);
  const pIndex = sIndex < 0 ? -1 : def.subAnalyses[sIndex].phases.findIndex((p) => p.code === code);
  return problemsOf(withPhaseWeeks(def, subAnalysisId, code, change), `subAnalyses[${sIndex}].phases[${pIndex}].`);
}

/** A meeting's new date, time, place or material deadline (dates as YYYY-MM-DD). */
export interface MeetingChange {
  date?: string;
  time?: string;
  place?: string;
  materialDue?: string;
}

/** The definition with one meeting changed; an unknown meeting leaves it unchanged. */
export function withMeetingChange(
  def: ProgrammeDefinition,
  meetingId: string,
  change: MeetingChange,
): ProgrammeDefinition {
  const given = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
  return {
    ...def,
    committee: {
      ...def.committee,
      meetings: def.committee.meetings.map((m) => (m.id === meetingId ? { ...m, ...given } : m)),
    },
  };
}

/** Every problem the programme with a changed meeting would have; paths inside the meeting relative to it. */
export function checkMeetingChange(def: ProgrammeDefinition, meetingId: string, change: MeetingChange): Problem[] {
  const index = def.committee.meetings.findIndex((m) => m.id === meetingId);
  return problemsOf(withMeetingChange(def, meetingId, change), `committee.meetings[${index}].`);
}

/** A changed definition's errors, with paths inside the changed part given relative to it. */
function problemsOf(changed: ProgrammeDefinition, prefix: string): Problem[] {
  return validateDefinition(changed).errors.map((e) => ({
    path: e.path.startsWith(prefix) ? e.path.slice(prefix.length) : e.path,
    message: e.message,
  }));
}
