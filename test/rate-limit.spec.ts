import { TOKEN_CREATION_LIMIT } from '../apps/api/auth/auth.module';
import { RunningApp, startApp } from './support/app';
import { EMAIL, call, definition, insertProgramme, tokenRows } from './support/auth';

describe('the rate limit on token creation', () => {
  const ADMIN_TOKEN = 'admin-token-for-the-rate-limit-test';
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp({ SPOR_ADMIN_TOKEN: ADMIN_TOKEN });
    await insertProgramme(app.api, definition());
  });
  afterAll(async () => {
    await app?.stop();
  });

  it(`allows ${TOKEN_CREATION_LIMIT.limit} a minute per address, then answers 429 and creates nothing`, async () => {
    const url = `/api/people/${EMAIL.lead}/tokens`;
    for (let i = 0; i < TOKEN_CREATION_LIMIT.limit; i++) {
      expect((await call(app.baseUrl, 'POST', url, { token: ADMIN_TOKEN })).status).toBe(201);
    }
    const count = (await tokenRows(app.api)).length;
    const refused = await call(app.baseUrl, 'POST', url, { token: ADMIN_TOKEN });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Too many tokens created from this address; wait a minute and try again',
    });
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await tokenRows(app.api)).length).toBe(count);

    // Only creation is limited: the same client still lists, revokes and reads.
    const listed = await call(app.baseUrl, 'GET', url, { token: ADMIN_TOKEN });
    expect(listed.status).toBe(200);
    for (const { id } of (listed.body as { id: string }[]).slice(0, TOKEN_CREATION_LIMIT.limit)) {
      expect((await call(app.baseUrl, 'DELETE', `${url}/${id}`, { token: ADMIN_TOKEN })).status).toBe(204);
    }
    expect((await call(app.baseUrl, 'GET', '/api/me', { token: ADMIN_TOKEN })).status).toBe(200);
  });
});
