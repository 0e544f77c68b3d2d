import {
  Client,
  Connection,
  type ConnectionOptions,
  defaultGrpcRetryOptions,
  makeGrpcRetryInterceptor,
} from '@temporalio/client';
import type { SporConfig } from '../config';

/** The address Spor talks to: the configured cluster, or the embedded dev server. */
export function temporalAddress(config: SporConfig): string {
  return config.temporal.address ?? `127.0.0.1:${config.temporal.embeddedPort}`;
}

/**
 * How a client reaches Temporal. The SDK's default retries an unreachable server ten
 * times over some 20 s; a client that answers people (the API) gives up after four
 * tries, well under a second, so they hear "unavailable" at once rather than wait.
 */
export function clientConnectionOptions(address: string): ConnectionOptions {
  return { address, interceptors: [makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: 4 }))] };
}

/**
 * The API's client. It connects on first use, so the API starts (and /health says what
 * is down) while Temporal is still coming up; until then calls answer 503.
 */
export async function connectClient(config: SporConfig): Promise<Client> {
  const connection = Connection.lazy(clientConnectionOptions(temporalAddress(config)));
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
