import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { HistoryEntryEntity, NotificationEntity, SubAnalysisStateEntity } from '../../../libs/persistence';
import {
  ProgrammePlan,
  ScheduleProgress,
  ScheduledEvent,
  calendarOf,
  computeSchedule,
  workingDaysOverdue,
} from '../../../libs/plan';
import {
  type PhaseSnapshot,
  type SubAnalysisSnapshot,
  notStartedSnapshot,
} from '../../../libs/read-model/contract';
import { ProgrammesService } from './programmes.service';

export interface PhaseStatus extends PhaseSnapshot {
  /** Working days past the due date, 0 when not overdue. */
  overdueWorkingDays: number;
}

export interface SubAnalysisStatus {
  id: string;
  title: string;
  phases: PhaseStatus[];
  deliverables: SubAnalysisSnapshot['deliverables'];
  /** The most pressing open deadline: an overdue one first, else the next to come. */
  nextDeadline: { kind: 'phase' | 'material'; phase?: string; meeting?: string; date: string; overdue: boolean } | null;
  finished: boolean;
}

export interface ProgrammeStatus {
  programme: { id: string; title: string; startedAt: string | null };
  asOf: string;
  nextMeeting: ProgrammePlan['meetings'][number] | null;
  subAnalyses: SubAnalysisStatus[];
}

/**
 * The secretariat's overview, answered from the read model the workflows write (no
 * workflow is queried). A sub-analysis without a row yet shows its plan.
 */
@Injectable()
export class StatusService {
  constructor(
    private readonly programmes: ProgrammesService,
    @InjectRepository(SubAnalysisStateEntity) private readonly states: Repository<SubAnalysisStateEntity>,
    @InjectRepository(HistoryEntryEntity) private readonly history: Repository<HistoryEntryEntity>,
    @InjectRepository(NotificationEntity) private readonly outbox: Repository<NotificationEntity>,
  ) {}

  async status(programmeId: string, now = new Date()): Promise<ProgrammeStatus> {
    const { plan, entity } = await this.programmes.planOf(programmeId);
    const snapshots = await this.snapshots(programmeId);
    const today = calendarOf(plan).dateOf(now.getTime());
    const overdue = overdueCounter(plan, now.toISOString());
    return {
      programme: { id: entity.id, title: entity.title, startedAt: entity.startedAt },
      asOf: now.toISOString(),
      nextMeeting: plan.meetings.find((m) => m.date >= today) ?? null,
      subAnalyses: plan.subAnalyses.map((s) =>
        this.subAnalysisStatus(plan, snapshots.get(s.id) ?? notStartedSnapshot(plan, s.id), today, overdue),
      ),
    };
  }

  async subAnalysis(programmeId: string, subAnalysisId: string) {
    const { plan } = await this.programmes.planOf(programmeId);
    if (!plan.subAnalyses.some((s) => s.id === subAnalysisId)) {
      throw new NotFoundException(`Programme ${programmeId} has no sub-analysis "${subAnalysisId}"`);
    }
    const row = await this.states.findOneBy({ programmeId, subAnalysisId });
    const snapshot = row ? this.parsed(row) : notStartedSnapshot(plan, subAnalysisId);
    const today = calendarOf(plan).dateOf(Date.now());
    const history = await this.history.find({
      where: { programmeId, subAnalysisId },
      order: { at: 'ASC', key: 'ASC' },
    });
    const planned = plan.subAnalyses.find((s) => s.id === subAnalysisId)!;
    return {
      ...this.subAnalysisStatus(plan, snapshot, today, overdueCounter(plan, new Date().toISOString())),
      track: planned.track,
      projectLeads: planned.projectLeads,
      projectOwner: planned.projectOwner,
      decisions: [],
      history: history.map((h) => ({ at: h.at, kind: h.kind, phase: h.phase, actor: h.actor, text: h.text })),
    };
  }

  /** What has happened, in the shape the schedule computation takes. */
  async progress(programmeId: string, startedAt: string | null): Promise<ScheduleProgress | undefined> {
    if (!startedAt) return undefined;
    const progress: Required<
      Pick<ScheduleProgress, 'phaseStarted' | 'phaseCompleted' | 'gateOpened' | 'deliverableApproved'>
    > = {
      phaseStarted: {},
      phaseCompleted: {},
      gateOpened: {},
      deliverableApproved: {},
    };
    for (const [sid, snap] of await this.snapshots(programmeId)) {
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

  /** Every event of the programme, from what has happened so far and the plan for the rest. */
  async schedule(programmeId: string): Promise<ScheduledEvent[]> {
    const { plan, entity } = await this.programmes.planOf(programmeId);
    const progress = await this.progress(programmeId, entity.startedAt);
    return computeSchedule(plan, progress && { ...progress, assumeOnTime: true });
  }

  /** Messages sent, and the ones the plan says are still to come. */
  async notifications(programmeId: string) {
    const rows = await this.outbox.find({ where: { programmeId }, order: { dueAt: 'ASC', key: 'ASC' } });
    const sent = rows.map((r) => ({
      key: r.key,
      kind: r.kind,
      subAnalysis: r.subAnalysisId,
      recipients: JSON.parse(r.recipients) as string[],
      subject: r.subject,
      dueAt: r.dueAt,
      sentAt: r.sentAt,
    }));
    const now = Date.now();
    const upcoming = (await this.schedule(programmeId))
      .filter((e) => e.notify && Date.parse(e.at) > now)
      .map((e) => ({
        key: e.key,
        kind: e.kind,
        subAnalysis: e.subAnalysis ?? null,
        recipients: e.recipients,
        subject: e.title,
        dueAt: e.at,
        sentAt: null,
      }));
    return { sent, upcoming };
  }

  /**
   * Every sub-analysis' snapshot. Only the versions are read every time; a snapshot's
   * text is read and parsed again only when its version has moved on.
   */
  private async snapshots(programmeId: string): Promise<Map<string, SubAnalysisSnapshot>> {
    const versions = await this.states.find({ select: { subAnalysisId: true, version: true }, where: { programmeId } });
    const cached = (sid: string) => this.parsedRows.get(`${programmeId}\u0000${sid}`);
    const stale = versions.filter((v) => cached(v.subAnalysisId)?.version !== v.version).map((v) => v.subAnalysisId);
    // In slices, within SQLite's limit on bound parameters.
    for (let i = 0; i < stale.length; i += 500) {
      const rows = await this.states.findBy({ programmeId, subAnalysisId: In(stale.slice(i, i + 500)) });
      for (const row of rows) this.parsed(row);
    }
    const result = new Map<string, SubAnalysisSnapshot>();
    for (const v of versions) {
      const hit = cached(v.subAnalysisId);
      if (hit) result.set(v.subAnalysisId, hit.snapshot);
    }
    return result;
  }

  /** Parsed snapshots by programme and sub-analysis, with the version they were parsed at. */
  private readonly parsedRows = new Map<string, { version: number; snapshot: SubAnalysisSnapshot }>();

  private parsed(row: SubAnalysisStateEntity): SubAnalysisSnapshot {
    const key = `${row.programmeId}\u0000${row.subAnalysisId}`;
    const hit = this.parsedRows.get(key);
    if (hit && hit.version >= row.version) return hit.snapshot;
    const snapshot = JSON.parse(row.snapshot) as SubAnalysisSnapshot;
    this.parsedRows.set(key, { version: row.version, snapshot });
    return snapshot;
  }

  private subAnalysisStatus(
    plan: ProgrammePlan,
    snap: SubAnalysisSnapshot,
    today: string,
    overdue: (due: string) => number,
  ): SubAnalysisStatus {
    const phases = snap.phases.map((p) => ({
      ...p,
      overdueWorkingDays: p.state === 'completed' ? 0 : overdue(p.due),
    }));
    // Material stops mattering once its meeting is held; an open phase matters until done.
    const meetingDate = new Map(plan.meetings.map((m) => [m.id, m.date]));
    const deadlines = [
      ...phases
        .filter((p) => p.state !== 'completed')
        .map((p) => ({ kind: 'phase' as const, phase: p.code, date: p.due })),
      ...snap.deliverables
        .filter((d) => d.state !== 'approved' && (meetingDate.get(d.meeting) ?? '') >= today)
        .map((d) => ({ kind: 'material' as const, meeting: d.meeting, date: d.materialDue })),
    ]
      .map((d) => ({ ...d, overdue: d.date < today }))
      .sort((a, b) => a.date.localeCompare(b.date));
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

/** Working days overdue by due date at an instant; many phases share a due date, so each is counted once. */
function overdueCounter(plan: ProgrammePlan, at: string): (due: string) => number {
  const counted = new Map<string, number>();
  return (due) => {
    let n = counted.get(due);
    if (n === undefined) counted.set(due, (n = workingDaysOverdue(plan, due, at)));
    return n;
  };
}
