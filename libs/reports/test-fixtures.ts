/**
 * Test data for reports: the default (Aarhus 2025) programme's plan and snapshots
 * shaped by what has happened. Reads files (through the plan's fixtures), so only tests
 * use it.
 */
import { computePlan } from '../plan/plan';
import type { ProgrammePlan } from '../plan/plan';
import { defaultDefinition } from '../plan/test-fixtures';
import {
  type DeliverableState,
  type PhaseState,
  type SubAnalysisSnapshot,
  notStartedSnapshot,
} from '../read-model/contract';

export function aarhusPlan(): ProgrammePlan {
  return computePlan(defaultDefinition());
}

export interface PhaseFacts {
  state: PhaseState;
  actualStart?: string;
  completedAt?: string;
}

/** A sub-analysis' snapshot with some phases and deliverables moved on from the plan. */
export function snapshotWith(
  plan: ProgrammePlan,
  subAnalysisId: string,
  phases: Record<string, PhaseFacts>,
  deliverables: Record<string, DeliverableState> = {},
): SubAnalysisSnapshot {
  const base = notStartedSnapshot(plan, subAnalysisId);
  return {
    ...base,
    version: 1,
    phases: base.phases.map((p) => ({ ...p, ...phases[p.code] })),
    deliverables: base.deliverables.map((d) => ({ ...d, state: deliverables[d.meeting] ?? d.state })),
  };
}

/**
 * The Aarhus programme on Tuesday 8 April 2025 (week 15) as the tests tell it: SBV's
 * phase 1 (weeks 12-13) still active and late; the others' phase 1 (weeks 13-14) done and
 * their 2A/2B (weeks 15-20) under way.
 */
export function aarhusInWeek15(plan: ProgrammePlan): SubAnalysisSnapshot[] {
  const done = {
    state: 'completed' as const,
    actualStart: '2025-03-24T09:00:00+01:00',
    completedAt: '2025-04-04T15:00:00+02:00',
  };
  const started = { state: 'active' as const, actualStart: '2025-04-07T09:00:00+02:00' };
  return plan.subAnalyses.map((s) =>
    s.id === 'sbv'
      ? snapshotWith(plan, s.id, {
          '1': { state: 'active', actualStart: '2025-03-17T09:00:00+01:00' },
          '2B': { state: 'active', actualStart: '2025-03-25T09:00:00+01:00' },
        })
      : snapshotWith(plan, s.id, { '1': done, '2A': started, '2B': started }),
  );
}
