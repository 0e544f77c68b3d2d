import { createHash, createHmac, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataSource } from 'typeorm';
import { CalendarEventEntity, CalendarFeedEntity } from '../entities/calendar-feed.entity';
import { inTransaction } from '../transactions';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The key that turns a feed's nonce into its secret, kept in DATA_DIR beside the uploads
 * (so every API instance that shares the files shares it) and never in the database.
 * Made at first use; losing it only means people subscribe again.
 */
export function calendarFeedKey(dataDir: string): Buffer {
  const file = path.join(dataDir, 'calendar-feeds.key');
  try {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64url');
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const key = randomBytes(32).toString('base64url');
    try {
      fs.writeFileSync(file, key, { flag: 'wx', mode: 0o600 });
    } catch {
      // Another process wrote it first: that key counts.
      return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64url');
    }
    return Buffer.from(key, 'base64url');
  }
}

/** One event as a calendar shows it, for SEQUENCE bookkeeping. */
export interface CalendarEventShown {
  key: string;
  /** Everything a calendar shows of it; a change here raises its SEQUENCE. */
  shown: string;
}

/**
 * Personal calendar feeds: one secret URL per person, revocable, the secret stored only
 * as a hash; and the SEQUENCE of every event the feeds carry.
 */
export class CalendarFeeds {
  constructor(
    private readonly dataSource: DataSource,
    private readonly key: Buffer,
  ) {}

  private secretOf(email: string, nonce: string): string {
    return createHmac('sha256', this.key).update(`calendar:${email}:${nonce}`).digest('base64url');
  }

  /** The secret in `email`'s feed URL, made on first call (and after a revocation). */
  async secretFor(email: string): Promise<string> {
    const feeds = this.dataSource.getRepository(CalendarFeedEntity);
    const existing = await feeds.findOneBy({ email });
    if (existing) return this.secretOf(email, existing.nonce);
    const nonce = randomBytes(16).toString('hex');
    const secret = this.secretOf(email, nonce);
    try {
      await feeds.insert({ email, nonce, secretHash: sha256(secret), createdAt: new Date().toISOString() });
      return secret;
    } catch (err) {
      // Two first requests at once: the one stored first counts.
      const winner = await feeds.findOneBy({ email });
      if (!winner) throw err;
      return this.secretOf(email, winner.nonce);
    }
  }

  /** Ends `email`'s feed: its URL answers 404 from now on. */
  async revoke(email: string): Promise<void> {
    await this.dataSource.getRepository(CalendarFeedEntity).delete({ email });
  }

  /** Whose feed this secret opens, if any. */
  async ownerOf(secret: string): Promise<string | undefined> {
    const row = await this.dataSource.getRepository(CalendarFeedEntity).findOneBy({ secretHash: sha256(secret) });
    return row?.email;
  }

  /**
   * Each event's SEQUENCE: 0 when first shown, one more each time what is shown of it
   * changes. Stored, so it only ever rises.
   */
  async sequences(programmeId: string, events: CalendarEventShown[]): Promise<Map<string, number>> {
    return inTransaction(this.dataSource, async (tx) => {
      const repo = tx.getRepository(CalendarEventEntity);
      const stored = new Map((await repo.findBy({ programmeId })).map((r) => [r.eventKey, r]));
      const answer = new Map<string, number>();
      const changed: CalendarEventEntity[] = [];
      for (const e of events) {
        const fingerprint = sha256(e.shown);
        const before = stored.get(e.key);
        if (before && before.fingerprint === fingerprint) {
          answer.set(e.key, before.sequence);
          continue;
        }
        const sequence = before ? before.sequence + 1 : 0;
        answer.set(e.key, sequence);
        changed.push(repo.create({ programmeId, eventKey: e.key, fingerprint, sequence }));
      }
      if (changed.length) await repo.save(changed);
      return answer;
    });
  }
}
