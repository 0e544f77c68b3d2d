/**
 * The rehearsal bench (`--only rehearsal`): the Aarhus programme with no scenario, and a
 * programme of the same shape with more sub-analyses (default 50), each rehearsed once,
 * wall clock from the call to the trace, the time-skipping server's start included.
 * Goals from the issue "Rehearse a programme before it runs": ≤ 15 s and ≤ 60 s.
 */
import type { ProgrammeDefinition } from '../libs/plan';
import { validateDefinition } from '../libs/plan';
import { loadDefaultProgramme } from '../libs/plan/default-programme';
import { rehearse } from '../apps/rehearsal/runner';

export interface RehearsalOptions {
  /** Sub-analyses of the larger programme. */
  subAnalyses: number;
}

export const REHEARSAL_DEFAULTS: RehearsalOptions = { subAnalyses: 50 };

export interface RehearsalRun {
  programme: string;
  subAnalyses: number;
  tookMs: number;
  emails: number;
  documents: number;
}

export interface RehearsalResult {
  options: RehearsalOptions;
  aarhus: RehearsalRun;
  larger: RehearsalRun;
}

export async function runRehearsalBench(
  options: RehearsalOptions,
  log: (line: string) => void,
): Promise<RehearsalResult> {
  const aarhusDefinition = loadDefaultProgramme();
  log(`rehearsal: ${aarhusDefinition.id}`);
  const aarhus = await rehearseOnce(aarhusDefinition);
  log(`rehearsal: ${options.subAnalyses} sub-analyses`);
  const larger = await rehearseOnce(withSubAnalyses(aarhusDefinition, options.subAnalyses));
  return { options, aarhus, larger };
}

async function rehearseOnce(definition: ProgrammeDefinition): Promise<RehearsalRun> {
  const started = Date.now();
  const { summary } = await rehearse({ definition, steps: [] }, { timeLimitMs: 600_000 });
  return {
    programme: definition.id,
    subAnalyses: definition.subAnalyses.length,
    tookMs: Date.now() - started,
    emails: summary.emails,
    documents: summary.documents,
  };
}

/**
 * The programme with `n` sub-analyses: its own, repeated in turn under new ids, with the
 * same phases, leads and material. Validated as any definition is.
 */
function withSubAnalyses(def: ProgrammeDefinition, n: number): ProgrammeDefinition {
  const subAnalyses = Array.from({ length: n }, (_, i) => {
    const sub = def.subAnalyses[i % def.subAnalyses.length];
    const round = Math.floor(i / def.subAnalyses.length);
    return round === 0 ? sub : { ...sub, id: `${sub.id}-${round + 1}`, title: `${sub.title} (${round + 1})` };
  });
  const checked = validateDefinition({ ...def, id: `${def.id}-${n}`, subAnalyses });
  if (!checked.valid || !checked.definition) {
    throw new Error(`The ${n}-sub-analysis programme is not valid: ${JSON.stringify(checked.errors.slice(0, 3))}`);
  }
  return checked.definition;
}
