import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { generateToken, hashToken, normalizeEmail, sameHash } from '../../../libs/auth';
import { ApiTokenEntity } from '../../../libs/persistence';
import { AdminTokenService } from './admin-token.service';

/** What a presented token turns out to be. */
export type Identity =
  { kind: 'admin' } | { kind: 'person'; email: string; tokenId: string } | { kind: 'revoked' } | { kind: 'unknown' };

/** A token as listed: everything but the secret, which is never kept. */
export interface TokenView {
  id: string;
  email: string;
  label: string | null;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** last_used_at is a hint, not a log: writing it at most once a minute spares a write per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

@Injectable()
export class TokenService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly admin: AdminTokenService,
  ) {}

  private get tokens() {
    return this.dataSource.getRepository(ApiTokenEntity);
  }

  /** A new token for `email`; the returned `token` is the only time the secret exists outside the caller. */
  async create(email: string, label: string | null): Promise<{ token: string; view: TokenView }> {
    const token = generateToken();
    const entity: ApiTokenEntity = {
      id: randomUUID(),
      email: normalizeEmail(email),
      tokenHash: hashToken(token),
      label,
      createdAt: new Date().toISOString(),
      revokedAt: null,
      lastUsedAt: null,
    };
    await this.tokens.insert(entity);
    return { token, view: toView(entity) };
  }

  async list(email: string): Promise<TokenView[]> {
    const rows = await this.tokens.find({ where: { email: normalizeEmail(email) }, order: { createdAt: 'ASC' } });
    return rows.map(toView);
  }

  /** Revokes one of `email`'s tokens; revoking it again changes nothing. Undefined: no such token of theirs. */
  async revoke(email: string, id: string): Promise<TokenView | undefined> {
    const row = await this.tokens.findOneBy({ id, email: normalizeEmail(email) });
    if (!row) return undefined;
    if (row.revokedAt === null) {
      const revokedAt = new Date().toISOString();
      // The IsNull condition keeps the first revocation's instant if two race.
      await this.tokens.update({ id, revokedAt: IsNull() }, { revokedAt });
      return toView((await this.tokens.findOneBy({ id })) ?? { ...row, revokedAt });
    }
    return toView(row);
  }

  /**
   * Who a presented token belongs to. `touch` records the use (off for the audit
   * recorder, which only asks after the fact).
   */
  async identify(token: string, { touch }: { touch: boolean } = { touch: true }): Promise<Identity> {
    const hash = hashToken(token);
    if (this.admin.matches(hash)) return { kind: 'admin' };
    // Looked up by hash: equality on a SHA-256 of 256 random bits leaks nothing useful
    // through timing, and the constant-time comparison below settles it anyway.
    const row = await this.tokens.findOneBy({ tokenHash: hash });
    if (!row || !sameHash(row.tokenHash, hash)) return { kind: 'unknown' };
    if (row.revokedAt !== null) return { kind: 'revoked' };
    if (touch) await this.touch(row);
    return { kind: 'person', email: row.email, tokenId: row.id };
  }

  private async touch(row: ApiTokenEntity): Promise<void> {
    const now = Date.now();
    if (row.lastUsedAt !== null && now - Date.parse(row.lastUsedAt) < LAST_USED_RESOLUTION_MS) return;
    await this.tokens.update({ id: row.id }, { lastUsedAt: new Date(now).toISOString() });
  }
}

function toView(row: ApiTokenEntity): TokenView {
  return {
    id: row.id,
    email: row.email,
    label: row.label,
    createdAt: row.createdAt,
    revokedAt: row.revokedAt,
    lastUsedAt: row.lastUsedAt,
  };
}
