import * as fs from 'node:fs';
import * as path from 'node:path';
import { ADMIN_TOKEN_SETTING } from '../apps/api/auth/admin-token.service';
import { SettingEntity } from '../libs/persistence';
import { RunningApp, startApp } from './support/app';
import {
  EMAIL,
  PROGRAMME,
  SUB_ANALYSIS,
  call,
  dataSource,
  definition,
  insertProgramme,
  mintToken,
  sha256,
  tokenRows,
} from './support/auth';

/** Runs `fn` with everything written to stdout captured (and kept off the test output). */
async function capturingStdout<T>(fn: () => Promise<T>): Promise<{ result: T; output: string }> {
  let output = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    output += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  try {
    return { result: await fn(), output };
  } finally {
    spy.mockRestore();
  }
}

const ADMIN_LINE = /^Admin token \(shown once[^)]*\): (spor_[A-Za-z0-9_-]{43})$/gm;

describe('person tokens', () => {
  const ADMIN_TOKEN = 'admin-token-for-the-token-tests';
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp({ SPOR_ADMIN_TOKEN: ADMIN_TOKEN });
    await insertProgramme(app.api, definition());
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('are created by the admin, work, are listed without secrets, and stop working when revoked', async () => {
    // E-mail matches case-insensitively.
    const created = await call(app.baseUrl, 'POST', '/api/people/PL-SBV@Example.org/tokens', {
      token: ADMIN_TOKEN,
      body: { label: ' laptop ' },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const { token, id } = created.body as { token: string; id: string };
    expect(created.body).toEqual({
      token: expect.stringMatching(/^spor_[A-Za-z0-9_-]{43}$/),
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      email: EMAIL.lead,
      label: 'laptop',
      createdAt: expect.stringMatching(/Z$/),
    });

    // Stored as its hash only.
    const row = (await tokenRows(app.api)).find((r) => r.id === id)!;
    expect(row.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(await tokenRows(app.api))).not.toContain(token);

    const me = await call(app.baseUrl, 'GET', '/api/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      email: EMAIL.lead,
      name: 'Projektleder, borgerservice',
      admin: false,
      roles: [{ programme: PROGRAMME, role: 'project-lead', subAnalysis: SUB_ANALYSIS }],
    });
    expect((await tokenRows(app.api)).find((r) => r.id === id)!.lastUsedAt).not.toBeNull();

    const listed = await call(app.baseUrl, 'GET', `/api/people/${EMAIL.lead}/tokens`, { token: ADMIN_TOKEN });
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([
      {
        id,
        email: EMAIL.lead,
        label: 'laptop',
        createdAt: expect.any(String),
        revokedAt: null,
        lastUsedAt: expect.any(String),
      },
    ]);

    const revoked = await call(app.baseUrl, 'DELETE', `/api/people/${EMAIL.lead}/tokens/${id}`, { token: ADMIN_TOKEN });
    expect(revoked.status).toBe(204);
    const refused = await call(app.baseUrl, 'GET', '/api/me', { token });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'This token has been revoked',
    });

    // Revoking again changes nothing; the revocation instant stays.
    const first = (await tokenRows(app.api)).find((r) => r.id === id)!.revokedAt;
    expect(first).not.toBeNull();
    expect(
      (await call(app.baseUrl, 'DELETE', `/api/people/${EMAIL.lead}/tokens/${id}`, { token: ADMIN_TOKEN })).status,
    ).toBe(204);
    expect((await tokenRows(app.api)).find((r) => r.id === id)!.revokedAt).toBe(first);
  });

  it('are only for people a programme names', async () => {
    const res = await call(app.baseUrl, 'POST', '/api/people/stranger@example.org/tokens', { token: ADMIN_TOKEN });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ message: 'No programme names a person with e-mail "stranger@example.org"' });
    expect(
      (await call(app.baseUrl, 'GET', '/api/people/stranger@example.org/tokens', { token: ADMIN_TOKEN })).status,
    ).toBe(404);
    expect(
      (await call(app.baseUrl, 'DELETE', `/api/people/${EMAIL.lead}/tokens/not-a-token`, { token: ADMIN_TOKEN }))
        .status,
    ).toBe(404);
  });

  it('take a label or nothing, and refuse anything else in the body', async () => {
    const url = `/api/people/${EMAIL.owner}/tokens`;
    expect((await call(app.baseUrl, 'POST', url, { token: ADMIN_TOKEN })).body).toMatchObject({ label: null });
    for (const body of [{ label: 42 }, { label: '' }, { lable: 'typo' }, [1], '"text"']) {
      const res = await call(app.baseUrl, 'POST', url, { token: ADMIN_TOKEN, body });
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400]);
    }
  });

  it('are refused with 401 when missing, malformed or unknown', async () => {
    const malformed: Record<string, string>[] = [
      {},
      { authorization: 'Token abc' },
      { authorization: 'Bearer' },
      { authorization: 'Bearer spor_nope' },
    ];
    for (const headers of malformed) {
      const res = await call(app.baseUrl, 'GET', '/api/me', { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', details: [] });
    }
  });

  it('give the admin token no person, and admin everywhere', async () => {
    const me = await call(app.baseUrl, 'GET', '/api/me', { token: ADMIN_TOKEN });
    expect(me.body).toEqual({ email: null, name: 'Admin', admin: true, roles: [] });
  });

  it('are not rate-limited outside token creation', async () => {
    const token = await mintToken(app.api, EMAIL.secretariat);
    for (let i = 0; i < 40; i++) expect((await call(app.baseUrl, 'GET', '/api/me', { token })).status).toBe(200);
  });
});

describe('the admin token', () => {
  it('is generated at first start, printed once, stored as a hash, and the same after a restart', async () => {
    const dataDir = path.join(process.env.SPOR_TEST_DIR!, `admin-token-${process.pid}`);
    fs.mkdirSync(dataDir, { recursive: true });

    const first = await capturingStdout(() => startApp({ DATA_DIR: dataDir }));
    let token: string;
    try {
      const lines = [...first.output.matchAll(ADMIN_LINE)];
      expect(lines).toHaveLength(1);
      token = lines[0][1];
      const settings = await dataSource(first.result.api).getRepository(SettingEntity).find();
      expect(settings).toEqual([{ key: ADMIN_TOKEN_SETTING, value: sha256(token) }]);
      expect((await call(first.result.baseUrl, 'GET', '/api/me', { token })).body).toMatchObject({ admin: true });
    } finally {
      await first.result.stop();
    }

    const second = await capturingStdout(() => startApp({ DATA_DIR: dataDir }));
    try {
      expect(second.output).not.toMatch(/Admin token/);
      expect((await call(second.result.baseUrl, 'GET', '/api/me', { token })).body).toMatchObject({ admin: true });
      const settings = await dataSource(second.result.api).getRepository(SettingEntity).find();
      expect(settings).toEqual([{ key: ADMIN_TOKEN_SETTING, value: sha256(token) }]);
    } finally {
      await second.result.stop();
    }
  });

  it('is SPOR_ADMIN_TOKEN when set: nothing generated, printed or stored', async () => {
    const chosen = 'an-operator-chosen-admin-token';
    const { result: app, output } = await capturingStdout(() => startApp({ SPOR_ADMIN_TOKEN: chosen }));
    try {
      expect(output).not.toMatch(/Admin token/);
      expect(await dataSource(app.api).getRepository(SettingEntity).find()).toEqual([]);
      expect((await call(app.baseUrl, 'GET', '/api/me', { token: chosen })).body).toMatchObject({ admin: true });
      expect((await call(app.baseUrl, 'GET', '/api/me', { token: `${chosen}x` })).status).toBe(401);
    } finally {
      await app.stop();
    }
  });

  it('never appears in the request log', async () => {
    const chosen = 'an-admin-token-that-must-not-be-logged';
    const { result: app, output } = await capturingStdout(async () => {
      const running = await startApp({ SPOR_ADMIN_TOKEN: chosen, LOG_LEVEL: 'info' });
      await insertProgramme(running.api, definition());
      const personal = await mintToken(running.api, EMAIL.lead);
      await call(running.baseUrl, 'GET', '/api/me', { token: chosen });
      await call(running.baseUrl, 'GET', '/api/me', { token: personal });
      await call(running.baseUrl, 'POST', `/api/people/${EMAIL.lead}/tokens`, { token: chosen });
      return Object.assign(running, { personal });
    });
    try {
      // The log did capture the requests, so its silence about the tokens means something.
      expect(output).toMatch(/"url":"\/api\/me"/);
      expect(output).toMatch(/"authorization":"\[Redacted\]"/);
      expect(output).not.toContain(chosen);
      expect(output).not.toContain(app.personal);
      expect(output).not.toMatch(/spor_[A-Za-z0-9_-]{43}/);
    } finally {
      await app.stop();
    }
  });
});
