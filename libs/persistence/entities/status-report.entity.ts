import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A status report as it was made and sent: the report as JSON (libs/reports
 * StatusReport), frozen, never recomputed; its PDF by address in the file store.
 */
@Entity('status_report')
@Index('idx_status_report_at', ['programmeId', 'at'])
export class StatusReportEntity {
  @PrimaryColumn({ name: 'programme_id', type: 'varchar', length: 64 })
  programmeId!: string;

  /** The report's day ('2025-04-07'), with '-N' for the N-th report made on demand. */
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  /** The instant the report stands for, with the programme's offset. */
  @Column({ type: 'varchar', length: 40 })
  at!: string;

  /** 'scheduled' or 'on-demand'. */
  @Column({ type: 'varchar', length: 20 })
  kind!: string;

  @Column({ type: 'text' })
  json!: string;

  @Column({ name: 'pdf_sha256', type: 'varchar', length: 64 })
  pdfSha256!: string;

  @Column({ name: 'created_at', type: 'varchar', length: 40 })
  createdAt!: string;

  /** Who asked for a report on demand. */
  @Column({ name: 'created_by', type: 'varchar', length: 200, nullable: true })
  createdBy!: string | null;
}

/** A lead's latest own word on a sub-analysis, for the next status report. */
@Entity('status_note')
export class StatusNoteEntity {
  @PrimaryColumn({ name: 'programme_id', type: 'varchar', length: 64 })
  programmeId!: string;

  @PrimaryColumn({ name: 'sub_analysis_id', type: 'varchar', length: 64 })
  subAnalysisId!: string;

  /** 'on-track' | 'at-risk' | 'late'. */
  @Column({ type: 'varchar', length: 20 })
  status!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'varchar', length: 40 })
  at!: string;

  @Column({ type: 'varchar', length: 200 })
  by!: string;
}
