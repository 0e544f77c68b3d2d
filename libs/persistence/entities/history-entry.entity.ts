import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One thing that happened to a sub-analysis, for its history. Written once per key. */
@Entity('history_entry')
@Index('idx_history_sub_analysis', ['programmeId', 'subAnalysisId', 'at'])
export class HistoryEntryEntity {
  /** Derived from the workflow and the event, so a retried activity writes it once. */
  @PrimaryColumn({ type: 'varchar', length: 200 })
  key!: string;

  @Column({ name: 'programme_id', type: 'varchar', length: 64 })
  programmeId!: string;

  @Column({ name: 'sub_analysis_id', type: 'varchar', length: 64 })
  subAnalysisId!: string;

  @Column({ type: 'varchar', length: 40 })
  at!: string;

  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  phase!: string | null;

  @Column({ type: 'varchar', length: 320, nullable: true })
  actor!: string | null;

  /** Danish, for people to read. */
  @Column({ type: 'text' })
  text!: string;
}
