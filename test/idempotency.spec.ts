import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditEntryEntity, IdempotentRequestEntity } from '../libs/persistence';
import { SBV_LEAD, SECRETARIAT, StartedProgramme, startedProgramme } from './support/started-programme';

/**
 * Retried writes on the real app: one Idempotency-Key, one change, one audit entry; an
 * identical plan change is no change at all.
 */
describe('idempotent writes and identical plan changes', () => {
  let p: StartedProgramme;
  const history = async () =>
    (await p.api(p.tokens[SECRETARIAT], 'GET', `/programmes/${p.id}/sub-analyses/sbv`)).body.history as {
      kind: string;
    }[];
  const auditOf = async (action: string) =>
    (await p.api(p.admin, 'GET', `/programmes/${p.id}/audit?limit=1000`)).body.filter(
      (e: { action: string }) => e.action === action,
    ) as { outcome: string; status: number; target: Record<string, string> }[];
  const PATCH = 'PATCH /api/programmes/:id/sub-analyses/:sid/phases/:code';

  beforeAll(async () => {
    p = await startedProgramme('idempotency-test', 'admin-token-for-the-idempotency-test');
  });
  afterAll(async () => {
    await p?.app.stop();
  });

  it('applies a plan change sent twice with one key once, and answers the retry as the first', async () => {
    const key = randomUUID();
    const path = `/programmes/${p.id}/sub-analyses/sbv/phases/2A`;
    const body = { weeks: '14-17', reason: 'Mere tid' };
    const before = (await history()).length;
    const auditBefore = (await auditOf(PATCH)).length;

    const first = await p.api(p.tokens[SECRETARIAT], 'PATCH', path, body, { 'idempotency-key': key });
    expect(first.status).toBe(200);
    const again = await p.api(p.tokens[SECRETARIAT], 'PATCH', path, body, { 'idempotency-key': key });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');

    const after = await history();
    expect(after.length).toBe(before + 1);
    expect(after.filter((h) => h.kind === 'plan-changed')).toHaveLength(1);
    const audit = await auditOf(PATCH);
    expect(audit.length).toBe(auditBefore + 1);
    expect(audit[0]).toMatchObject({ status: 200, outcome: 'ok' });

    // The same key for another body is refused, and changes nothing.
    const other = await p.api(
      p.tokens[SECRETARIAT],
      'PATCH',
      path,
      { weeks: '14-18', reason: 'x' },
      {
        'idempotency-key': key,
        'accept-language': 'da',
      },
    );
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({
      statusCode: 422,
      error: 'Unprocessable Content',
      message: expect.stringContaining('Idempotency-Key'),
      details: [{ path: 'Idempotency-Key', message: expect.stringContaining('allerede brugt') }],
    });
    expect((await history()).length).toBe(before + 1);
  });

  it('replays refusals too, and keeps keys apart per person', async () => {
    const key = randomUUID();
    const path = `/programmes/${p.id}/sub-analyses/sbv/phases/3/start`;
    const first = await p.api(p.tokens[SBV_LEAD], 'POST', path, undefined, { 'idempotency-key': key });
    expect(first.status).toBe(409);
    const again = await p.api(p.tokens[SBV_LEAD], 'POST', path, undefined, { 'idempotency-key': key });
    expect(again.status).toBe(409);
    expect(again.body).toEqual(first.body);
    // Another person's request under the same key is theirs alone (and the admin may do it).
    const admin = await p.api(p.admin, 'POST', path, undefined, { 'idempotency-key': key });
    expect(admin.status).toBe(409);
    expect(admin.headers.get('idempotent-replayed')).toBeNull();
  });

  it('refuses a key that is not a short visible text', async () => {
    const res = await p.api(
      p.tokens[SECRETARIAT],
      'PATCH',
      `/programmes/${p.id}/sub-analyses/sbv/phases/2A`,
      {
        weeks: '14-17',
        reason: 'x',
      },
      { 'idempotency-key': 'x'.repeat(201) },
    );
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ path: 'Idempotency-Key', message: expect.stringContaining('1-200') }]);
  });

  it('keeps keys in the database, with a day to live', async () => {
    const rows = await p.app.api.get(DataSource).getRepository(IdempotentRequestEntity).find();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(Date.parse(row.expiresAt) - Date.parse(row.createdAt)).toBe(24 * 60 * 60 * 1000);
      expect(row.status).not.toBeNull();
    }
  });

  it('treats a change to the weeks a phase has as no change: no history, audited as unchanged', async () => {
    const path = `/programmes/${p.id}/sub-analyses/sbv/phases/2A`;
    const before = await history();
    const plan = (await p.api(p.tokens[SECRETARIAT], 'GET', `/programmes/${p.id}`)).body.plan;
    const answers = [];
    for (let i = 0; i < 3; i++) {
      answers.push(await p.api(p.tokens[SECRETARIAT], 'PATCH', path, { weeks: '14-17', reason: 'Igen' }));
    }
    for (const a of answers) expect(a.status).toBe(200);
    expect(answers[2].body.version).toBe(answers[0].body.version);
    expect(await history()).toEqual(before);
    expect((await p.api(p.tokens[SECRETARIAT], 'GET', `/programmes/${p.id}`)).body.plan).toEqual(plan);
    expect((await auditOf(PATCH)).slice(0, 3).map((e) => e.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('leaves no audit entry pending, and one per request', async () => {
    const rows = await p.app.api.get(DataSource).getRepository(AuditEntryEntity).find();
    expect(rows.filter((r) => r.outcome === 'pending')).toEqual([]);
    const ids = rows.map((r) => r.requestId).filter((id) => id !== null);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
