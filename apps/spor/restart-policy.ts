/**
 * When the embedded default restarts a part that stopped (the worker, the API, the
 * Temporal dev server), and when it stops trying. Pure: the supervisor feeds it each
 * crash and does what it says.
 *
 * A part that ran a while before it crashed is restarted after a short pause; each crash
 * that follows soon after a start waits twice as long as the one before, so a part that
 * cannot start does not spin. After `maxFastCrashes` fast crashes in a row something is
 * wrong that a restart will not mend (a bad configuration, a port taken, a broken build),
 * and the supervisor gives up rather than hide it.
 */
export interface RestartPolicy {
  /** Pause before the first restart. */
  initialDelayMs: number;
  /** Each further fast crash multiplies the pause by this. */
  factor: number;
  /** The pause never grows beyond this. */
  maxDelayMs: number;
  /** A crash this soon after its start counts as fast. */
  fastCrashMs: number;
  /** Give up at this many fast crashes in a row. */
  maxFastCrashes: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 500,
  factor: 2,
  maxDelayMs: 30_000,
  fastCrashMs: 10_000,
  maxFastCrashes: 5,
};

/** What the policy remembers about one part between its crashes. */
export interface CrashRecord {
  /** Fast crashes in a row, ending with the last one. */
  fastCrashes: number;
}

export const NO_CRASHES: CrashRecord = { fastCrashes: 0 };

export type RestartDecision =
  { action: 'restart'; delayMs: number; record: CrashRecord } | { action: 'give-up'; record: CrashRecord };

/** The decision after a part that started at `startedAt` stopped at `stoppedAt` (ms). */
export function afterCrash(
  record: CrashRecord,
  startedAt: number,
  stoppedAt: number,
  policy: RestartPolicy = DEFAULT_RESTART_POLICY,
): RestartDecision {
  const fast = stoppedAt - startedAt < policy.fastCrashMs;
  // A part that ran longer than the fast window was healthy: its history starts over.
  const fastCrashes = fast ? record.fastCrashes + 1 : 0;
  const next: CrashRecord = { fastCrashes };
  if (fastCrashes >= policy.maxFastCrashes) return { action: 'give-up', record: next };
  const delayMs = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.factor ** Math.max(0, fastCrashes - 1));
  return { action: 'restart', delayMs, record: next };
}
