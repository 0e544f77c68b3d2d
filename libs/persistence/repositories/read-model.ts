import { type DataSource, type EntityManager, In } from 'typeorm';
import type { HistoryRecord, PlanChangeRecord, SnapshotRecord, SubAnalysisSnapshot } from '../../read-model/contract';
import type { MeetingSnapshot } from '../../read-model/meeting';
import { HistoryEntryEntity } from '../entities/history-entry.entity';
import { MeetingStateEntity } from '../entities/meeting-state.entity';
import { SubAnalysisStateEntity } from '../entities/sub-analysis-state.entity';
import { inTransaction } from '../transactions';
import { ParsedSnapshots } from './parsed-snapshots';
import { ProgrammeDefinitions } from './programme-definitions';

/** One line of a sub-analysis' history as readers see it. */
export interface HistoryLine {
  at: string;
  kind: string;
  phase: string | null;
  actor: string | null;
  text: string;
}

/**
 * History lines, each once (the key makes a retried write harmless). A meeting's lines
 * name their sub-analysis; a sub-analysis' lines are its own.
 */
async function insertHistory(
  tx: EntityManager,
  programmeId: string,
  history: HistoryRecord[],
  subAnalysisId?: string,
): Promise<void> {
  const lines = history
    .map((h) => ({ h, sid: h.subAnalysisId ?? subAnalysisId }))
    .filter((l): l is { h: HistoryRecord; sid: string } => l.sid !== undefined);
  if (!lines.length) return;
  await tx
    .createQueryBuilder()
    .insert()
    .into(HistoryEntryEntity)
    .values(
      lines.map(({ h, sid }) => ({
        key: h.key,
        programmeId,
        subAnalysisId: sid,
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

/** SQLite allows a limited number of bound parameters per statement. */
const SLICE = 500;

/**
 * The read model: the snapshots the sub-analysis workflows write after every change,
 * and their history. Readers keep parsed snapshots by version, so a snapshot's text is
 * parsed again only when its workflow has written a newer one.
 */
export class ReadModel {
  private readonly parsedRows = new ParsedSnapshots<SubAnalysisSnapshot>();

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Writes a snapshot, its history lines and, with a plan change, the stored definition,
   * in one transaction. A retry that arrives after a newer write does not roll the state back.
   */
  async record(record: SnapshotRecord, history: HistoryRecord[], planChange?: PlanChangeRecord): Promise<void> {
    await inTransaction(this.dataSource, async (tx) => {
      const states = tx.getRepository(SubAnalysisStateEntity);
      const row = { programmeId: record.programmeId, subAnalysisId: record.subAnalysisId };
      // A write first, changing nothing: on SQLite a transaction that reads and then writes
      // fails at once (SQLITE_BUSY, no waiting) when the API wrote in between; one that
      // starts with a write waits its turn.
      await states.update(row, { version: () => 'version' });
      const current = await states.findOneBy(row);
      if (!current || current.version < record.version) {
        if (planChange) {
          await ProgrammeDefinitions.changePhaseWeeks(
            tx,
            record.programmeId,
            record.subAnalysisId,
            planChange.code,
            planChange.change,
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
      await insertHistory(tx, record.programmeId, history, record.subAnalysisId);
    });
  }

  /**
   * Writes a meeting's snapshot and the lines it adds to its sub-analyses' histories, in
   * one transaction; like `record`, a late retry never rolls the meeting back.
   */
  async recordMeeting(snapshot: MeetingSnapshot, history: HistoryRecord[]): Promise<void> {
    await inTransaction(this.dataSource, async (tx) => {
      const states = tx.getRepository(MeetingStateEntity);
      const row = { programmeId: snapshot.programmeId, meetingId: snapshot.meetingId };
      await states.update(row, { version: () => 'version' });
      const current = await states.findOneBy(row);
      if (!current || current.version < snapshot.version) {
        await states.save({
          ...row,
          version: snapshot.version,
          snapshot: JSON.stringify(snapshot),
          updatedAt: new Date().toISOString(),
        });
      }
      await insertHistory(tx, snapshot.programmeId, history);
    });
  }

  /** Every sub-analysis' latest snapshot, by id; a sub-analysis that wrote nothing yet is absent. */
  async snapshots(programmeId: string): Promise<Map<string, SubAnalysisSnapshot>> {
    const states = this.dataSource.getRepository(SubAnalysisStateEntity);
    const versions = await states.find({ select: { subAnalysisId: true, version: true }, where: { programmeId } });
    const stale = versions
      .filter((v) => this.cached(programmeId, v.subAnalysisId)?.version !== v.version)
      .map((v) => v.subAnalysisId);
    for (let i = 0; i < stale.length; i += SLICE) {
      const rows = await states.findBy({ programmeId, subAnalysisId: In(stale.slice(i, i + SLICE)) });
      for (const row of rows) this.parsed(row);
    }
    const result = new Map<string, SubAnalysisSnapshot>();
    for (const v of versions) {
      const hit = this.cached(programmeId, v.subAnalysisId);
      if (hit) result.set(v.subAnalysisId, hit.snapshot);
    }
    return result;
  }

  /** One sub-analysis' latest snapshot, undefined when its workflow wrote nothing yet. */
  async snapshot(programmeId: string, subAnalysisId: string): Promise<SubAnalysisSnapshot | undefined> {
    const row = await this.dataSource.getRepository(SubAnalysisStateEntity).findOneBy({ programmeId, subAnalysisId });
    return row ? this.parsed(row) : undefined;
  }

  /** A sub-analysis' history, oldest first. */
  async history(programmeId: string, subAnalysisId: string): Promise<HistoryLine[]> {
    const rows = await this.dataSource.getRepository(HistoryEntryEntity).find({
      where: { programmeId, subAnalysisId },
      order: { at: 'ASC', key: 'ASC' },
    });
    return rows.map((h) => ({ at: h.at, kind: h.kind, phase: h.phase, actor: h.actor, text: h.text }));
  }

  private cached(programmeId: string, subAnalysisId: string) {
    return this.parsedRows.cached([programmeId, subAnalysisId]);
  }

  private parsed(row: SubAnalysisStateEntity): SubAnalysisSnapshot {
    return this.parsedRows.parse([row.programmeId, row.subAnalysisId], row);
  }
}
