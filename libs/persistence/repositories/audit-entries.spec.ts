import type { DataSource } from 'typeorm';
import { openDatabase } from '../data-source';
import { AuditEntryEntity } from '../entities/audit-entry.entity';
import { AuditEntries } from './audit-entries';

describe('AuditEntries (completing an entry once, migrated SQLite)', () => {
  let db: DataSource;
  let entries: AuditEntries;
  const pending = (requestId: string) =>
    entries.pending({
      requestId,
      actorEmail: 'a@example.org',
      actorAdmin: false,
      action: 'POST /x',
      programmeId: null,
      target: null,
    });
  const row = (requestId: string) => db.getRepository(AuditEntryEntity).findOneByOrFail({ requestId });

  beforeAll(async () => {
    db = await openDatabase({ type: 'sqlite', file: ':memory:' });
    entries = new AuditEntries(db);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it("completes a pending entry with the API's answer", async () => {
    await pending('r1');
    await entries.complete('r1', 409);
    expect(await row('r1')).toEqual(expect.objectContaining({ status: 409, outcome: 'rejected' }));
  });

  it('keeps an applied change ok, and takes the status of a successful answer', async () => {
    await pending('r2');
    await entries.applied('r2');
    expect(await row('r2')).toEqual(expect.objectContaining({ status: 200, outcome: 'ok' }));
    await entries.complete('r2', 201);
    expect(await row('r2')).toEqual(expect.objectContaining({ status: 201, outcome: 'ok' }));
    // The change was applied: a failed answer after it (the API lost Temporal's reply) changes nothing.
    await entries.complete('r2', 503);
    expect(await row('r2')).toEqual(expect.objectContaining({ status: 201, outcome: 'ok' }));
  });

  it('leaves an entry the API completed as it is when the workflow records the change after', async () => {
    await pending('r3');
    await entries.complete('r3', 500);
    await entries.applied('r3');
    await entries.complete('r3', 500);
    expect(await row('r3')).toEqual(expect.objectContaining({ status: 500, outcome: 'failed' }));
  });
});
