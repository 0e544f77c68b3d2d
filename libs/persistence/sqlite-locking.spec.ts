import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DataSource } from 'typeorm';
import { openDatabase } from './data-source';
import { AuditEntries } from './repositories/audit-entries';
import { inTransaction } from './transactions';

/**
 * Two connections on one SQLite file, as the API and the worker have: one keeps taking
 * the write lock in short transactions while the other writes many rows at once. Every
 * write the second one reports done must be in the file.
 */
describe('SQLite shared by two connections', () => {
  let dir: string;
  let holder: DataSource;
  let writer: DataSource;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spor-sqlite-locking-'));
    const file = path.join(dir, 'spor.sqlite');
    holder = await openDatabase({ type: 'sqlite', file });
    writer = await openDatabase({ type: 'sqlite', file });
  });
  afterAll(async () => {
    await holder?.destroy();
    await writer?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every write reported done while the other connection holds the lock again and again', async () => {
    const audit = new AuditEntries(writer);
    let stop = false;
    let transactions = 0;
    const churn = (async () => {
      while (!stop) {
        await inTransaction(holder, async (tx) => {
          await tx.query(`UPDATE audit_entry SET status = status WHERE id = 1`);
          await new Promise((resolve) => setTimeout(resolve, 5));
        });
        transactions++;
      }
    })();

    const writes = Array.from({ length: 150 }, (_, i) =>
      new Promise((resolve) => setTimeout(resolve, i * 2)).then(() =>
        audit.pending({
          actorEmail: 'sekretariat@example.org',
          actorAdmin: false,
          action: 'PATCH /api/programmes/:id/sub-analyses/:sid/phases/:code',
          programmeId: 'p',
          target: {},
          requestId: `request-${i}`,
        }),
      ),
    );
    const results = await Promise.allSettled(writes);
    stop = true;
    await churn;

    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(transactions).toBeGreaterThan(10);
    const rows: { requestId: string }[] = await writer.query(`SELECT request_id AS requestId FROM audit_entry`);
    expect(new Set(rows.map((r) => r.requestId)).size).toBe(150);
  });

  it('begins every transaction immediate, so one that reads first still waits for the lock', async () => {
    await holder.query(
      `INSERT INTO audit_entry (at, action, status, outcome, actor_admin) VALUES ('x', 'A', 0, 'ok', 0)`,
    );
    // Both read first, then write: deferred, the second would fail at once with SQLITE_BUSY.
    const readThenWrite = (db: DataSource) =>
      inTransaction(db, async (tx) => {
        const [{ n }] = await tx.query(`SELECT COUNT(*) AS n FROM audit_entry`);
        await new Promise((resolve) => setTimeout(resolve, 30));
        await tx.query(`UPDATE audit_entry SET status = ? WHERE action = 'A'`, [Number(n)]);
      });
    await expect(Promise.all([readThenWrite(holder), readThenWrite(writer)])).resolves.toBeDefined();
  });

  it("keeps a statement sent during another caller's transaction out of it, so the transaction's rollback spares it", async () => {
    const insert = (action: string) =>
      `INSERT INTO audit_entry (at, action, status, outcome, actor_admin) VALUES ('x', '${action}', 0, 'ok', 0)`;
    const failing = inTransaction(writer, async (tx) => {
      await tx.query(insert('in-the-transaction'));
      await new Promise((resolve) => setTimeout(resolve, 100));
      throw new Error('rolled back');
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const outside = writer.query(insert('from-outside'));
    await expect(failing).rejects.toThrow('rolled back');
    await outside;
    const rows: { action: string }[] = await writer.query(
      `SELECT action FROM audit_entry WHERE action IN ('in-the-transaction', 'from-outside')`,
    );
    expect(rows.map((r) => r.action)).toEqual(['from-outside']);
  });
});
