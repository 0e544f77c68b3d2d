import type { DataSource } from 'typeorm';
import { HistoryEntryEntity } from '../../libs/persistence/entities/history-entry.entity';
import { MeetingStateEntity } from '../../libs/persistence/entities/meeting-state.entity';
import { inTransaction } from '../../libs/persistence/transactions';
import type { HistoryRecord } from '../../libs/read-model/contract';
import type { MeetingSnapshot } from '../../libs/read-model/meeting';

/**
 * The meetings' read model: each meeting workflow writes its snapshot after every
 * change, and the history lines it adds to its sub-analyses, in one transaction.
 */
export function createMeetingReadModelActivities(dataSource: DataSource) {
  return {
    async recordMeeting(snapshot: MeetingSnapshot, history: HistoryRecord[]): Promise<void> {
      await inTransaction(dataSource, async (tx) => {
        const states = tx.getRepository(MeetingStateEntity);
        const key = { programmeId: snapshot.programmeId, meetingId: snapshot.meetingId };
        const current = await states.findOneBy(key);
        // A retry that arrives after a newer write must not roll the state back.
        if (!current || current.version < snapshot.version) {
          await states.save({
            ...key,
            version: snapshot.version,
            snapshot: JSON.stringify(snapshot),
            updatedAt: new Date().toISOString(),
          });
        }
        const lines = history.filter((h) => h.subAnalysisId !== undefined);
        if (lines.length) {
          await tx
            .createQueryBuilder()
            .insert()
            .into(HistoryEntryEntity)
            .values(
              lines.map((h) => ({
                key: h.key,
                programmeId: snapshot.programmeId,
                subAnalysisId: h.subAnalysisId!,
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
