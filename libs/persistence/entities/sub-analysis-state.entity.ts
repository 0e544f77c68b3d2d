import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The read model of one sub-analysis: the latest snapshot its workflow wrote. The API
 * answers status questions from these rows without asking the workflows.
 */
@Entity('sub_analysis_state')
export class SubAnalysisStateEntity {
  @PrimaryColumn({ name: 'programme_id', type: 'varchar', length: 64 })
  programmeId!: string;

  @PrimaryColumn({ name: 'sub_analysis_id', type: 'varchar', length: 64 })
  subAnalysisId!: string;

  /** Grows with every change; a write with an older version is ignored (retries arrive late). */
  @Column({ type: 'integer' })
  version!: number;

  /** The snapshot as JSON (see workflows/sub-analysis.workflow.ts SubAnalysisSnapshot). */
  @Column({ type: 'text' })
  snapshot!: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 40 })
  updatedAt!: string;
}
