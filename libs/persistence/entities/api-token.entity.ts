import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A person's bearer token. Only its hash is kept: the token itself is shown once, at creation. */
@Entity('api_token')
export class ApiTokenEntity {
  /** A UUID; what people see and revoke by, never the secret. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** Lower-case, as people are matched by e-mail case-insensitively. */
  @Index('idx_api_token_email')
  @Column({ type: 'varchar', length: 320 })
  email!: string;

  /** SHA-256 of the token, hex; requests find their token by it. */
  @Index('idx_api_token_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  label!: string | null;

  /** Instants are ISO 8601 UTC strings, as everywhere in the schema. */
  @Column({ name: 'created_at', type: 'varchar', length: 40 })
  createdAt!: string;

  /** Set once when revoked; the row stays so listings and audit entries keep their meaning. */
  @Column({ name: 'revoked_at', type: 'varchar', length: 40, nullable: true })
  revokedAt!: string | null;

  @Column({ name: 'last_used_at', type: 'varchar', length: 40, nullable: true })
  lastUsedAt!: string | null;
}
