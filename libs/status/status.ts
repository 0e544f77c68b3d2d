/**
 * The status projection: from a plan, the sub-analyses' snapshots and an instant, the
 * overview the secretariat reads (`GET …/status`) and the progress the schedule takes.
 * Pure, so the API and the worker (status reports) compute it the same way.
 */
import { type ProgrammePlan, type ScheduleProgress, calendarOf, materialMatters, workingDaysOverdue } from '../plan';
import type { MeetingSnapshot } from '../read-model/meeting';
import {
  type DeliverableSnapshot,
  type PhaseSnapshot,
  type SubAnalysisSnapshot,
  notStartedSnapshot,
} from '../read-model/contract';

export interface PhaseStatus extends PhaseSnapshot {
  /** Working days past the due date, 0 when not overdue. */
  overdueWorkingDays: number;
}

export interface NextDeadline {
  kind: 'phase' | 'material';
  phase?: string;
  meeting?: string;
  date: string;
  overdue: boolean;
  /** Working days past the date, as phases count them (0 when not overdue). */
  overdueWorkingDays: number;
}

export interface SubAnalysisStatus {
  id: string;
  title: string;
  phases: PhaseStatus[];
  deliverables: DeliverableSnapshot[];
  /** The most pressing open deadline: an overdue one first, else the next to come. */
  nextDeadline: NextDeadline | null;
  finished: boolean;
}

export interface ProgrammeStatus {
  programme: { id: string; title: string; startedAt: string | null };
  asOf: string;
  nextMeeting: ProgrammePlan['meetings'][number] | null;
  subAnalyses: SubAnalysisStatus[];
}

/** Working days overdue by due date at an instant; many phases share a due date, so each is counted once. */
function overdueCounter(plan: ProgrammePlan, at: string): (due: string) => number {
  const counted = new Map<string, number>();
  return (due) => {
    let n = counted.get(due);
    if (n === undefined) counted.set(due, (n = workingDaysOverdue(plan, due, at)));
    return n;
  };
}

/** The projection for one programme at an instant; every unknown sub-analysis shows its plan. */
export class StatusProjection {
  private readonly atMs: number;
  private readonly today: string;
  private readonly overdue: (due: string) => number;

  constructor(
    private readonly plan: ProgrammePlan,
    at: Date,
  ) {
    this.atMs = at.getTime();
    this.today = calendarOf(plan).dateOf(this.atMs);
    this.overdue = overdueCounter(plan, at.toISOString());
  }

  programme(
    programme: ProgrammeStatus['programme'],
    snapshots: ReadonlyMap<string, SubAnalysisSnapshot>,
  ): ProgrammeStatus {
    return {
      programme,
      asOf: new Date(this.atMs).toISOString(),
      nextMeeting: this.plan.meetings.find((m) => m.date >= this.today) ?? null,
      subAnalyses: this.plan.subAnalyses.map((s) =>
        this.subAnalysis(snapshots.get(s.id) ?? notStartedSnapshot(this.plan, s.id)),
      ),
    };
  }

  subAnalysis(snap: SubAnalysisSnapshot): SubAnalysisStatus {
    const phases = snap.phases.map((p) => ({
      ...p,
      overdueWorkingDays: p.state === 'completed' ? 0 : this.overdue(p.due),
    }));
    const deadlines: NextDeadline[] = [
      ...phases
        .filter((p) => p.state !== 'completed')
        .map((p) => ({
          kind: 'phase' as const,
          phase: p.code,
          date: p.due,
          overdue: p.due < this.today,
          overdueWorkingDays: p.overdueWorkingDays,
        })),
      ...snap.deliverables
        .filter((d) => d.state !== 'approved' && materialMatters(this.plan, d.meeting, this.atMs))
        .map((d) => ({
          kind: 'material' as const,
          meeting: d.meeting,
          date: d.materialDue,
          overdue: d.materialDue < this.today,
          overdueWorkingDays: this.overdue(d.materialDue),
        })),
    ];
    // Overdue first (the oldest first among them), then the next to come.
    deadlines.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.date.localeCompare(b.date));
    return {
      id: snap.subAnalysisId,
      title: snap.title,
      phases,
      deliverables: snap.deliverables,
      nextDeadline: deadlines[0] ?? null,
      finished: snap.finished,
    };
  }
}

/** The overview of a programme at an instant. */
export function programmeStatus(
  plan: ProgrammePlan,
  programme: ProgrammeStatus['programme'],
  snapshots: ReadonlyMap<string, SubAnalysisSnapshot>,
  at: Date,
): ProgrammeStatus {
  return new StatusProjection(plan, at).programme(programme, snapshots);
}

/** One sub-analysis' status at an instant; without a snapshot, its plan. */
export function subAnalysisStatus(
  plan: ProgrammePlan,
  subAnalysisId: string,
  snapshot: SubAnalysisSnapshot | undefined,
  at: Date,
): SubAnalysisStatus {
  return new StatusProjection(plan, at).subAnalysis(snapshot ?? notStartedSnapshot(plan, subAnalysisId));
}

/** What has happened, in the shape the schedule computation takes; undefined before the start. */
export function scheduleProgress(
  snapshots: ReadonlyMap<string, SubAnalysisSnapshot>,
  startedAt: string | null,
): ScheduleProgress | undefined {
  if (!startedAt) return undefined;
  const progress: Required<
    Pick<ScheduleProgress, 'phaseStarted' | 'phaseCompleted' | 'gateOpened' | 'deliverableApproved'>
  > = { phaseStarted: {}, phaseCompleted: {}, gateOpened: {}, deliverableApproved: {} };
  for (const [sid, snap] of snapshots) {
    for (const p of snap.phases) {
      const key = `${sid}/${p.code}`;
      if (p.actualStart) progress.phaseStarted[key] = p.actualStart;
      if (p.completedAt) progress.phaseCompleted[key] = p.completedAt;
      if (p.gate?.openedAt) progress.gateOpened[key] = p.gate.openedAt;
    }
    for (const d of snap.deliverables) {
      if (d.approvedAt) progress.deliverableApproved[`${d.meeting}/${sid}`] = d.approvedAt;
    }
  }
  return { ...progress, startedAt };
}

/**
 * The sub-analyses' snapshots with their material as the meetings see it. A meeting's
 * workflow owns its material (versions, review, approval); a sub-analysis started
 * before meetings had workflows of their own keeps the states it tracked itself.
 */
export function withMeetingMaterial(
  snapshots: ReadonlyMap<string, SubAnalysisSnapshot>,
  meetings: readonly Pick<MeetingSnapshot, 'meetingId' | 'deliverables'>[],
): Map<string, SubAnalysisSnapshot> {
  const byKey = new Map(
    meetings.flatMap((m) => m.deliverables.map((d) => [`${m.meetingId}\u0000${d.subAnalysis}`, d] as const)),
  );
  const result = new Map<string, SubAnalysisSnapshot>();
  for (const [sid, snap] of snapshots) {
    result.set(sid, {
      ...snap,
      deliverables: snap.deliverables.map((d) => {
        const owned = byKey.get(`${d.meeting}\u0000${sid}`);
        if (!owned) return d;
        const { approvedAt: _stale, ...rest } = d;
        return { ...rest, state: owned.state, ...(owned.approvedAt ? { approvedAt: owned.approvedAt } : {}) };
      }),
    });
  }
  return result;
}

/** A sub-analysis' decisions as the meetings that took them recorded them, in meeting order. */
export function decisionsOn(
  subAnalysisId: string,
  meetings: readonly Pick<MeetingSnapshot, 'meetingId' | 'title' | 'date' | 'decisions'>[],
): NonNullable<SubAnalysisSnapshot['decisions']> {
  return [...meetings]
    .sort((a, b) => a.date.localeCompare(b.date))
    .flatMap((m) =>
      m.decisions
        .filter((d) => d.subAnalysis === subAnalysisId)
        .map((d) => ({
          meeting: m.meetingId,
          meetingTitle: m.title,
          outcome: d.outcome,
          input: d.input,
          decidedAt: d.decidedAt,
        })),
    );
}
