import * as fs from 'node:fs';
import * as path from 'node:path';
import { Context } from '@temporalio/activity';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createActivities } from '../../activities';
import { FileStore } from '../../activities/files/file-store';
import type { NotificationRequest } from '../../activities';
import { ProgrammeEntity, openDatabase } from '../../libs/persistence';
import type { ProgrammeDefinition } from '../../libs/plan';
import { testConfig } from './app';
import { TestSmtp, startSmtp } from './smtp';
import { skipTo } from '../../libs/temporal';
import { startTimeSkipping } from '../../libs/temporal/test-server';

/** A notification as the activity saw it, with the workflow time it was scheduled at. */
export interface SentRecord extends NotificationRequest {
  scheduledAtMs: number;
  attempt: number;
}

export interface WorkflowTestKit {
  env: TestWorkflowEnvironment;
  /** Runs a fresh worker (a worker runs only once) until `work` is done. */
  runWorker<T>(work: () => Promise<T>): Promise<T>;
  dataSource: DataSource;
  smtp: TestSmtp;
  taskQueue: string;
  /** Every e-mail the send activities were asked for (one or several at a time), retries included. */
  sendCalls: SentRecord[];
  /** Advances the test server's clock to an instant (no-op when it is already past). */
  sleepUntil(instant: string | number): Promise<void>;
  addProgramme(definition: ProgrammeDefinition): Promise<void>;
  /** The worker's activities, unwrapped, on the same database and file store (to call one again). */
  activities: ReturnType<typeof createActivities>;
  /** The file store the activities use. */
  files: FileStore;
  stop(): Promise<void>;
}

/**
 * The time-skipping test server (a fresh one: time skipping is global to a server),
 * a worker with the real activities on a SQLite file, and a real SMTP server.
 */
export async function startWorkflowKit(): Promise<WorkflowTestKit> {
  const env = await startTimeSkipping();
  const smtp = await startSmtp();
  const config = testConfig({ SMTP_URL: smtp.url });
  const dataSource = await openDatabase(config.database);
  const activities = createActivities({ dataSource, config });
  const sendCalls: SentRecord[] = [];
  const noteCalls = (requests: NotificationRequest[]) => {
    const { currentAttemptScheduledTimestampMs: scheduledAtMs, attempt } = Context.current().info;
    for (const req of requests) sendCalls.push({ ...req, scheduledAtMs, attempt });
  };
  const wrapped = {
    ...activities,
    async sendNotification(req: NotificationRequest) {
      noteCalls([req]);
      return activities.sendNotification(req);
    },
    async sendNotifications(requests: NotificationRequest[]) {
      noteCalls(requests);
      return activities.sendNotifications(requests);
    },
  };
  return {
    env,
    async runWorker(work) {
      const worker = await Worker.create({
        connection: env.nativeConnection,
        taskQueue: config.temporal.taskQueue,
        workflowBundle: { codePath: process.env.SPOR_TEST_WORKFLOW_BUNDLE! },
        activities: wrapped,
      });
      return worker.runUntil(work);
    },
    dataSource,
    smtp,
    activities,
    files: new FileStore(config.dataDir),
    taskQueue: config.temporal.taskQueue,
    sendCalls,
    async sleepUntil(instant) {
      await skipTo(env, typeof instant === 'number' ? instant : Date.parse(instant));
    },
    async addProgramme(definition) {
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
    },
    async stop() {
      await env.teardown();
      await smtp.stop();
      await dataSource.destroy();
      fs.rmSync(path.dirname(config.database.type === 'sqlite' ? config.database.file : ''), {
        recursive: true,
        force: true,
      });
    },
  };
}
