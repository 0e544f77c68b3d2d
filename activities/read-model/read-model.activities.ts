import type { DataSource } from 'typeorm';
import { AuditEntries } from '../../libs/persistence/repositories/audit-entries';
import { ReadModel } from '../../libs/persistence/repositories/read-model';
import type { HistoryRecord, PlanChangeRecord, SnapshotRecord } from '../../libs/read-model/contract';
import type { MeetingSnapshot } from '../../libs/read-model/meeting';

export type { HistoryRecord, PlanChangeRecord, SnapshotRecord } from '../../libs/read-model/contract';

/**
 * The read model: sub-analysis and meeting workflows write every state change here so
 * that the API answers from the database without querying workflows.
 */
export function createReadModelActivities(dataSource: DataSource) {
  const readModel = new ReadModel(dataSource);
  const audit = new AuditEntries(dataSource);
  return {
    /**
     * With `requestId`, the change came from an API request whose audit entry is pending:
     * it is completed here, as applied, whether or not the API lives to answer.
     */
    async recordSubAnalysis(
      record: SnapshotRecord,
      history: HistoryRecord[],
      planChange?: PlanChangeRecord,
      requestId?: string,
    ): Promise<void> {
      await readModel.record(record, history, planChange);
      if (requestId !== undefined) await audit.applied(requestId);
    },

    /** A meeting's snapshot, with the history lines it adds to its sub-analyses; `requestId` as above. */
    async recordMeeting(snapshot: MeetingSnapshot, history: HistoryRecord[], requestId?: string): Promise<void> {
      await readModel.recordMeeting(snapshot, history);
      if (requestId !== undefined) await audit.applied(requestId);
    },
  };
}
