import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A programme definition as loaded, with the source it came from. */
@Entity('programme')
export class ProgrammeEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'integer' })
  year!: number;

  /** The validated definition, as JSON. */
  @Column({ type: 'text' })
  definition!: string;

  /** Raised with every change of `definition`; readers keep parsed definitions by it. */
  @Column({ type: 'integer', default: 0 })
  revision!: number;

  /** The text it was loaded from (YAML or JSON), kept for reference. */
  @Column({ type: 'text', nullable: true })
  source!: string | null;

  /** Instants are ISO 8601 UTC strings: portable across SQLite and PostgreSQL and sortable. */
  @Column({ name: 'created_at', type: 'varchar', length: 40 })
  createdAt!: string;

  @Column({ name: 'created_by', type: 'varchar', length: 320, nullable: true })
  createdBy!: string | null;

  @Column({ name: 'started_at', type: 'varchar', length: 40, nullable: true })
  startedAt!: string | null;
}
