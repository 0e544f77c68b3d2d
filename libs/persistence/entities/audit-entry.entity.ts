import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type AuditOutcome = 'ok' | 'refused' | 'rejected' | 'failed';

/**
 * One state-changing request, as it ended. Rows are only ever inserted: nothing in Spor
 * updates or deletes them.
 */
@Entity('audit_entry')
@Index('idx_audit_entry_programme_id', ['programmeId', 'id'])
export class AuditEntryEntity {
  /** Increasing, so "newest first" is `ORDER BY id DESC` even when two entries share an instant. */
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** When the response was sent, ISO 8601 UTC. */
  @Column({ type: 'varchar', length: 40 })
  at!: string;

  /** The person's e-mail; null for the admin token and for requests without a valid token. */
  @Column({ name: 'actor_email', type: 'varchar', length: 320, nullable: true })
  actorEmail!: string | null;

  @Column({ name: 'actor_admin', type: 'boolean', default: false })
  actorAdmin!: boolean;

  /** Method and route pattern, e.g. 'POST /api/programmes/:id/start'. */
  @Column({ type: 'varchar', length: 500 })
  action!: string;

  @Column({ name: 'programme_id', type: 'varchar', length: 64, nullable: true })
  programmeId!: string | null;

  /** The route's other parameters (sub-analysis, phase, meeting, …) as a JSON object. */
  @Column({ type: 'text', nullable: true })
  target!: string | null;

  @Column({ type: 'integer' })
  status!: number;

  /** ok (< 400), refused (401/403), rejected (other 4xx), failed (5xx). */
  @Column({ type: 'varchar', length: 10 })
  outcome!: AuditOutcome;
}
