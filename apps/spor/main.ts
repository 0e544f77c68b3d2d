import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { ConfigError, SporConfig, loadConfig } from '../../libs/config';
import { openDatabase } from '../../libs/persistence';
import { startDevServer, stopChild, waitForTemporal } from '../../libs/temporal';
import { type Part, Supervised } from './supervisor';

/**
 * The embedded default: one command runs the whole product on this machine.
 * Without TEMPORAL_ADDRESS it starts a Temporal dev server persisting to
 * `data/temporal.db` (web UI on 8233), migrates the database, and runs the worker and
 * the API as child processes. A part that crashes is restarted (see restart-policy.ts)
 * while the others keep running; Ctrl-C stops them all, the server last.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const say = (msg: string) => console.log(`[spor] ${msg}`);
  const supervised: Supervised[] = [];
  let stopping = false;

  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('Stopping …');
    // API first so no request reaches a stopped worker; the server last so both can finish.
    for (const part of [...supervised].reverse()) await part.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  // A start that fails half-way (the database unreachable, a part that will not come up)
  // stops what is already running, so that no dev server is left behind without Spor.
  try {
    // The worker needs Temporal: while the dev server restarts, or a cluster is away, the
    // worker's restart waits for it rather than crash again and again until the supervisor gives up.
    let serverUp: Promise<void> = Promise.resolve();
    let markServerUp = () => {};
    const events = {
      say,
      onGiveUp: () => void stopAll(1),
      onCrash: (part: Part) => {
        if (part === server) serverUp = new Promise((resolve) => (markServerUp = resolve));
      },
      onRunning: (part: Part) => {
        if (part === server) markServerUp();
      },
    };

    const env: NodeJS.ProcessEnv = { ...process.env };
    let server: Part | undefined;
    const temporalAddress = config.temporal.address ?? `127.0.0.1:${config.temporal.embeddedPort}`;
    const temporalAnswers = async () => {
      await serverUp;
      await waitForTemporal(temporalAddress, 24 * 3_600_000);
    };
    if (!config.temporal.address) {
      const dbFile = path.join(config.dataDir, 'temporal.db');
      env.TEMPORAL_ADDRESS = temporalAddress;
      server = {
        name: 'Temporal dev server',
        start: async () =>
          (
            await startDevServer({
              dbFile,
              port: config.temporal.embeddedPort,
              uiPort: config.temporal.uiPort,
              namespace: config.temporal.namespace,
            })
          ).process,
        stop: (child) => stopChild(child),
      };
      say(`Starting the Temporal dev server (state in ${path.relative(process.cwd(), dbFile)}) …`);
      const supervisedServer = new Supervised(server, events);
      supervised.push(supervisedServer);
      await supervisedServer.start();
      say(`Temporal at ${env.TEMPORAL_ADDRESS}, web UI at http://localhost:${config.temporal.uiPort}`);
    } else {
      say(`Using the Temporal cluster at ${config.temporal.address}`);
    }

    const db = await openDatabase(config.database);
    await db.destroy();
    say(`Database ready (${describeDatabase(config)})`);

    const nodeApp = (name: string, app: string, needs?: () => Promise<void>): Part => ({
      name,
      start: async (): Promise<ChildProcess> =>
        spawn(process.execPath, [path.join(__dirname, '..', app, 'main.js')], { env, stdio: 'inherit' }),
      stop: (child) => stopChild(child),
      needs,
    });
    for (const part of [nodeApp('worker', 'worker', temporalAnswers), nodeApp('API', 'api')]) {
      const one = new Supervised(part, events);
      supervised.push(one);
      await one.start();
    }
    say(`API on ${config.publicUrl} (OpenAPI at ${config.publicUrl}/api/docs)`);
  } catch (err) {
    console.error(`[spor] ${err instanceof Error ? err.message : String(err)}`);
    await stopAll(1);
  }
}

function describeDatabase(config: SporConfig): string {
  return config.database.type === 'sqlite'
    ? `SQLite ${path.relative(process.cwd(), config.database.file)}`
    : 'PostgreSQL';
}

main().catch((err) => {
  console.error(
    err instanceof ConfigError ? err.message : `[spor] ${err instanceof Error ? err.message : String(err)}`,
  );
  process.exit(1);
});
