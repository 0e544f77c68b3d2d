import type { ChildProcess } from 'node:child_process';
import type { Duration } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { DataSource } from 'typeorm';
import { ProgrammeEntity } from '../../libs/persistence';
import {
  ProgrammeDefinition,
  ProgrammePlan,
  SENDER_OF,
  computePlan,
  computeSchedule,
  instantiateForYear,
  validateDefinition,
} from '../../libs/plan';
import { loadDefaultProgramme } from '../../libs/plan/default-programme';
import { subAnalysisWorkflowId } from '../../workflows/ids';
import { subAnalysisWorkflow } from '../../workflows/sub-analysis/sub-analysis.workflow';
import { runNode } from './process';

/**
 * A programme of `count` copies of the default programme's SBV sub-analysis: every
 * copy has the same plan, so each reminder falls due `count` times at the same instant.
 */
export function stormProgramme(
  id: string,
  year: number,
  count: number,
): { definition: ProgrammeDefinition; plan: ProgrammePlan } {
  const full = instantiateForYear(loadDefaultProgramme(), year);
  const sbv = full.subAnalyses.find((s) => s.id === 'sbv')!;
  const subAnalyses = Array.from({ length: count }, (_, i) => ({ ...sbv, id: `s${String(i + 1).padStart(3, '0')}` }));
  const checked = validateDefinition({ ...full, id, subAnalyses });
  if (!checked.definition) throw new Error(JSON.stringify(checked.errors));
  return { definition: checked.definition, plan: computePlan(checked.definition) };
}

/** The default programme (all its sub-analyses) in a given year, under an id of the test's. */
export function defaultProgramme(id: string, year: number): { definition: ProgrammeDefinition; plan: ProgrammePlan } {
  const checked = validateDefinition({ ...instantiateForYear(loadDefaultProgramme(), year), id });
  if (!checked.definition) throw new Error(JSON.stringify(checked.errors));
  return { definition: checked.definition, plan: computePlan(checked.definition) };
}

export async function storeProgramme(dataSource: DataSource, definition: ProgrammeDefinition): Promise<void> {
  await dataSource.getRepository(ProgrammeEntity).insert({
    id: definition.id,
    title: definition.title,
    year: definition.year,
    definition: JSON.stringify(definition),
    source: null,
    createdAt: new Date().toISOString(),
    createdBy: null,
    startedAt: new Date().toISOString(),
  });
}

/** Starts every sub-analysis workflow of the programme (no programme workflow: no reports, no meetings). */
export async function startSubAnalyses(
  env: TestWorkflowEnvironment,
  taskQueue: string,
  definition: ProgrammeDefinition,
  options: { workflowTaskTimeout?: Duration } = {},
): Promise<void> {
  for (const sub of definition.subAnalyses) {
    await env.client.workflow.start(subAnalysisWorkflow, {
      workflowId: subAnalysisWorkflowId(definition.id, sub.id),
      taskQueue,
      ...options,
      args: [{ programmeId: definition.id, subAnalysisId: sub.id, definition, publicUrl: 'http://spor.test' }],
    });
  }
}

/**
 * What the sub-analysis workflows send when nobody acts (each phase starts as planned and
 * is never completed), as the plan library schedules it: outbox keys with their instants,
 * in time order.
 */
export function subAnalysisSends(plan: ProgrammePlan, startedAt: string): { key: string; atMs: number }[] {
  return computeSchedule(plan, { startedAt, until: plan.ends })
    .filter((e) => e.notify && !e.conditional && SENDER_OF[e.kind] === 'sub-analysis')
    .map((e) => ({
      key: `${subAnalysisWorkflowId(plan.programmeId, e.subAnalysis!)}/${e.key}`,
      atMs: Date.parse(e.at),
    }))
    .sort((x, y) => x.atMs - y.atMs || x.key.localeCompare(y.key));
}

/**
 * The compiled worker as its own process, as in production. A worker that will be killed
 * keeps no workflows cached: the test server does not move a dead worker's sticky tasks
 * back to the normal queue, so its workflows would wait for it for ever.
 */
export function startWorkerProcess(env: NodeJS.ProcessEnv, options: { killable: boolean }): ChildProcess {
  const run = runNode('apps/worker/main.js', {
    LOG_LEVEL: 'warn',
    ...(options.killable ? { TEMPORAL_MAX_CACHED_WORKFLOWS: '0' } : {}),
    ...env,
  });
  // What a dying worker said is the first thing to read when a kill test fails.
  run.child.once('exit', (code, signal) => {
    if (signal !== 'SIGKILL' && code !== 0) console.error(`A worker exited (${signal ?? code}):\n${run.output()}`);
  });
  if (process.env.SPOR_TEST_VERBOSE) run.child.stderr?.pipe(process.stderr);
  return run.child;
}

export function alive(child: ChildProcess | undefined): boolean {
  return !!child && child.exitCode === null && child.signalCode === null;
}

/** With SPOR_TEST_VERBOSE set, says every 5 s how far the test server's clock and the deliveries are. */
export function reportProgress(env: TestWorkflowEnvironment, delivered: () => number): () => void {
  if (!process.env.SPOR_TEST_VERBOSE) return () => undefined;
  const timer = setInterval(() => {
    env
      .currentTimeMs()
      .then((ms) =>
        process.stderr.write(
          `${new Date().toISOString()} clock ${new Date(ms).toISOString()} delivered ${delivered()}\n`,
        ),
      )
      .catch(() => undefined);
  }, 5_000);
  return () => clearInterval(timer);
}

/** What a worker-kill test leaves running; each part may not have started. */
export interface KillTestParts {
  workers: ChildProcess[];
  env?: { teardown(): Promise<void> };
  smtp?: { stop(): Promise<void> };
  dataSource?: DataSource;
}

/** Ends a worker-kill test: the workers still alive first, so none outlives its server. */
export async function stopAll({ workers, env, smtp, dataSource }: KillTestParts): Promise<void> {
  for (const w of workers) if (alive(w)) w.kill('SIGKILL');
  await env?.teardown();
  await smtp?.stop();
  await dataSource?.destroy();
}
