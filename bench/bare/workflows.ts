/**
 * The floor the benches compare Spor with: bare Temporal workflows on the same dev
 * server, run by a worker of their own (./worker.ts, a child process like Spor's).
 * No plan, no read model, no e-mail: only what any Temporal workflow pays for.
 */
import { condition, defineUpdate, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { BareActivities } from './activities';

/** An Update that changes nothing and answers at once. */
export const noopUpdate = defineUpdate<number, [number]>('noop');

const { noop } = proxyActivities<BareActivities>({ startToCloseTimeout: '1 minute' });

/** Waits for ever, answering the no-op Update: the floor under completing a phase. */
export async function bareUpdateWorkflow(): Promise<void> {
  setHandler(noopUpdate, (n) => n);
  await condition(() => false);
}

/**
 * A timer to `at` (epoch ms) and then one no-op activity: the floor under a reminder.
 * Answers when the activity ran (its worker's clock), for the lateness.
 */
export async function bareReminderWorkflow(at: number): Promise<number> {
  await sleep(Math.max(0, at - Date.now()));
  return noop();
}
