import { Client, Connection } from '@temporalio/client';
import type { SporConfig } from '../config';

/** The address Spor talks to: the configured cluster, or the embedded dev server. */
export function temporalAddress(config: SporConfig): string {
  return config.temporal.address ?? `127.0.0.1:${config.temporal.embeddedPort}`;
}

export async function connectClient(config: SporConfig): Promise<Client> {
  const connection = await Connection.connect({ address: temporalAddress(config) });
  return new Client({ connection, namespace: config.temporal.namespace });
}

/**
 * Whether a worker polls the task queue: Temporal keeps pollers seen in the last
 * minute or so, which is the closest thing it offers to "the worker is up".
 */
export async function workerIsPolling(client: Client, taskQueue: string): Promise<boolean> {
  const response = await client.workflowService.describeTaskQueue({
    namespace: client.options.namespace,
    taskQueue: { name: taskQueue },
    taskQueueType: 1, // TASK_QUEUE_TYPE_WORKFLOW
  });
  return (response.pollers ?? []).length > 0;
}
