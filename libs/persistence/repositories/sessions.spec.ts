import type { DataSource } from 'typeorm';
import { openDatabase } from '../data-source';
import { Sessions } from './sessions';

describe('Sessions (sign-in links and sessions, migrated SQLite)', () => {
  let db: DataSource;
  let store: Sessions;
  const now = new Date('2026-03-02T08:00:00.000Z');
  const later = (ms: number) => new Date(now.getTime() + ms);

  beforeAll(async () => {
    db = await openDatabase({ type: 'sqlite', file: ':memory:' });
    store = new Sessions(db);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('lets exactly one of many concurrent requests spend a link', async () => {
    await store.addLink('a@example.org', 'a'.repeat(64), now, 15 * 60_000);
    const results = await Promise.all(Array.from({ length: 8 }, () => store.redeemLink('a'.repeat(64), later(1000))));
    expect(results.filter((r) => 'email' in r)).toEqual([{ email: 'a@example.org' }]);
    expect(results.filter((r) => 'refused' in r && r.refused === 'used')).toHaveLength(7);
  });

  it('refuses a link after its time and one it never issued', async () => {
    await store.addLink('b@example.org', 'b'.repeat(64), now, 15 * 60_000);
    expect(await store.redeemLink('b'.repeat(64), later(15 * 60_000))).toEqual({ refused: 'expired' });
    expect(await store.redeemLink('c'.repeat(64), now)).toEqual({ refused: 'unknown' });
  });

  it('knows a session until it ends or expires, and sweeps what expired long ago', async () => {
    const row = {
      email: 'd@example.org',
      tokenHash: 'd'.repeat(64),
      csrfHash: 'e'.repeat(64),
      method: 'email-link',
      createdAt: now.toISOString(),
      expiresAt: later(60_000).toISOString(),
    };
    await store.addSession(row);
    const live = await store.activeSession(row.tokenHash, now);
    expect(live).toMatchObject({ email: 'd@example.org', endedAt: null });
    expect(await store.activeSession(row.tokenHash, later(60_000))).toBeUndefined();
    await store.endSession(live!.id, later(1000));
    expect(await store.activeSession(row.tokenHash, now)).toBeUndefined();
    await store.sweep(later(2 * 60_000), 0);
    expect(await db.query('SELECT id FROM session')).toEqual([]);
  });
});
