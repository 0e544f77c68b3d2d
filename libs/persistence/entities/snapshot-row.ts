import { Column } from 'typeorm';

/** The columns of a read-model row: the latest snapshot a workflow wrote, by version. */
export abstract class SnapshotRow {
  /** Grows with every change; a write with an older version is ignored (retries arrive late). */
  @Column({ type: 'integer' })
  version!: number;

  /** The snapshot as JSON (libs/read-model). */
  @Column({ type: 'text' })
  snapshot!: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 40 })
  updatedAt!: string;
}
