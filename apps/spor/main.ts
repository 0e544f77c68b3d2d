import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { ConfigError, SporConfig, loadConfig } from '../../libs/config';
import { openDatabase } from '../../libs/persistence';
import { DevServer, startDevServer, stopChild } from '../../libs/temporal';

/**
 * The embedded default: one command runs the whole product on this machine.
 * Without TEMPORAL_ADDRESS it starts a Temporal dev server persisting to
 * `data/temporal.db` (web UI on 8233), migrates the database, and runs the worker and
 * the API as child processes; Ctrl-C stops them all, the server last.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const say = (msg: string) => console.log(`[spor] ${msg}`);
  let devServer: DevServer | undefined;
  const children: ChildProcess[] = [];
  let stopping = false;

  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('Stopping …');
    // API first so no request reaches a stopped worker; the server last so both can finish.
    for (const child of [...children].reverse()) await stopChild(child);
    await devServer?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  const env: NodeJS.ProcessEnv = { ...process.env };
  if (!config.temporal.address) {
    const dbFile = path.join(config.dataDir, 'temporal.db');
    say(`Starting the Temporal dev server (state in ${path.relative(process.cwd(), dbFile)}) …`);
    devServer = await startDevServer({
      dbFile,
      port: config.temporal.embeddedPort,
      uiPort: config.temporal.uiPort,
      namespace: config.temporal.namespace,
    });
    env.TEMPORAL_ADDRESS = devServer.address;
    say(`Temporal at ${devServer.address}, web UI at http://localhost:${config.temporal.uiPort}`);
  } else {
    say(`Using the Temporal cluster at ${config.temporal.address}`);
  }

  const db = await openDatabase(config.database);
  await db.destroy();
  say(`Database ready (${describeDatabase(config)})`);

  for (const app of ['worker', 'api']) {
    const child = spawn(process.execPath, [path.join(__dirname, '..', app, 'main.js')], { env, stdio: 'inherit' });
    child.once('exit', (code, signal) => {
      if (stopping) return;
      say(`The ${app} stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping everything.`);
      void stopAll(1);
    });
    children.push(child);
  }
  say(`API on ${config.publicUrl} (OpenAPI at ${config.publicUrl}/api/docs)`);
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
