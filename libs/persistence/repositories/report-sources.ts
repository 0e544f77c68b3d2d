import type { DataSource } from 'typeorm';
import type { ProgrammePlan } from '../../plan/plan';
import type { SubAnalysisSnapshot } from '../../read-model/contract';
import type { CommitteeDecision, PlanChangeReason } from '../../reports/report-model';
import { planChangeReason } from '../../texts/history';
import { HistoryEntryEntity } from '../entities/history-entry.entity';
import { Meetings } from './meetings';
import { ProgrammeDefinitions } from './programme-definitions';
import { ReadModel } from './read-model';

/** What a status report is made from, as the read model holds it now. */
export interface ReportSources {
  plan: ProgrammePlan;
  snapshots: SubAnalysisSnapshot[];
  decisions: CommitteeDecision[];
  planChanges: PlanChangeReason[];
}

/**
 * Reads what a status report needs: the programme's current plan, the sub-analyses'
 * snapshots, the committee's decisions (from the meetings' read model) and the plan
 * changes with their reasons (from the history). The report activity and the API's
 * timeline chart read the same.
 */
export class ReportSourcesReader {
  /** The API passes its shared repositories, so their caches serve this reader too. */
  constructor(
    private readonly dataSource: DataSource,
    private readonly definitions = new ProgrammeDefinitions(dataSource),
    private readonly readModel = new ReadModel(dataSource),
    private readonly meetings = new Meetings(dataSource),
  ) {}

  /** Undefined when there is no such programme. */
  async read(programmeId: string): Promise<ReportSources | undefined> {
    const meta = await this.definitions.meta(programmeId);
    if (!meta) return undefined;
    const { plan } = await this.definitions.planOf(meta);
    const snapshots = [...(await this.readModel.snapshots(programmeId)).values()];
    const meetings = await this.meetings.snapshots(programmeId);
    const decisions = [...meetings.values()].flatMap((meeting) =>
      meeting.decisions.map((d): CommitteeDecision => ({
        meeting: meeting.meetingId,
        subAnalysis: d.subAnalysis,
        outcome: d.outcome,
        ...(d.input && { input: d.input }),
        decidedAt: d.decidedAt,
      })),
    );
    const history = await this.dataSource
      .getRepository(HistoryEntryEntity)
      .find({ where: { programmeId, kind: 'plan-changed' }, order: { at: 'ASC' } });
    const planChanges = history.flatMap((h): PlanChangeReason[] => {
      const reason = planChangeReason(h.text);
      return reason !== undefined && h.phase
        ? [{ subAnalysis: h.subAnalysisId, phase: h.phase, reason, at: h.at }]
        : [];
    });
    return { plan, snapshots, decisions, planChanges };
  }
}
