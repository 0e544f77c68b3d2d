import type { DataSource } from 'typeorm';
import { ReadModel } from '../../libs/persistence/repositories/read-model';
import type { HistoryRecord, PlanChangeRecord, SnapshotRecord } from '../../libs/read-model/contract';

export type { HistoryRecord, PlanChangeRecord, SnapshotRecord } from '../../libs/read-model/contract';

/**
 * The read model: workflows write every state change here so that the API answers
 * status questions from the database without querying workflows.
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
  };
}
