import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { freePort } from '../libs/temporal';
import { eventually, exited, runNode } from './support/process';

/**
 * The README's run command, end to end: `node dist/apps/spor/main.js` starts its own
 * Temporal dev server persisting to a file, the worker and the API; Ctrl-C stops it
 * all; a second start finds every workflow and row again.
 */
describe('the embedded default (npm start)', () => {
  const dataDir = path.join(process.env.SPOR_TEST_DIR!, `embedded-${process.pid}`);
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    env = {
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      TEMPORAL_PORT: String(await freePort()),
      TEMPORAL_UI_PORT: String(await freePort()),
      TEMPORAL_ADDRESS: '',
      LOG_LEVEL: 'warn',
    };
  });

  async function startAndWaitHealthy() {
    const run = runNode('apps/spor/main.js', env);
    await eventually(
      async () => {
        if (run.child.exitCode !== null) throw new Error(`exited early:\n${run.output()}`);
        const res = await fetch(`http://127.0.0.1:${env.PORT}/health`);
        return res.status === 200 && ((await res.json()) as { status: string }).status === 'ok';
      },
      90_000,
      'the embedded product to be healthy',
    );
    return run;
  }

  async function stop(run: ReturnType<typeof runNode>) {
    run.child.kill('SIGINT');
    expect(await exited(run.child)).toBe(0);
  }

  it('starts everything, serves the Temporal UI, stops on SIGINT and resumes with its data', async () => {
    const first = await startAndWaitHealthy();
    const ui = await fetch(`http://127.0.0.1:${env.TEMPORAL_UI_PORT}/`);
    expect(ui.status).toBe(200);

    const address = `127.0.0.1:${env.TEMPORAL_PORT}`;
    let connection = await Connection.connect({ address });
    // A workflow nobody runs: its history must survive the restart in data/temporal.db.
    await new Client({ connection }).workflow.start('persistenceProbe', {
      taskQueue: 'nobody-polls-this',
      workflowId: 'persistence-probe',
    });
    await connection.close();

    await stop(first);
    expect(fs.existsSync(path.join(dataDir, 'temporal.db'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'spor.sqlite'))).toBe(true);
    // Nothing is left listening after the stop.
    await expect(fetch(`http://127.0.0.1:${env.PORT}/health`)).rejects.toThrow();

    const second = await startAndWaitHealthy();
    connection = await Connection.connect({ address });
    const description = await new Client({ connection }).workflow.getHandle('persistence-probe').describe();
    expect(description.status.name).toBe('RUNNING');
    await connection.close();
    await stop(second);
  });

  it('stops the dev server it started when the database cannot be opened', async () => {
    // Nobody listens at this PostgreSQL address: the start fails after the server is up.
    const run = runNode('apps/spor/main.js', {
      ...env,
      DATABASE_URL: `postgres://spor:spor@127.0.0.1:${await freePort()}/spor`,
    });
    expect(await exited(run.child)).toBe(1);
    expect(run.output()).toMatch(/Temporal at 127\.0\.0\.1:/);
    expect(run.output()).toMatch(/ECONNREFUSED/);
    // The dev server went with it: its port takes no connection.
    await expect(fetch(`http://127.0.0.1:${env.TEMPORAL_UI_PORT}/`)).rejects.toThrow();
    await expect(
      Connection.connect({ address: `127.0.0.1:${env.TEMPORAL_PORT}`, connectTimeout: 2_000 }),
    ).rejects.toThrow();
  });

  it('refuses a bad configuration value, naming the variable', async () => {
    const run = runNode('apps/spor/main.js', { ...env, PORT: 'eighty' });
    expect(await exited(run.child)).toBe(1);
    expect(run.output()).toMatch(/PORT/);
  });
});
