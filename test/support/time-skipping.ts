import { TestWorkflowEnvironment } from '@temporalio/testing';

/** A fresh time-skipping test server (time skipping is global to a server). */
export function startTimeSkipping(): Promise<TestWorkflowEnvironment> {
  const testServer = process.env.TEMPORAL_TEST_SERVER_PATH;
  return TestWorkflowEnvironment.createTimeSkipping(
    testServer ? { server: { executable: { type: 'existing-path', path: testServer } } } : {},
  );
}
