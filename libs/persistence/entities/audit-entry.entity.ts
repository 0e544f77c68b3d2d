import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * ok: answered < 400 and applied; unchanged: answered < 400 but nothing needed changing
 * (an identical plan change); refused: 403; rejected: other 4xx; failed: 5xx; pending:
 * written before a workflow was asked and not yet completed (see audit-recorder.ts).
 */
export type AuditOutcome = 'ok' | 'unchanged' | 'refused' | 'rejected' | 'failed' | 'pending';

/**
 * One state-changing request, as it ended. Rows are never deleted; the only updates
 * complete a pending entry (its status and outcome, once), and set the API's successful
 * status on an entry the workflow had completed as applied (AuditEntries.complete).
 */
@Entity('audit_entry')
@Index('idx_audit_entry_programme_id', ['programmeId', 'id'])
@Index('idx_audit_entry_request_id', ['requestId'], { unique: true })
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

  /** See AuditOutcome. A pending entry has status 0 until it is completed. */
  @Column({ type: 'varchar', length: 10 })
  outcome!: AuditOutcome;

  /** The request's id, given to the workflow with the change so the entry can be completed from there. */
  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;
}
