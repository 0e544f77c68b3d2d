import { randomUUID } from 'node:crypto';
import { type DataSource, IsNull, LessThan, MoreThan } from 'typeorm';
import { SessionEntity } from '../entities/session.entity';
import { SignInLinkEntity } from '../entities/sign-in-link.entity';

/** Why a sign-in link was not accepted. */
export type LinkRefusal = 'unknown' | 'used' | 'expired';

/**
 * Sign-in links and sessions, by the hashes of their secrets (the secrets themselves are
 * never stored). Instants are ISO 8601 UTC strings, so they compare as text.
 */
export class Sessions {
  constructor(private readonly dataSource: DataSource) {}

  private get links() {
    return this.dataSource.getRepository(SignInLinkEntity);
  }

  private get sessions() {
    return this.dataSource.getRepository(SessionEntity);
  }

  async addLink(email: string, tokenHash: string, now: Date, ttlMs: number): Promise<void> {
    await this.links.insert({
      id: randomUUID(),
      email,
      tokenHash,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
      usedAt: null,
    });
  }

  /**
   * Spends the link: exactly one of any number of concurrent requests gets the e-mail
   * (the conditional UPDATE is the arbiter, on any number of API instances).
   */
  async redeemLink(tokenHash: string, now: Date): Promise<{ email: string } | { refused: LinkRefusal }> {
    const at = now.toISOString();
    const result = await this.links.update({ tokenHash, usedAt: IsNull(), expiresAt: MoreThan(at) }, { usedAt: at });
    const row = await this.links.findOneBy({ tokenHash });
    if (!row) return { refused: 'unknown' };
    if (result.affected === 1 && row.usedAt === at) return { email: row.email };
    return { refused: row.usedAt !== null ? 'used' : 'expired' };
  }

  async addSession(row: Omit<SessionEntity, 'id' | 'endedAt'>): Promise<void> {
    await this.sessions.insert({ ...row, id: randomUUID(), endedAt: null });
  }

  /** The session with this hash if it has neither ended nor expired. */
  async activeSession(tokenHash: string, now: Date): Promise<SessionEntity | undefined> {
    const row = await this.sessions.findOneBy({ tokenHash, endedAt: IsNull(), expiresAt: MoreThan(now.toISOString()) });
    return row ?? undefined;
  }

  async endSession(id: string, now: Date): Promise<void> {
    await this.sessions.update({ id, endedAt: IsNull() }, { endedAt: now.toISOString() });
  }

  /** Forgets links and sessions that expired more than `graceMs` ago; they can never be used again. */
  async sweep(now: Date, graceMs: number): Promise<void> {
    const before = new Date(now.getTime() - graceMs).toISOString();
    await this.links.delete({ expiresAt: LessThan(before) });
    await this.sessions.delete({ expiresAt: LessThan(before) });
  }
}
