import type { DataSource } from 'typeorm';
import { HistoryEntryEntity } from '../../libs/persistence/entities/history-entry.entity';
import { ProgrammeEntity } from '../../libs/persistence/entities/programme.entity';
import type { ProgrammeDefinition } from '../../libs/plan';
import { withPhaseWeeks } from '../../libs/plan/changes';
import type { HistoryRecord, PlanChangeRecord, SnapshotRecord } from '../../libs/read-model/contract';
import { SubAnalysisStateEntity } from '../../libs/persistence/entities/sub-analysis-state.entity';
import { inTransaction } from '../../libs/persistence/transactions';

export type { HistoryRecord, PlanChangeRecord, SnapshotRecord } from '../../libs/read-model/contract';

/**
 * The read model: workflows write every state change here so that the API answers
 * status questions from the database without querying workflows.
 */
export function createReadModelActivities(dataSource: DataSource) {
  return {
    async recordSubAnalysis(
      record: SnapshotRecord,
      history: HistoryRecord[],
      planChange?: PlanChangeRecord,
    ): Promise<void> {
      await inTransaction(dataSource, async (tx) => {
        const states = tx.getRepository(SubAnalysisStateEntity);
        const current = await states.findOneBy({
          programmeId: record.programmeId,
          subAnalysisId: record.subAnalysisId,
        });
        // A retry that arrives after a newer write must not roll the state back.
        if (!current || current.version < record.version) {
          if (planChange) {
            // The stored definition follows the plan change in the same transaction.
            const programmes = tx.getRepository(ProgrammeEntity);
            const programme = await programmes.findOneByOrFail({ id: record.programmeId });
            const definition = JSON.parse(programme.definition) as ProgrammeDefinition;
            const changed = withPhaseWeeks(definition, record.subAnalysisId, planChange.code, planChange.change);
            await programmes.update(
              { id: record.programmeId },
              { definition: JSON.stringify(changed), revision: () => 'revision + 1' },
            );
          }
          await states.save({
            programmeId: record.programmeId,
            subAnalysisId: record.subAnalysisId,
            version: record.version,
            snapshot: JSON.stringify(record.snapshot),
            updatedAt: new Date().toISOString(),
          });
        }
        if (history.length) {
          await tx
            .createQueryBuilder()
            .insert()
            .into(HistoryEntryEntity)
            .values(
              history.map((h) => ({
                key: h.key,
                programmeId: record.programmeId,
                subAnalysisId: record.subAnalysisId,
                at: h.at,
                kind: h.kind,
                phase: h.phase ?? null,
                actor: h.actor ?? null,
                text: h.text,
              })),
            )
            .orIgnore()
            .execute();
        }
      });
    },
  };
}
