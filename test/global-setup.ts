import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { TEMPORAL_CLI, TEMPORAL_TEST_SERVER, ensureBinary, freePort, startDevServer } from '../libs/temporal';
import type { DevServer } from '../libs/temporal';

/**
 * Starts the shared test servers once for the whole run: one Temporal dev server
 * (integration tests; each test uses its own task queue) and the pinned time-skipping
 * test server binary (each workflow test starts its own, since time skipping is
 * global to a server). Also bundles the workflows once. Everything is handed to the
 * test processes through environment variables.
 */
export default async function globalSetup(): Promise<void> {
  const testServer = ensureBinary(TEMPORAL_TEST_SERVER);
  if (testServer) process.env.TEMPORAL_TEST_SERVER_PATH = testServer;
  const cli = ensureBinary(TEMPORAL_CLI);
  if (cli) process.env.TEMPORAL_CLI_PATH = cli;

  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spor-test-'));
  process.env.SPOR_TEST_DIR = workDir;

  const [devServer, bundle] = await Promise.all([
    startDevServer({ port: await freePort(), logFile: path.join(workDir, 'temporal.log') }),
    bundleWorkflowCode({
      workflowsPath: require.resolve('../workflows'),
      logger: { log() {}, trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error },
    }),
  ]);
  process.env.SPOR_TEST_TEMPORAL_ADDRESS = devServer.address;
  const bundlePath = path.join(workDir, 'workflow-bundle.js');
  fs.writeFileSync(bundlePath, bundle.code);
  process.env.SPOR_TEST_WORKFLOW_BUNDLE = bundlePath;

  (globalThis as { __sporDevServer?: DevServer }).__sporDevServer = devServer;
}
