import type { ChildProcess } from 'node:child_process';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { DataSource } from 'typeorm';
import { NotificationEntity, ProgrammeEntity, openDatabase } from '../../libs/persistence';
import { SENDER_OF, calendarOf, computePlan, computeSchedule, instantiateForYear } from '../../libs/plan';
import { loadDefaultProgramme } from '../../libs/plan/default-programme';
import {
  meetingWorkflowId,
  programmeWorkflowId,
  statusReportWorkflowId,
  subAnalysisWorkflowId,
} from '../../workflows/ids';
import { programmeWorkflow } from '../../workflows/programme/programme.workflow';
import { completePhaseUpdate, openGateUpdate } from '../../workflows/sub-analysis/messages';
import { testConfig } from '../support/app';
import { exited, runNode } from '../support/process';
import { stopAll } from '../support/reminder-storm';
import { TestSmtp, startSmtp } from '../support/smtp';
import { skipTo } from '../../libs/temporal';
import { startTimeSkipping } from '../../libs/temporal/test-server';
import { chooseTimeline } from '../support/timeline';

/**
 * The worker runs as its own process (the compiled worker, as in production) and is
 * killed with SIGKILL in the middle of sending reminders, twice; a new one takes over.
 * Every reminder still arrives exactly once.
 */
describe('a worker killed while reminders fall due', () => {
  let env: TestWorkflowEnvironment;
  let smtp: TestSmtp;
  let dataSource: DataSource;
  let worker: ChildProcess | undefined;
  const workers: ChildProcess[] = [];
  const kills: number[] = [];

  afterAll(() => stopAll({ workers, env, smtp, dataSource }));

  // Each kill costs the activity's heartbeat time-out in real time: the test server does
  // not skip time while an activity is outstanding. The weekly status reports, each a
  // PDF rendered along the way, add to it. A cache-less worker replays every task, so on
  // a busy 2-core machine it has taken from 3 to 15 minutes (alone): the limit leaves room.
  const TIME_LIMIT_MS = 1_800_000;

  it(
    'delivers every reminder once, none twice',
    async () => {
      env = await startTimeSkipping();
      let workerEnv: NodeJS.ProcessEnv = {};
      const startWorker = () => {
        worker = runNode('apps/worker/main.js', workerEnv).child;
        workers.push(worker);
      };
      // Messages 3 and 20 find the worker dying: it is killed before the server accepts.
      smtp = await startSmtp((n) => {
        if (n !== 3 && n !== 20) return true;
        kills.push(n);
        worker!.kill('SIGKILL');
        setTimeout(startWorker, 200);
        return false;
      });
      const config = testConfig({ SMTP_URL: smtp.url });
      workerEnv = {
        TEMPORAL_ADDRESS: env.address,
        TEMPORAL_TASK_QUEUE: config.temporal.taskQueue,
        DATA_DIR: config.dataDir,
        SMTP_URL: smtp.url,
        LOG_LEVEL: 'warn',
        // The test server does not move a dead worker's sticky tasks to the normal queue.
        TEMPORAL_MAX_CACHED_WORKFLOWS: '0',
      };
      dataSource = await openDatabase(config.database);

      const year = new Date(await env.currentTimeMs()).getUTCFullYear() + 1;
      // Two sub-analyses are enough, and keep the replays of a cache-less worker short.
      const full = instantiateForYear(loadDefaultProgramme(), year);
      const definition = { ...full, subAnalyses: full.subAnalyses.filter((s) => s.id === 'sbv' || s.id === 'klima') };
      const plan = computePlan(definition);
      const programmeId = definition.id;
      await dataSource.getRepository(ProgrammeEntity).insert({
        id: programmeId,
        title: definition.title,
        year,
        definition: JSON.stringify(definition),
        source: null,
        createdAt: new Date().toISOString(),
        createdBy: null,
        startedAt: new Date().toISOString(),
      });
      startWorker();

      const startedAt = new Date(await env.currentTimeMs()).toISOString();
      const phaseCompleted: Record<string, string> = {};
      const gateOpened: Record<string, string> = {};
      const run = await env.client.workflow.start(programmeWorkflow, {
        workflowId: programmeWorkflowId(programmeId),
        taskQueue: config.temporal.taskQueue,
        args: [{ programmeId, definition, publicUrl: 'http://spor.test' }],
      });
      for (const action of chooseTimeline(plan, { 'sbv/2A': 2 })) {
        await skipTo(env, action.at);
        const handle = env.client.workflow.getHandle(subAnalysisWorkflowId(programmeId, action.sid));
        const by = plan.subAnalyses.find((s) => s.id === action.sid)!.projectLeads[0];
        const snap =
          action.kind === 'complete'
            ? await handle.executeUpdate(completePhaseUpdate, { args: [{ code: action.code, by }] })
            : await handle.executeUpdate(openGateUpdate, {
                args: [{ code: action.code, by, reason: 'Input modtaget' }],
              });
        const phase = snap.phases.find((p) => p.code === action.code)!;
        if (action.kind === 'complete') phaseCompleted[`${action.sid}/${action.code}`] = phase.completedAt!;
        else gateOpened[`${action.sid}/${action.code}`] = phase.gate!.openedAt!;
      }
      await run.result();
      // The meetings' workflows go on: material reminders and packages up to the last meeting.
      const last = plan.meetings[plan.meetings.length - 1];
      const end = calendarOf(plan).atMillis(last.date, '23:00');
      await skipTo(env, end);

      expect(kills).toEqual([3, 20]);
      const expected = computeSchedule(plan, { startedAt, phaseCompleted, gateOpened, until: plan.ends })
        .filter((e) => e.notify && !e.conditional)
        .flatMap((e) => {
          if (SENDER_OF[e.kind] === 'meeting') return [`${meetingWorkflowId(programmeId, e.meeting!)}/${e.key}`];
          if (SENDER_OF[e.kind] === 'sub-analysis')
            return [`${subAnalysisWorkflowId(programmeId, e.subAnalysis!)}/${e.key}`];
          // A status report, and before it the leads of each sub-analysis asked and reminded once.
          const reports = statusReportWorkflowId(programmeId);
          return [
            `${reports}/${e.key}`,
            ...plan.subAnalyses.flatMap((s) => [
              `${reports}/note-request/${e.date}/${s.id}`,
              `${reports}/note-reminder/${e.date}/${s.id}`,
            ]),
          ];
        })
        .sort();
      const rows = await dataSource.getRepository(NotificationEntity).find();
      expect(rows.map((r) => r.key).sort()).toEqual(expected);
      expect(rows.filter((r) => r.kind === 'status-report').length).toBeGreaterThan(20);
      expect(rows.every((r) => r.sentAt)).toBe(true);
      // Each message reached the SMTP server once: Message-IDs are derived from the keys.
      const ids = smtp.received.map((m) => m.messageId);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(expected.length);

      worker!.kill('SIGTERM');
      await exited(worker!);
    },
    TIME_LIMIT_MS,
  );
});
