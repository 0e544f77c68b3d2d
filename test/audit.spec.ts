import { Controller, HttpCode, Post } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { AuditService } from '../apps/api/auth/audit.service';
import { Actor, Allow } from '../apps/api/auth/decorators';
import { freePort } from '../libs/temporal';
import { RunningApp, startApp, testConfig } from './support/app';
import {
  EMAIL,
  OTHER_PROGRAMME,
  PROGRAMME,
  Role,
  SUB_ANALYSIS,
  auditRows,
  call,
  setUpPeople,
  tokenRows,
} from './support/auth';
import { createProbeApi } from './support/probe';

const ADMIN_TOKEN = 'admin-token-for-the-audit-tests';
const TOKENS_OF_LEAD = `/api/people/${EMAIL.lead}/tokens`;

/** The token rows but for last_used_at, which any authenticated request may move on. */
async function tokenState(api: INestApplication) {
  return (await tokenRows(api)).map(({ lastUsedAt: _lastUsedAt, ...rest }) => rest);
}

async function lastAudit(api: INestApplication) {
  const rows = await auditRows(api);
  return rows[rows.length - 1];
}

describe('the audit trail on the real app', () => {
  let app: RunningApp;
  let tokens: Record<Role, string | undefined>;

  beforeAll(async () => {
    app = await startApp({ SPOR_ADMIN_TOKEN: ADMIN_TOKEN });
    tokens = await setUpPeople(app.api, ADMIN_TOKEN);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('a refused request changes nothing, and is recorded as refused with who tried', async () => {
    const before = await tokenState(app.api);
    const res = await call(app.baseUrl, 'POST', TOKENS_OF_LEAD, { token: tokens.secretariat, body: { label: 'x' } });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden', message: 'Only the admin may do this' });
    expect(await tokenState(app.api)).toEqual(before);
    expect(await lastAudit(app.api)).toMatchObject({
      actorEmail: EMAIL.secretariat,
      actorAdmin: false,
      action: 'POST /api/people/:email/tokens',
      programmeId: null,
      target: JSON.stringify({ email: EMAIL.lead }),
      status: 403,
      outcome: 'refused',
    });
  });

  it('counts requests without a valid token instead of storing them', async () => {
    const audit = app.api.get(AuditService);
    const rowsBefore = (await auditRows(app.api)).length;
    const countBefore = audit.unauthenticatedCount;
    for (const token of [undefined, tokens.revoked, 'spor_made-up']) {
      const before = await tokenState(app.api);
      expect((await call(app.baseUrl, 'POST', TOKENS_OF_LEAD, { token })).status).toBe(401);
      expect(await tokenState(app.api)).toEqual(before);
    }
    expect((await auditRows(app.api)).length).toBe(rowsBefore);
    expect(audit.unauthenticatedCount).toBe(countBefore + 3);
  });

  it('records what the admin does, and what was rejected', async () => {
    const created = await call(app.baseUrl, 'POST', TOKENS_OF_LEAD, { token: ADMIN_TOKEN, body: { label: 'laptop' } });
    expect(created.status).toBe(201);
    expect(await lastAudit(app.api)).toMatchObject({ actorEmail: null, actorAdmin: true, status: 201, outcome: 'ok' });

    const id = (created.body as { id: string }).id;
    expect((await call(app.baseUrl, 'DELETE', `${TOKENS_OF_LEAD}/${id}`, { token: ADMIN_TOKEN })).status).toBe(204);
    expect(await lastAudit(app.api)).toMatchObject({
      action: 'DELETE /api/people/:email/tokens/:tokenId',
      target: JSON.stringify({ email: EMAIL.lead, tokenId: id }),
      status: 204,
      outcome: 'ok',
    });

    const unknown = await call(app.baseUrl, 'POST', '/api/people/nobody@example.org/tokens', { token: ADMIN_TOKEN });
    expect(unknown.status).toBe(404);
    expect(await lastAudit(app.api)).toMatchObject({ status: 404, outcome: 'rejected' });

    const bad = await call(app.baseUrl, 'POST', TOKENS_OF_LEAD, {
      token: ADMIN_TOKEN,
      body: { label: 'x'.repeat(201) },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ details: [{ path: 'label', message: 'Must be at most 200 characters.' }] });
    expect(await lastAudit(app.api)).toMatchObject({ status: 400, outcome: 'rejected' });
  });

  it('records requests the body parser turns away, with who sent them', async () => {
    const tooLarge = await call(app.baseUrl, 'POST', TOKENS_OF_LEAD, {
      token: tokens.lead,
      body: { label: 'x'.repeat(1_100_000) },
    });
    expect(tooLarge.status).toBe(413);
    expect(await lastAudit(app.api)).toMatchObject({
      actorEmail: EMAIL.lead,
      action: `POST ${TOKENS_OF_LEAD}`,
      status: 413,
      outcome: 'rejected',
    });

    const malformed = await call(app.baseUrl, 'POST', TOKENS_OF_LEAD, { token: ADMIN_TOKEN, body: '{"label": ' });
    expect(malformed.status).toBe(400);
    expect(await lastAudit(app.api)).toMatchObject({ actorAdmin: true, status: 400, outcome: 'rejected' });
  });

  it('leaves reads and validation out', async () => {
    const before = (await auditRows(app.api)).length;
    await call(app.baseUrl, 'GET', '/api/me', { token: tokens.lead });
    await call(app.baseUrl, 'GET', TOKENS_OF_LEAD, { token: ADMIN_TOKEN });
    await call(app.baseUrl, 'GET', TOKENS_OF_LEAD);
    await call(app.baseUrl, 'POST', '/api/programmes/validate', { token: tokens.lead, body: {} });
    await call(app.baseUrl, 'GET', '/health');
    expect((await auditRows(app.api)).length).toBe(before);
  });

  it('never holds a token', async () => {
    const text = JSON.stringify(await auditRows(app.api));
    for (const token of [ADMIN_TOKEN, ...Object.values(tokens)]) if (token) expect(text).not.toContain(token);
  });

  it("serves a programme's entries to its secretariat, newest first, with a limit", async () => {
    const audit = app.api.get(AuditService);
    for (let i = 0; i < 5; i++) {
      const action = `POST /api/programmes/:id/probe-${i}`;
      await audit.append({
        actorEmail: EMAIL.lead,
        actorAdmin: false,
        action,
        programmeId: PROGRAMME,
        target: null,
        status: 200,
      });
      await audit.append({
        actorEmail: null,
        actorAdmin: true,
        action,
        programmeId: OTHER_PROGRAMME,
        target: null,
        status: 200,
      });
    }
    const all = await call(app.baseUrl, 'GET', `/api/programmes/${PROGRAMME}/audit`, { token: tokens.secretariat });
    expect(all.status).toBe(200);
    const entries = all.body as { id: number; programme: string; action: string }[];
    expect(entries.map((e) => e.action)).toEqual([4, 3, 2, 1, 0].map((i) => `POST /api/programmes/:id/probe-${i}`));
    expect(entries.every((e) => e.programme === PROGRAMME)).toBe(true);
    expect(entries[0]).toEqual({
      id: expect.any(Number),
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      actor: EMAIL.lead,
      admin: false,
      action: 'POST /api/programmes/:id/probe-4',
      programme: PROGRAMME,
      target: null,
      status: 200,
      outcome: 'ok',
    });

    const two = await call(app.baseUrl, 'GET', `/api/programmes/${PROGRAMME}/audit?limit=2`, { token: ADMIN_TOKEN });
    expect((two.body as unknown[]).length).toBe(2);
    for (const limit of ['0', '1001', 'ten', '-1', '2.5']) {
      const res = await call(app.baseUrl, 'GET', `/api/programmes/${PROGRAMME}/audit?limit=${limit}`, {
        token: tokens.secretariat,
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ details: [{ path: 'limit' }] });
    }
    const whole = await call(app.baseUrl, 'GET', '/api/audit?limit=1000', { token: ADMIN_TOKEN });
    expect((whole.body as { action: string }[]).some((e) => e.action === 'POST /api/people/:email/tokens')).toBe(true);
  });

  it('answers 404 for an unknown programme to the admin, 403 to everyone else', async () => {
    const path = '/api/programmes/no-such-programme/audit';
    const admin = await call(app.baseUrl, 'GET', path, { token: ADMIN_TOKEN });
    expect(admin.status).toBe(404);
    expect(admin.body).toMatchObject({ message: 'There is no programme "no-such-programme"' });
    expect((await call(app.baseUrl, 'GET', path, { token: tokens.secretariat })).status).toBe(403);
    expect((await call(app.baseUrl, 'GET', path)).status).toBe(401);
  });
});

/** Endpoints shaped like the programme routes to come, to test ':id'/':sid' rules and auditing on them. */
@Controller('programmes/:id/probe')
class ProbeController {
  @Post('sub-analyses/:sid/phases/:code/start')
  @HttpCode(200)
  @Allow('lead')
  start(@Actor() actor: Actor): { by: string | null } {
    return { by: actor.email };
  }

  @Post('fail')
  @Allow('secretariat')
  fail(): never {
    throw new Error('a deliberate failure');
  }

  @Post('unannotated')
  unannotated(): Record<string, never> {
    return {};
  }
}

@Controller('programmes/:id/misconfigured')
class MisconfiguredController {
  @Post('start')
  @Allow('lead')
  start(): void {}
}

describe('access rules and auditing on programme routes (probe endpoints)', () => {
  let api: INestApplication;
  let baseUrl: string;
  let tokens: Record<Role, string | undefined>;

  beforeAll(async () => {
    const port = await freePort();
    api = await createProbeApi(testConfig({ SPOR_ADMIN_TOKEN: ADMIN_TOKEN }), [ProbeController]);
    await api.listen(port, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${port}`;
    tokens = await setUpPeople(api, ADMIN_TOKEN);
  });
  afterAll(async () => {
    await api?.close();
  });

  const start = (sid: string) => `/api/programmes/${PROGRAMME}/probe/sub-analyses/${sid}/phases/2A/start`;

  it("lets only the sub-analysis' own leads and owner (and the admin) act on it", async () => {
    const expected: Record<Role, number> = {
      admin: 200,
      lead: 200,
      owner: 200,
      otherLead: 403,
      secretariat: 403,
      steering: 403,
      committee: 403,
      outsider: 403,
      anonymous: 401,
      revoked: 401,
    };
    for (const [role, status] of Object.entries(expected) as [Role, number][]) {
      expect([role, (await call(baseUrl, 'POST', start(SUB_ANALYSIS), { token: tokens[role] })).status]).toEqual([
        role,
        status,
      ]);
    }
    const other = await call(baseUrl, 'POST', start('oko'), { token: tokens.lead });
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({
      message: `Only project leads and the project owner of sub-analysis "oko" or the admin of programme "${PROGRAMME}" may do this`,
    });
    expect((await call(baseUrl, 'POST', start('oko'), { token: tokens.otherLead })).status).toBe(200);
  });

  it('records the programme and the target of each request', async () => {
    const res = await call(baseUrl, 'POST', start(SUB_ANALYSIS), { token: tokens.owner });
    expect(res.body).toEqual({ by: EMAIL.owner });
    expect(await lastAudit(api)).toMatchObject({
      actorEmail: EMAIL.owner,
      action: 'POST /api/programmes/:id/probe/sub-analyses/:sid/phases/:code/start',
      programmeId: PROGRAMME,
      target: JSON.stringify({ sid: SUB_ANALYSIS, code: '2A' }),
      status: 200,
      outcome: 'ok',
    });
    const refused = await call(baseUrl, 'POST', start(SUB_ANALYSIS), { token: tokens.otherLead });
    expect(refused.status).toBe(403);
    expect(await lastAudit(api)).toMatchObject({
      actorEmail: EMAIL.otherLead,
      programmeId: PROGRAMME,
      outcome: 'refused',
    });
  });

  it('records failures', async () => {
    const res = await call(baseUrl, 'POST', `/api/programmes/${PROGRAMME}/probe/fail`, { token: tokens.secretariat });
    expect(res.status).toBe(500);
    expect(await lastAudit(api)).toMatchObject({ actorEmail: EMAIL.secretariat, status: 500, outcome: 'failed' });
  });

  it('refuses everyone, the admin too, on an endpoint without an access rule', async () => {
    const path = `/api/programmes/${PROGRAMME}/probe/unannotated`;
    expect((await call(baseUrl, 'POST', path, { token: ADMIN_TOKEN })).status).toBe(403);
    expect((await call(baseUrl, 'POST', path, { token: tokens.secretariat })).status).toBe(403);
    expect((await call(baseUrl, 'POST', path)).status).toBe(401);
  });

  it('refuses to start with a rule its route cannot satisfy', async () => {
    const broken = await createProbeApi(testConfig({ SPOR_ADMIN_TOKEN: ADMIN_TOKEN }), [MisconfiguredController]);
    try {
      await expect(broken.init()).rejects.toThrow(
        /MisconfiguredController\.start: rule 'lead' needs the sub-analysis id as :sid/,
      );
    } finally {
      await broken.close().catch(() => undefined);
    }
  });
});
