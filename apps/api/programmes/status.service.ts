import { Injectable } from '@nestjs/common';
import { Meetings, Outbox, ReadModel } from '../../../libs/persistence/repositories';
import { ScheduledEvent, computeSchedule } from '../../../libs/plan';
import {
  type ProgrammeStatus,
  programmeStatus,
  scheduleProgress,
  subAnalysisStatus,
  decisionsOn,
  withMeetingMaterial,
} from '../../../libs/status';
import type { SubAnalysisSnapshot } from '../../../libs/read-model/contract';
import { ProgrammesService } from './programmes.service';
import { ProblemException } from '../common/errors';
import { reportProblems } from '../../../libs/texts/problems';

export type { PhaseStatus, ProgrammeStatus, SubAnalysisStatus } from '../../../libs/status';

/**
 * The secretariat's overview, answered from the read model the workflows write (no
 * workflow is queried) through the status projection in libs/status.
 */
@Injectable()
export class StatusService {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly readModel: ReadModel,
    private readonly outbox: Outbox,
    private readonly meetings: Meetings,
  ) {}

  /** The sub-analyses' snapshots, their material as the meetings that own it see it. */
  private async snapshots(programmeId: string): Promise<Map<string, SubAnalysisSnapshot>> {
    const [snapshots, meetings] = await Promise.all([
      this.readModel.snapshots(programmeId),
      this.meetings.snapshots(programmeId),
    ]);
    return meetings.size ? withMeetingMaterial(snapshots, [...meetings.values()]) : snapshots;
  }

  async status(programmeId: string, now = new Date()): Promise<ProgrammeStatus> {
    const { plan, entity } = await this.programmes.planOf(programmeId);
    const snapshots = await this.snapshots(programmeId);
    return programmeStatus(plan, { id: entity.id, title: entity.title, startedAt: entity.startedAt }, snapshots, now);
  }

  async subAnalysis(programmeId: string, subAnalysisId: string, now = new Date()) {
    const { plan } = await this.programmes.planOf(programmeId);
    const planned = plan.subAnalyses.find((s) => s.id === subAnalysisId);
    if (!planned) throw new ProblemException(404, reportProblems.noSubAnalysis(programmeId, subAnalysisId));
    // One sub-analysis' row, not the programme's: this page is read often.
    const [own, history, meetings] = await Promise.all([
      this.readModel.snapshot(programmeId, subAnalysisId),
      this.readModel.history(programmeId, subAnalysisId),
      this.meetings.snapshots(programmeId),
    ]);
    const snapshot =
      own && meetings.size
        ? withMeetingMaterial(new Map([[subAnalysisId, own]]), [...meetings.values()]).get(subAnalysisId)
        : own;
    return {
      ...subAnalysisStatus(plan, subAnalysisId, snapshot, now),
      track: planned.track,
      projectLeads: planned.projectLeads,
      projectOwner: planned.projectOwner,
      // The meetings own their decisions; a sub-analysis that finished before one still has it.
      decisions: meetings.size ? decisionsOn(subAnalysisId, [...meetings.values()]) : (snapshot?.decisions ?? []),
      history,
    };
  }

  /** Every event of the programme, from what has happened so far and the plan for the rest. */
  async schedule(programmeId: string): Promise<ScheduledEvent[]> {
    const { plan, entity } = await this.programmes.planOf(programmeId);
    const progress = scheduleProgress(await this.snapshots(programmeId), entity.startedAt);
    return computeSchedule(plan, progress && { ...progress, assumeOnTime: true });
  }

  /** Messages sent, and the ones the plan says are still to come. */
  async notifications(programmeId: string) {
    const sent = await this.outbox.list(programmeId);
    const now = Date.now();
    const upcoming = (await this.schedule(programmeId))
      .filter((e) => e.notify && !e.conditional && Date.parse(e.at) > now)
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
}
