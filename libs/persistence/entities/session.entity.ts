import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A browser's signed-in session. Kept in the database, not in the API's memory, so that
 * every API instance recognises it and signing out ends it everywhere. Only hashes of
 * the cookie's secret and of the CSRF token are kept.
 */
@Entity('session')
export class SessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** Lower-case, as people are matched by e-mail case-insensitively. */
  @Index('idx_session_email')
  @Column({ type: 'varchar', length: 320 })
  email!: string;

  /** SHA-256 of the session cookie's value, hex. */
  @Index('idx_session_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  /** SHA-256 of the CSRF token state-changing requests must send in a header. */
  @Column({ name: 'csrf_hash', type: 'varchar', length: 64 })
  csrfHash!: string;

  /** How the person proved who they are: 'email-link' or 'oidc'. */
  @Column({ type: 'varchar', length: 20 })
  method!: string;

  @Column({ name: 'created_at', type: 'varchar', length: 40 })
  createdAt!: string;

  @Column({ name: 'expires_at', type: 'varchar', length: 40 })
  expiresAt!: string;

  /** Set when the person signs out; the row stays for the record until it is swept. */
  @Column({ name: 'ended_at', type: 'varchar', length: 40, nullable: true })
  endedAt!: string | null;
}
