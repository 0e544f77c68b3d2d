import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The first answer to a request sent with an `Idempotency-Key`, per person and key.
 * `status` is null while the first request is still being answered.
 */
@Entity('idempotent_request')
@Index('idx_idempotent_request_expires_at', ['expiresAt'])
export class IdempotentRequestEntity {
  /** The person's e-mail, or 'admin' for the admin token: keys are private to whoever sent them. */
  @PrimaryColumn({ type: 'varchar', length: 320 })
  actor!: string;

  @PrimaryColumn({ type: 'varchar', length: 200 })
  key!: string;

  @Column({ type: 'varchar', length: 10 })
  method!: string;

  @Column({ type: 'varchar', length: 2000 })
  path!: string;

  /** SHA-256 of method, path, content type and body: a reused key with other content is refused. */
  @Column({ type: 'varchar', length: 64 })
  fingerprint!: string;

  @Column({ type: 'integer', nullable: true })
  status!: number | null;

  @Column({ name: 'content_type', type: 'varchar', length: 200, nullable: true })
  contentType!: string | null;

  @Column({ type: 'text', nullable: true })
  body!: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 40 })
  createdAt!: string;

  @Column({ name: 'expires_at', type: 'varchar', length: 40 })
  expiresAt!: string;
}
