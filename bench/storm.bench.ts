/**
 * Reminder storms: N reminders due at the same instant T, each an e-mail to a real SMTP
 * server in the bench (./support/smtp.ts), against the floor of a bare Temporal workflow
 * doing a timer to T and one no-op activity, for the same N on the same dev server.
 *
 * Spor: a programme of N sub-analyses whose one active phase has a reminder at T (the
 * reminder settings are chosen so that one falls at T, a whole minute, since reminder
 * times are HH:MM in the programme's zone). T is far enough ahead that every workflow
 * runs before it. Lateness is each message's arrival at the SMTP server minus T; the
 * time to the last is the latest arrival minus T.
 * Runs: one worker; two worker processes on the same task queue and database; two
 * workers of which one is killed (SIGKILL) once a quarter of the messages have arrived,
 * counting that every lead got exactly one reminder (by Message-ID, which Spor derives
 * from the outbox key) and none came twice.
 * Bare: bench/bare/workflows.ts with its own worker process; lateness is when the
 * no-op activity ran minus T.
 */
import type { WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import { type IsoDate, type ProgrammeDefinition, addDays, computePlan, phaseReminders } from '../libs/plan';
import { bareReminderWorkflow } from './bare/workflows';
import { type BenchServer, startBareWorker, startBenchApp } from './support/boot';
import { BenchHttp } from './support/http';
import { startSubAnalyses } from './support/many';
import { activePhaseCode, benchProgramme, leadEmail, subAnalysisId } from './support/programme';
import { startBenchSmtp } from './support/smtp';
import { type Summary, summarize } from './support/stats';
import { waitFor } from './support/wait';
import { stopChild } from '../libs/temporal';

export interface StormOptions {
  /** Reminders due at the same instant. */
  n: number;
  /** Which runs: all by default. */
  runs: StormRunName[];
}

export type StormRunName = 'bare' | 'one' | 'two' | 'kill';

export interface StormRun {
  name: StormRunName;
  workers: number;
  n: number;
  /** Seconds to start the N workflows (until each ran). */
  startSeconds: number;
  /** Lateness of each reminder after T, ms. */
  lateness: Summary;
  /** From T to the last reminder, ms. */
  lastMs: number;
  /** Distinct reminders that arrived, messages that arrived more than once, leads without one. */
  delivered: number;
  duplicates: number;
  missing: number;
  /** Kill run: how many had arrived when the worker was killed. */
  killedAfter?: number;
}

export interface StormResult {
  options: StormOptions;
  runs: Partial<Record<StormRunName, StormRun>>;
}

export const STORM_DEFAULTS: StormOptions = { n: 200, runs: ['bare', 'one', 'two', 'kill'] };
/** How long a storm may take before the bench gives up waiting for the rest. */
const STORM_TIMEOUT_MS = 240_000;

export async function runStormBench(
  server: BenchServer,
  options: StormOptions,
  log: (line: string) => void,
): Promise<StormResult> {
  const result: StormResult = { options, runs: {} };
  let startEstimate = 0.12 * options.n + 20;
  for (const name of options.runs) {
    const run =
      name === 'bare'
        ? await bareStorm(server, options.n, log)
        : await sporStorm(server, name, options.n, startEstimate, log);
    if (name !== 'bare') startEstimate = Math.max(startEstimate, run.startSeconds);
    result.runs[name] = run;
    log(
      `storm ${name}: last reminder ${(run.lastMs / 1000).toFixed(1)} s after T; ${run.delivered} of ${run.n} delivered`,
    );
  }
  return result;
}

async function sporStorm(
  server: BenchServer,
  name: Exclude<StormRunName, 'bare'>,
  n: number,
  startEstimateSeconds: number,
  log: (line: string) => void,
): Promise<StormRun> {
  const smtp = await startBenchSmtp();
  const app = await startBenchApp(server, `storm-${name}`, { env: { SMTP_URL: smtp.url } });
  const http = new BenchHttp(app.baseUrl);
  const second = name === 'one' ? undefined : app.addWorker();
  try {
    // T: a whole minute, with room to start every workflow (half as much again as the
    // last start took) and the second worker.
    const earliest = Date.now() + (1.5 * startEstimateSeconds + 15) * 1000;
    const at = Math.ceil(earliest / 60_000) * 60_000;
    const programmeId = `bench-storm-${name}`;
    const definition = stormProgramme(programmeId, n, at);
    await http.expect(201, 'POST', '/api/programmes', app.adminToken, definition);
    log(`storm ${name}: ${n} reminders at ${new Date(at).toISOString()}; starting the workflows`);
    const startSeconds = await startSubAnalyses(app, definition, log);
    if (Date.now() >= at)
      throw new Error(`storm ${name}: the workflows took ${startSeconds.toFixed(0)} s to start, past T`);
    // Only what arrives from now on is the storm (a phase's start sends nothing, but be sure).
    smtp.arrivals.length = 0;
    let killedAfter: number | undefined;
    await waitFor(
      `${n} reminders`,
      async () => {
        if (name === 'kill' && killedAfter === undefined && second && smtp.arrivals.length >= n / 4) {
          killedAfter = smtp.arrivals.length;
          second.kill('SIGKILL');
          log(`storm kill: SIGKILL to the second worker after ${killedAfter} reminders`);
        }
        return new Set(smtp.arrivals.map((a) => a.messageId)).size >= n;
      },
      { timeoutMs: at - Date.now() + STORM_TIMEOUT_MS, intervalMs: 50 },
    ).catch((err: unknown) => log(`storm ${name}: ${(err as Error).message}`));
    // Anything sent twice would come within the activity's retry; give it a moment.
    await new Promise((resolve) => setTimeout(resolve, name === 'kill' ? 10_000 : 1_000));
    return summarizeStorm(name, second ? 2 : 1, n, startSeconds, at, smtp.arrivals, killedAfter);
  } finally {
    http.close();
    await app.stop();
    await smtp.stop();
  }
}

function summarizeStorm(
  name: StormRunName,
  workers: number,
  n: number,
  startSeconds: number,
  at: number,
  arrivals: { at: number; to: string[]; messageId: string }[],
  killedAfter?: number,
): StormRun {
  const first = new Map<string, number>();
  let duplicates = 0;
  for (const a of arrivals) {
    if (first.has(a.messageId)) duplicates++;
    else first.set(a.messageId, a.at);
  }
  const leads = new Set(arrivals.flatMap((a) => a.to));
  const missing = Array.from({ length: n }, (_, i) => leadEmail(i)).filter((l) => !leads.has(l)).length;
  const lateness = [...first.values()].map((t) => t - at);
  return {
    name,
    workers,
    n,
    startSeconds,
    lateness: summarize(lateness),
    lastMs: lateness.length ? Math.max(...lateness) : NaN,
    delivered: first.size,
    duplicates,
    missing,
    killedAfter,
  };
}

async function bareStorm(server: BenchServer, n: number, log: (line: string) => void): Promise<StormRun> {
  // The bare workflows need a client; an app gives one (its Spor worker idles on another queue).
  const app = await startBenchApp(server, 'storm-bare');
  const taskQueue = 'spor-bench-bare-storm';
  const worker = await startBareWorker(server, app.client, taskQueue);
  try {
    const begun = process.hrtime.bigint();
    const at = Date.now() + (0.05 * n + 15) * 1000;
    const handles: WorkflowHandleWithFirstExecutionRunId<typeof bareReminderWorkflow>[] = [];
    let cursor = 0;
    await Promise.all(
      Array.from({ length: 25 }, async () => {
        while (cursor < n) {
          const i = cursor++;
          handles.push(
            await app.client.workflow.start(bareReminderWorkflow, {
              workflowId: `bench-bare-reminder-${i}-${at}`,
              taskQueue,
              args: [at],
            }),
          );
        }
      }),
    );
    const startSeconds = Number(process.hrtime.bigint() - begun) / 1e9;
    log(`storm bare: ${n} timers to ${new Date(at).toISOString()}`);
    if (Date.now() >= at) throw new Error('storm bare: starting took past T');
    const ran = await Promise.all(handles.map((h) => h.result()));
    const lateness = ran.map((t) => t - at);
    return {
      name: 'bare',
      workers: 1,
      n,
      startSeconds,
      lateness: summarize(lateness),
      lastMs: Math.max(...lateness),
      delivered: ran.length,
      duplicates: 0,
      missing: n - ran.length,
    };
  } finally {
    await stopChild(worker);
    await app.stop();
  }
}

/**
 * The storm programme: N sub-analyses, each with one active phase whose only reminder
 * falls at `at` (a whole minute on a working day). The reminder settings are found by
 * trying due weeks and working days before the due date on one sub-analysis' plan.
 */
export function stormProgramme(id: string, n: number, at: number): ProgrammeDefinition {
  const zone = 'Europe/Copenhagen';
  const local = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const time = local.format(new Date(at));
  const today: IsoDate = new Date(at).toLocaleDateString('sv-SE', { timeZone: zone });
  for (const activeToWeek of [0, 1, 2]) {
    for (let before = 0; before <= 15; before++) {
      const reminders = { beforeDue: before === 0 ? [] : [before], onDueDay: before === 0, overdueEvery: 0, time };
      const one = benchProgramme({
        id,
        subAnalyses: 1,
        activePhases: 1,
        laterPhases: 1,
        deliverables: false,
        activeToWeek,
        reminders,
      });
      const events = phaseReminders(computePlan(one), subAnalysisId(0), activePhaseCode(0), {
        activeFrom: new Date().toISOString(),
        until: addDays(today, 60),
      });
      if (events.length > 0 && Date.parse(events[0].at) === at) {
        return benchProgramme({
          id,
          subAnalyses: n,
          activePhases: 1,
          laterPhases: 1,
          deliverables: false,
          activeToWeek,
          reminders,
        });
      }
    }
  }
  throw new Error(`No reminder setting puts a reminder at ${new Date(at).toISOString()} (is today a working day?)`);
}
