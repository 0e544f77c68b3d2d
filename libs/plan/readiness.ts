/**
 * When a phase may start: the one rule the workflows, the schedule and the status
 * projection share (programme-format.md, "Phases").
 *
 * A phase is ready when every phase in `after` is completed and its gate, if any, is
 * open. A ready phase starts by itself at its planned start, or at once if it becomes
 * ready later than that; a lead may start a ready phase early.
 */
import type { PhaseState } from '../read-model/contract';
import type { PlannedPhase } from './plan';

/** What has happened to a phase, as instants in milliseconds. */
export interface PhaseFactTimes {
  startedAt?: number;
  completedAt?: number;
  /** When its gate was opened; ignored for a phase without a gate. */
  gateOpenedAt?: number;
}

/**
 * The instant a phase became ready: the latest of its predecessors' completions and its
 * gate's opening. `undefined` while one of them has not happened.
 */
export function readySince(
  phase: Pick<PlannedPhase, 'code' | 'after' | 'gate'>,
  factsOf: (code: string) => PhaseFactTimes | undefined,
): number | undefined {
  const conditions = [
    ...phase.after.map((code) => factsOf(code)?.completedAt),
    phase.gate ? factsOf(phase.code)?.gateOpenedAt : -Infinity,
  ];
  if (conditions.some((c) => c === undefined)) return undefined;
  return Math.max(-Infinity, ...(conditions as number[]));
}

/** The instant a ready phase starts by itself: its planned start, or when it became ready, whichever is later. */
export function autoStartAt(plannedStartMs: number, readyAt: number): number {
  return Math.max(plannedStartMs, readyAt);
}

/** A phase's state from its facts and its readiness. */
export function phaseState(facts: PhaseFactTimes, ready: boolean): PhaseState {
  if (facts.completedAt !== undefined) return 'completed';
  if (facts.startedAt !== undefined) return 'active';
  return ready ? 'ready' : 'planned';
}
