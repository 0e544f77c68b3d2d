import type { DataSource } from 'typeorm';
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
  return {
    async recordSubAnalysis(
      record: SnapshotRecord,
      history: HistoryRecord[],
      planChange?: PlanChangeRecord,
    ): Promise<void> {
      await readModel.record(record, history, planChange);
    },

    /** A meeting's snapshot, with the history lines it adds to its sub-analyses. */
    async recordMeeting(snapshot: MeetingSnapshot, history: HistoryRecord[]): Promise<void> {
      await readModel.recordMeeting(snapshot, history);
    },
  };
}
