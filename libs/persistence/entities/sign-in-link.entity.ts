import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A one-time sign-in link sent by e-mail. Only the hash of its secret is kept. */
@Entity('sign_in_link')
export class SignInLinkEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index('idx_sign_in_link_email')
  @Column({ type: 'varchar', length: 320 })
  email!: string;

  @Index('idx_sign_in_link_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ name: 'created_at', type: 'varchar', length: 40 })
  createdAt!: string;

  @Column({ name: 'expires_at', type: 'varchar', length: 40 })
  expiresAt!: string;

  /** Set by the one request that used it; a link with it set is spent. */
  @Column({ name: 'used_at', type: 'varchar', length: 40, nullable: true })
  usedAt!: string | null;
}
