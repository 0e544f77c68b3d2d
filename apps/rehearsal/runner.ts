/**
 * Runs a rehearsal: the programme's own workflows (the production bundle) on a
 * time-skipping test server that this module starts for the one rehearsal and stops
 * after, with activities that record instead of sending, while a driver performs the
 * people's steps at their instants through the same Updates the API sends. Nothing is
 * sent, and nothing of Spor's stored programmes or its Temporal namespace is touched: the
 * database and the file store are throwaway ones in a temporary folder.
 *
 * Rehearsals run one at a time in a process (each starts its own server; two at once
 * would only halve the speed of each on a small machine), and each stops itself after
 * its time limit.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Runtime, Worker, bundleWorkflowCode, makeTelemetryFilterString } from '@temporalio/worker';
import { FileStore } from '../../activities/files/file-store';
import { ProgrammeEntity, openDatabase } from '../../libs/persistence';
import type { ProgrammeDefinition } from '../../libs/plan/definition';
import { calendarOf, computePlan } from '../../libs/plan/plan';
import { isoWeekOf } from '../../libs/plan/working-days';
import {
  type CheckedStep,
  type RehearsalAction,
  type RehearsalEvent,
  type RehearsalSummary,
  inRounds,
  inTimeOrder,
  laneOf,
  overdueAtEnd,
  rehearsalActions,
  rehearsalInstance,
  shiftSteps,
  summarise,
} from '../../libs/rehearsal';
import { TEMPORAL_TEST_SERVER, findBinary, skipTo } from '../../libs/temporal';
import { startTimeSkipping } from '../../libs/temporal/test-server';
import { rehearsalProblem } from '../../libs/texts/problems/rehearsal';
import { REHEARSAL_TEXT } from '../../libs/texts/rehearsal';
import type { Said } from '../../libs/texts/problems/said';
import {
  meetingWorkflowId,
  programmeWorkflowId,
  statusReportWorkflowId,
  subAnalysisWorkflowId,
} from '../../workflows/ids';
import {
  approveDeliverableUpdate,
  recordDecisionsUpdate,
  requestChangesUpdate,
  submitDeliverableUpdate,
} from '../../workflows/meeting/messages';
import { subAnalysesStartedUpdate } from '../../workflows/programme/messages';
import { programmeWorkflow } from '../../workflows/programme/programme.workflow';
import { changePhasePlanUpdate, completePhaseUpdate, startPhaseUpdate } from '../../workflows/sub-analysis/messages';
import { WORKFLOW_BUNDLE_PATH } from '../worker/workflow-source';
import { type Recorder, recordingActivities } from './recording-activities';

export interface RehearsalRequest {
  definition: ProgrammeDefinition;
  /** The scenario's steps, checked (libs/rehearsal checkScenario). */
  steps: readonly CheckedStep[];
  include?: { bodies?: boolean; documents?: boolean };
}

export interface RehearsalResult {
  events: RehearsalEvent[];
  summary: RehearsalSummary;
}

export interface RehearsalOptions {
  /** Wall-clock limit, server start included (default 120 s). */
  timeLimitMs?: number;
  /**
   * The workflow bundle's file; default SPOR_WORKFLOW_BUNDLE, else the production build's
   * (dist/workflow-bundle.js), else the sources bundled at the first rehearsal.
   */
  workflowBundlePath?: string;
  /** The time-skipping server's binary; default the one the set-up installed. */
  testServerPath?: string;
}

/** A rehearsal could not run or was stopped: the message says why, in both languages. */
export class RehearsalFailed extends Error {
  constructor(
    readonly said: Said,
    readonly reason: 'timeout' | 'unavailable',
  ) {
    super(said.en);
  }
}

const DEFAULT_LIMIT_MS = 120_000;
const TASK_QUEUE = 'rehearsal';
/** The workflows whose timers still send something after the last step (status reports end at the last meeting). */
const CLOCK_DRIVEN = /\/sub-analysis\/[^/]+$/;
/** The placeholder every submitted material is in a rehearsal: a one-page PDF. */
const PLACEHOLDER_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

let queue: Promise<unknown> = Promise.resolve();

/** Rehearses a programme, after any rehearsal already running in this process. */
export function rehearse(request: RehearsalRequest, options: RehearsalOptions = {}): Promise<RehearsalResult> {
  const run = queue.then(() => rehearseNow(request, options));
  queue = run.catch(() => undefined);
  return run;
}

let bundleCode: Promise<string> | undefined;

/** The production bundle when built; otherwise the workflow sources, bundled once per process. */
function workflowBundle(options: RehearsalOptions): Promise<{ codePath: string } | { code: string }> {
  const codePath =
    options.workflowBundlePath ??
    process.env.SPOR_WORKFLOW_BUNDLE ??
    (fs.existsSync(WORKFLOW_BUNDLE_PATH) ? WORKFLOW_BUNDLE_PATH : undefined);
  if (codePath) return Promise.resolve({ codePath });
  bundleCode ??= bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows') }).then((b) => b.code);
  return bundleCode.then((code) => ({ code }));
}

let runtimeInstalled = false;

/**
 * Keeps the native runtime's logs to warnings, unless the process has set up its own
 * runtime. They are forwarded to the logger, which writes to stderr: left to itself the
 * runtime prints to stdout, and `rehearse --json` must print nothing there but the trace.
 */
function quietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({
      logger: { log() {}, trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error },
      telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }), forward: {} } },
    });
  } catch {
    // A runtime exists already (a worker in the same process): its settings stand.
  }
}

async function rehearseNow(request: RehearsalRequest, options: RehearsalOptions): Promise<RehearsalResult> {
  const began = Date.now();
  const serverPath = options.testServerPath ?? findBinary(TEMPORAL_TEST_SERVER);
  if (!serverPath) throw new RehearsalFailed(rehearsalProblem.noServer, 'unavailable');
  const limitMs = options.timeLimitMs ?? DEFAULT_LIMIT_MS;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spor-rehearsal-'));
  let env: TestWorkflowEnvironment | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      stopped = true;
      reject(new RehearsalFailed(rehearsalProblem.timedOut(Math.round(limitMs / 1000)), 'timeout'));
    }, limitMs);
  });
  timeout.catch(() => undefined);
  try {
    quietRuntime();
    const [bundle, started] = await Promise.race([
      Promise.all([workflowBundle(options), startTimeSkipping(serverPath)]),
      timeout,
    ]);
    env = started;
    const running = run(env, bundle, request, dir, began, () => stopped);
    // After a time-out the run fails as its server goes; nobody waits for it then.
    running.catch(() => undefined);
    return await Promise.race([running, timeout]);
  } finally {
    clearTimeout(timer);
    stopped = true;
    await env?.teardown().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function run(
  env: TestWorkflowEnvironment,
  bundle: { codePath: string } | { code: string },
  request: RehearsalRequest,
  dir: string,
  began: number,
  isStopped: () => boolean,
): Promise<RehearsalResult> {
  const startMs = await env.currentTimeMs();
  const { definition, shift } = rehearsalInstance(request.definition, startMs);
  const plan = computePlan(definition);
  const cal = calendarOf(plan);
  const actions = rehearsalActions(definition, shiftSteps(request.steps, shift));
  const programmeId = definition.id;
  const lastMeeting = plan.meetings.length ? plan.meetings[plan.meetings.length - 1].date : plan.ends;
  const endMs = Math.max(
    cal.atMillis(plan.ends > lastMeeting ? plan.ends : lastMeeting, '23:59'),
    ...actions.map((a) => a.at + 60_000),
  );

  const dataSource = await openDatabase({ type: 'sqlite', file: path.join(dir, 'rehearsal.sqlite') });
  try {
    const now = new Date(startMs).toISOString();
    await dataSource.getRepository(ProgrammeEntity).insert({
      id: programmeId,
      title: definition.title,
      year: definition.year,
      definition: JSON.stringify(definition),
      source: null,
      createdAt: now,
      createdBy: null,
      startedAt: now,
    });
    const files = new FileStore(path.join(dir, 'files'));
    const placeholder = await files.put(PLACEHOLDER_PDF, PLACEHOLDER_PDF.length);
    const recorder: Recorder = { events: [], subAnalyses: new Map(), meetings: new Map() };
    const worker = await Worker.create({
      connection: env.nativeConnection,
      namespace: env.namespace,
      taskQueue: TASK_QUEUE,
      workflowBundle: bundle,
      activities: recordingActivities(dataSource, files, cal, recorder, request.include ?? {}),
    });
    const client = env.client;
    const workflowIds = [
      ...plan.subAnalyses.map((s) => subAnalysisWorkflowId(programmeId, s.id)),
      ...plan.meetings.map((m) => meetingWorkflowId(programmeId, m.id)),
      ...(plan.statusReports ? [statusReportWorkflowId(programmeId)] : []),
    ];
    const running = new Set(workflowIds);
    /**
     * Whether any of the programme's workflows still runs: once none does, the server has
     * nothing to skip to, and a sleep would last in real time.
     */
    const anyRunning = async (only?: RegExp): Promise<boolean> => {
      for (const id of [...running].filter((i) => !only || only.test(i))) {
        const { status } = await client.workflow.getHandle(id).describe();
        if (status.name === 'RUNNING') return true;
        running.delete(id);
      }
      return false;
    };
    const sleepUntil = (ms: number, finalStage = false) =>
      skipTo(env, ms, async () => (await anyRunning()) && (!finalStage || (await anyRunning(CLOCK_DRIVEN))));
    const secretariat = plan.secretariat[0];
    const leadOf = (sid: string) => plan.subAnalyses.find((s) => s.id === sid)!.projectLeads[0] ?? secretariat;
    const step = (a: RehearsalAction): number | 'plan' => (a.source === 'scenario' ? a.step! : 'plan');

    const perform = async (a: RehearsalAction): Promise<void> => {
      const sub = client.workflow.getHandle(subAnalysisWorkflowId(programmeId, a.subAnalysis));
      const meeting = a.meeting ? client.workflow.getHandle(meetingWorkflowId(programmeId, a.meeting)) : undefined;
      const by = leadOf(a.subAnalysis);
      switch (a.do) {
        case 'start':
          await sub.executeUpdate(startPhaseUpdate, { args: [{ code: a.phase!, by }] });
          return;
        case 'complete':
          await sub.executeUpdate(completePhaseUpdate, {
            args: [{ code: a.phase!, by, ...(a.comment && { note: a.comment }) }],
          });
          return;
        case 'move':
          await sub.executeUpdate(changePhasePlanUpdate, {
            args: [
              { code: a.phase!, change: { weeks: a.weeks! }, reason: a.comment ?? 'Prøvekørsel', by: secretariat },
            ],
          });
          return;
        case 'submit':
          await meeting!.executeUpdate(submitDeliverableUpdate, {
            args: [
              {
                subAnalysis: a.subAnalysis,
                file: {
                  ...placeholder,
                  fileName: `${a.subAnalysis}-${a.meeting}.pdf`,
                  kind: 'pdf',
                  contentType: 'application/pdf',
                },
                ...(a.comment && { comment: a.comment }),
                by,
              },
            ],
          });
          return;
        case 'approve':
          await meeting!.executeUpdate(approveDeliverableUpdate, {
            args: [{ subAnalysis: a.subAnalysis, by: secretariat }],
          });
          return;
        case 'request-changes':
          await meeting!.executeUpdate(requestChangesUpdate, {
            args: [{ subAnalysis: a.subAnalysis, by: secretariat, comment: a.comment }],
          });
          return;
        case 'decide':
          await meeting!.executeUpdate(recordDecisionsUpdate, {
            args: [
              {
                items: [a.subAnalysis, ...(a.alsoDecided ?? [])].map((subAnalysis) => ({
                  subAnalysis,
                  outcome: a.outcome ?? 'godkendt',
                  input: a.comment ?? '',
                })),
                by: secretariat,
              },
            ],
          });
          return;
      }
    };

    /** Why a step was refused when its workflow had completed: Temporal's own words are no reason. */
    const ended = async (a: RehearsalAction): Promise<string | undefined> => {
      const toMeeting = laneOf(a).startsWith('meeting/');
      const id = toMeeting
        ? meetingWorkflowId(programmeId, a.meeting!)
        : subAnalysisWorkflowId(programmeId, a.subAnalysis);
      try {
        const { status } = await client.workflow.getHandle(id).describe();
        if (status.name !== 'COMPLETED') return undefined;
      } catch {
        // No description: the step's own failure is the reason then.
        return undefined;
      }
      return toMeeting ? REHEARSAL_TEXT.meetingEnded(a.meeting!) : REHEARSAL_TEXT.subAnalysisEnded(a.subAnalysis);
    };

    const performOrRecordRefusal = async (a: RehearsalAction): Promise<void> => {
      if (isStopped()) return;
      try {
        await perform(a);
      } catch (err) {
        if (isStopped()) return;
        const reason = err instanceof WorkflowUpdateFailedError ? reasonOf(err) : ((await ended(a)) ?? reasonOf(err));
        const at = await env.currentTimeMs();
        const date = cal.dateOf(at);
        recorder.events.push({
          at: cal.normalise(at),
          date,
          week: isoWeekOf(date).week,
          type: 'refused',
          kind: a.do,
          subAnalysis: a.subAnalysis,
          ...(a.phase && { phase: a.phase }),
          ...(a.meeting && { meeting: a.meeting }),
          text: reason,
          step: step(a),
        });
      }
    };

    await worker.runUntil(async () => {
      const programme = await client.workflow.start(programmeWorkflow, {
        workflowId: programmeWorkflowId(programmeId),
        taskQueue: TASK_QUEUE,
        args: [{ programmeId, definition, publicUrl: 'https://spor.invalid' }],
      });
      await programme.executeUpdate(subAnalysesStartedUpdate);
      for (const round of inRounds(actions)) {
        if (isStopped()) return;
        await sleepUntil(round[0][0].at);
        await Promise.all(
          round.map(async (lane) => {
            for (const a of lane) await performOrRecordRefusal(a);
          }),
        );
      }
      // After the last step only the clock moves, for the workflows it still drives: a
      // meeting past its decisions may wait on a signal to a finished sub-analysis, and
      // then the server's clock no longer skips.
      if (!isStopped()) await sleepUntil(endMs, true);
    });

    const events = inTimeOrder(recorder.events);
    if (request.include?.documents) {
      for (const e of events)
        if (e.type === 'document' && e.sha256) e.content = (await files.read(e.sha256)).toString('base64');
    }
    const endDate = cal.dateOf(endMs);
    return {
      events,
      summary: summarise(events, {
        programmeId,
        year: definition.year,
        writtenFor: request.definition.year,
        from: cal.normalise(startMs),
        until: cal.normalise(endMs),
        overdue: overdueAtEnd([...recorder.subAnalyses.values()], [...recorder.meetings.values()], endDate),
        tookMs: Date.now() - began,
      }),
    };
  } finally {
    await dataSource.destroy();
  }
}

/** The reason the workflow gave for refusing a step, as the API would answer it. */
function reasonOf(err: unknown): string {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) return err.cause.message;
  return err instanceof Error ? err.message : String(err);
}
