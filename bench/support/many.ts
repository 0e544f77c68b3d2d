/**
 * Starting many sub-analysis workflows straight through Temporal (not `POST …/start`,
 * which start.bench.ts measures): the same workflow ids and input the programme
 * workflow gives its children, 25 starts in flight at once. Then the programme is
 * marked started, as the start endpoint does, so that the API serves it.
 */
import type { ProgrammeDefinition } from '../../libs/plan';
import { ProgrammesService } from '../../apps/api/programmes/programmes.service';
import { subAnalysisWorkflowId } from '../../workflows/ids';
import { subAnalysisWorkflow } from '../../workflows/sub-analysis/sub-analysis.workflow';
import type { BenchApp } from './boot';
import { subAnalysesWithActivePhases } from './read-model';
import { activePhaseCode, withOnlySubAnalysis } from './programme';
import { waitFor } from './wait';

const START_CONCURRENCY = 25;

/** Starts every sub-analysis of `definition` and waits until each has written its first phase as active. */
export async function startSubAnalyses(
  app: BenchApp,
  definition: ProgrammeDefinition,
  log: (line: string) => void,
  timeoutMs = 600_000,
): Promise<number> {
  const started = process.hrtime.bigint();
  const programmeId = definition.id;
  const ids = definition.subAnalyses.map((s) => s.id);
  let cursor = 0;
  await Promise.all(
    Array.from({ length: START_CONCURRENCY }, async () => {
      while (cursor < ids.length) {
        const sid = ids[cursor++];
        await app.client.workflow.start(subAnalysisWorkflow, {
          workflowId: subAnalysisWorkflowId(programmeId, sid),
          taskQueue: app.config.temporal.taskQueue,
          args: [
            {
              programmeId,
              subAnalysisId: sid,
              definition: withOnlySubAnalysis(definition, sid),
              publicUrl: app.config.publicUrl,
            },
          ],
        });
      }
    }),
  );
  await app.api.get(ProgrammesService).markStarted(programmeId, new Date().toISOString());
  await waitForActive(app, programmeId, ids.length, log, timeoutMs);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** Waits until `count` sub-analyses of the programme show their first phase active in the read model. */
export async function waitForActive(
  app: BenchApp,
  programmeId: string,
  count: number,
  log: (line: string) => void,
  timeoutMs: number,
): Promise<void> {
  let lastReported = 0;
  await waitFor(
    `${count} sub-analyses of ${programmeId} in the read model`,
    async () => {
      const active = await subAnalysesWithActivePhases(app.api, programmeId, [activePhaseCode(0)]);
      if (active - lastReported >= 250) {
        lastReported = active;
        log(`${programmeId}: ${active} of ${count} running`);
      }
      return active === count;
    },
    { timeoutMs, intervalMs: 500 },
  );
}
