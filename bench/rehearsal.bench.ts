/**
 * The rehearsal bench: the Aarhus programme with no scenario (goal ≤ 15 s, server start
 * included). Register in bench/run.ts as `--only rehearsal`: `runRehearsalBench()`
 * returns the wall-clock milliseconds and the counts, for its row.
 */
import { loadDefaultProgramme } from '../libs/plan/default-programme';
import { rehearse } from '../apps/rehearsal/runner';

export interface RehearsalBenchResult {
  programme: string;
  tookMs: number;
  emails: number;
  documents: number;
}

export async function runRehearsalBench(): Promise<RehearsalBenchResult> {
  const started = Date.now();
  const { summary } = await rehearse({ definition: loadDefaultProgramme(), steps: [] }, { timeLimitMs: 300_000 });
  return {
    programme: summary.programmeId,
    tookMs: Date.now() - started,
    emails: summary.emails,
    documents: summary.documents,
  };
}
