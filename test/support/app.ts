import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Worker } from '@temporalio/worker';
import { createApi } from '../../apps/api/bootstrap';
import { WORKER, WorkerModule } from '../../apps/worker/worker.module';
import { SporConfig, loadConfig } from '../../libs/config';
import { freePort } from '../../libs/temporal';

let counter = 0;

/** A configuration of its own for one test: its own data folder and task queue. */
export function testConfig(overrides: NodeJS.ProcessEnv = {}): SporConfig {
  const address = process.env.SPOR_TEST_TEMPORAL_ADDRESS;
  const root = process.env.SPOR_TEST_DIR;
  if (!address || !root) throw new Error('test/global-setup.ts did not run');
  const name = `t${process.pid}-${++counter}-${Date.now().toString(36)}`;
  const dataDir = path.join(root, name);
  fs.mkdirSync(dataDir, { recursive: true });
  return loadConfig({
    DATA_DIR: dataDir,
    TEMPORAL_ADDRESS: address,
    TEMPORAL_TASK_QUEUE: `spor-${name}`,
    LOG_LEVEL: 'silent',
    SPOR_LOAD_DEFAULT: 'false',
    ...overrides,
  });
}

export interface RunningApp {
  config: SporConfig;
  api: INestApplication;
  baseUrl: string;
  worker: Worker;
  stop(): Promise<void>;
}

/** Boots the real thing: a worker on the shared dev server and the API on a free port. */
export async function startApp(overrides: NodeJS.ProcessEnv = {}): Promise<RunningApp> {
  const port = await freePort();
  const config = testConfig({ PORT: String(port), HOST: '127.0.0.1', ...overrides });
  const workerContext: INestApplicationContext = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(config, { workflowBundlePath: process.env.SPOR_TEST_WORKFLOW_BUNDLE }),
    { logger: false },
  );
  const worker = workerContext.get<Worker>(WORKER);
  const running = worker.run();
  const api = await createApi(config);
  await api.listen(port, '127.0.0.1');
  return {
    config,
    api,
    baseUrl: `http://127.0.0.1:${port}`,
    worker,
    async stop() {
      await api.close();
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await workerContext.close();
    },
  };
}
