/**
 * Boots what the benchmarks measure: an embedded Temporal dev server (in memory, on a
 * free port) and, per bench, Spor's API in this process and its worker as a process of
 * its own (as `npm start` runs them, so the worker's cached workflows do not share the
 * API's heap), on a temporary DATA_DIR (SQLite), each bench on its own task queue.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type ChildProcess, spawn } from 'node:child_process';
import type { INestApplication } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { createApi } from '../../apps/api/bootstrap';
import { TEMPORAL_CLIENT } from '../../apps/api/common/tokens';
import { type SporConfig, loadConfig } from '../../libs/config';
import { type DevServer, freePort, startDevServer, stopChild, workerIsPolling } from '../../libs/temporal';
import { waitFor } from './wait';

export interface BenchServer {
  dir: string;
  devServer: DevServer;
  stop(): Promise<void>;
}

/** A temporary folder and a dev server in it (in memory; its log is kept in the folder). */
export async function startBenchServer(): Promise<BenchServer> {
  // Only warnings and errors, one line each on stderr (the SDK core's own log would go to
  // stdout, into the table).
  Runtime.install({
    logger: new DefaultLogger('WARN', ({ level, message }) => process.stderr.write(`[temporal] ${level} ${message}\n`)),
    telemetryOptions: { logging: { forward: {} } },
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spor-bench-'));
  const devServer = await startDevServer({ port: await freePort(), logFile: path.join(dir, 'temporal.log') });
  return {
    dir,
    devServer,
    async stop() {
      await devServer.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface BenchApp {
  config: SporConfig;
  api: INestApplication;
  baseUrl: string;
  /** The API's own Temporal client (the connection its Updates go through). */
  client: Client;
  adminToken: string;
  /** The worker process (the compiled apps/worker/main.js). */
  worker: ChildProcess;
  /** Starts one more worker process on the same task queue and database (stopped with the app). */
  addWorker(): ChildProcess;
  stop(): Promise<void>;
}

export interface BenchAppOptions {
  /** More environment for the API and the worker, e.g. SMTP_URL. */
  env?: Record<string, string>;
}

/** The worker and the API on `server`, with their own DATA_DIR and task queue. */
export async function startBenchApp(
  server: BenchServer,
  name: string,
  options: BenchAppOptions = {},
): Promise<BenchApp> {
  const port = await freePort();
  const dataDir = path.join(server.dir, name);
  fs.mkdirSync(dataDir, { recursive: true });
  const adminToken = randomBytes(24).toString('base64url');
  const env = {
    DATA_DIR: dataDir,
    TEMPORAL_ADDRESS: server.devServer.address,
    TEMPORAL_TASK_QUEUE: `spor-bench-${name}`,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    SPOR_LOAD_DEFAULT: 'false',
    SPOR_ADMIN_TOKEN: adminToken,
    MAIL_FROM: 'Spor <spor@example.org>',
    ...options.env,
  };
  const config: SporConfig = loadConfig(env);
  const api = await createApi(config);
  await api.listen(port, '127.0.0.1');
  const client = api.get<Client>(TEMPORAL_CLIENT);
  // The compiled worker, with the prebuilt bundle from `npm run build`, as production runs it.
  const spawnWorker = () =>
    spawn(process.execPath, [path.join(__dirname, '..', '..', 'apps', 'worker', 'main.js')], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  const worker = spawnWorker();
  const workers = [worker];
  await waitFor('the worker to poll', () => workerIsPolling(client, config.temporal.taskQueue).catch(() => false), {
    timeoutMs: 60_000,
  });
  return {
    config,
    api,
    baseUrl: `http://127.0.0.1:${port}`,
    client,
    adminToken,
    worker,
    addWorker() {
      const another = spawnWorker();
      workers.push(another);
      return another;
    },
    async stop() {
      await api.close();
      await Promise.all(workers.map((w) => stopChild(w)));
    },
  };
}

/** The bare workflows' worker (bench/bare/worker.ts) as a process of its own, polling `taskQueue`. */
export async function startBareWorker(server: BenchServer, client: Client, taskQueue: string): Promise<ChildProcess> {
  const worker = spawn(
    process.execPath,
    [path.join(__dirname, '..', 'bare', 'worker.js'), server.devServer.address, taskQueue],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  await waitFor('the bare worker to poll', () => workerIsPolling(client, taskQueue).catch(() => false), {
    timeoutMs: 120_000,
  });
  return worker;
}
