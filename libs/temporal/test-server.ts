import { TestWorkflowEnvironment } from '@temporalio/testing';
import { TEMPORAL_TEST_SERVER, findBinary } from './binaries';

/**
 * A fresh time-skipping test server (time skipping is global to a server), from the binary
 * the set-up installed (or TEMPORAL_TEST_SERVER_PATH): the SDK would download one, and
 * nothing downloads at run time. Rehearsals and the workflow tests start theirs here. Not
 * exported from the package index, so that the API and the worker do not load the testing
 * package at start-up.
 */
export function startTimeSkipping(serverPath = findBinary(TEMPORAL_TEST_SERVER)): Promise<TestWorkflowEnvironment> {
  if (!serverPath) {
    return Promise.reject(
      new Error(`The Temporal test server is missing: run \`npm run setup\` or set ${TEMPORAL_TEST_SERVER.envVar}.`),
    );
  }
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: serverPath } },
  });
}
