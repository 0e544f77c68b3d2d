import { Entity, PrimaryColumn } from 'typeorm';
import { SnapshotRow } from './snapshot-row';

/**
 * The read model of one sub-analysis: the latest snapshot its workflow wrote. The API
 * answers status questions from these rows without asking the workflows.
 */
@Entity('sub_analysis_state')
export class SubAnalysisStateEntity extends SnapshotRow {
  @PrimaryColumn({ name: 'programme_id', type: 'varchar', length: 64 })
  programmeId!: string;

  @PrimaryColumn({ name: 'sub_analysis_id', type: 'varchar', length: 64 })
  subAnalysisId!: string;
}
