/**
 * The read model's contract: what the sub-analysis workflows write after every change
 * and what the API, the status projection and (later) status reports read back, without
 * asking a workflow. The workflows' state queries answer the same shape.
 */
import type { Outcome } from '../documents/outcomes';
import type { PhaseWeeksChange } from '../plan/changes';
import type { PlannedPhase, ProgrammePlan } from '../plan/plan';

export type PhaseState = 'planned' | 'ready' | 'active' | 'completed';
export type DeliverableState = 'missing' | 'submitted' | 'changes_requested' | 'approved';

export interface GateSnapshot {
  meeting: string;
  open: boolean;
  openedAt?: string;
  openedBy?: string;
  reason?: string;
}

export interface PhaseSnapshot {
  code: string;
  title: string;
  state: PhaseState;
  weeks: string;
  after: string[];
  plannedStart: string;
  due: string;
  startWeek: string;
  dueWeek: string;
  actualStart?: string;
  startedBy?: string;
  completedAt?: string;
  completedBy?: string;
  note?: string;
  gate?: GateSnapshot;
  /** Why a planned phase is not ready yet, in Danish. */
  waitingFor?: string;
}

export interface DeliverableSnapshot {
  meeting: string;
  title: string;
  materialDue: string;
  state: DeliverableState;
  approvedAt?: string;
}

/** A sub-analysis as its workflow sees it. */
export interface SubAnalysisSnapshot {
  programmeId: string;
  subAnalysisId: string;
  title: string;
  version: number;
  /** Workflow time of the last change. */
  asOf: string;
  phases: PhaseSnapshot[];
  deliverables: DeliverableSnapshot[];
  /** The committee's decisions on the sub-analysis, one per meeting (absent in older snapshots). */
  decisions?: SubAnalysisDecision[];
  finished: boolean;
}

export interface SubAnalysisDecision {
  meeting: string;
  meetingTitle: string;
  outcome: Outcome;
  input: string;
  decidedAt: string;
}

/** A snapshot as the read model stores it: a newer version replaces an older one, never the reverse. */
export interface SnapshotRecord {
  programmeId: string;
  subAnalysisId: string;
  version: number;
  snapshot: SubAnalysisSnapshot;
}

/** A phase's new weeks, applied to the stored definition together with the snapshot. */
export interface PlanChangeRecord {
  code: string;
  change: PhaseWeeksChange;
}

/** One line of a sub-analysis' history; the key makes a retried write harmless. */
export interface HistoryRecord {
  key: string;
  at: string;
  kind: string;
  phase?: string;
  actor?: string;
  text: string;
  /** The sub-analysis it belongs to, when a meeting writes it (a sub-analysis writes its own). */
  subAnalysisId?: string;
}

/** The plan's part of a phase snapshot (also for a sub-analysis not yet started). */
export function plannedPhaseSnapshot(
  p: PlannedPhase,
): Pick<PhaseSnapshot, 'code' | 'title' | 'weeks' | 'after' | 'plannedStart' | 'due' | 'startWeek' | 'dueWeek'> {
  return {
    code: p.code,
    title: p.title,
    weeks: p.weeks,
    after: p.after,
    plannedStart: p.plannedStart,
    due: p.due,
    startWeek: p.startWeek,
    dueWeek: p.dueWeek,
  };
}

/** A sub-analysis whose workflow has written nothing yet: its plan, every phase planned. */
export function notStartedSnapshot(plan: ProgrammePlan, subAnalysisId: string): SubAnalysisSnapshot {
  const sub = plan.subAnalyses.find((s) => s.id === subAnalysisId);
  if (!sub) throw new RangeError(`Unknown sub-analysis '${subAnalysisId}'`);
  return {
    programmeId: plan.programmeId,
    subAnalysisId,
    title: sub.title,
    version: 0,
    asOf: '',
    finished: false,
    phases: sub.phases.map((p) => ({
      ...plannedPhaseSnapshot(p),
      state: 'planned',
      gate: p.gate && { meeting: p.gate.meeting, open: false },
    })),
    deliverables: sub.deliverables.map((d) => ({
      meeting: d.meeting,
      title: d.title,
      materialDue: d.materialDue,
      state: 'missing',
    })),
  };
}
