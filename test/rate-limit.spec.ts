import { TOKEN_CREATION_LIMIT } from '../apps/api/auth/auth.module';
import { EMAIL_LINK_LIMITS } from '../apps/api/auth/sign-in.controller';
import { RunningApp, startApp } from './support/app';
import { EMAIL, call, definition, insertProgramme, mintToken, tokenRows } from './support/auth';

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

describe('the throttle on failed authentication', () => {
  const LIMIT = 5;
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp({ AUTH_FAILURE_LIMIT: String(LIMIT) });
    await insertProgramme(app.api, definition());
  });
  afterAll(async () => {
    await app?.stop();
  });

  it(`answers 429 with Retry-After after ${LIMIT} failures from one address, while a valid token still passes`, async () => {
    const bad = (n: number) => ({ token: `spor_guess-${n}`, headers: { 'accept-language': 'da' } });
    for (let i = 0; i < LIMIT; i++) {
      expect((await call(app.baseUrl, 'GET', '/api/me', bad(i))).status).toBe(401);
    }
    const refused = await call(app.baseUrl, 'GET', '/api/me', bad(LIMIT));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(refused.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'For mange mislykkede forsøg på at logge ind fra denne adresse. Vent lidt, og prøv igen.',
      details: [],
    });
    // A stale session cookie is a failure like a bad token.
    const cookie = await call(app.baseUrl, 'GET', '/api/me', { headers: { cookie: 'spor_session=spor_ended' } });
    expect(cookie.status).toBe(429);

    // Only failures are counted and refused: a real person's token from the same address still works.
    const valid = await mintToken(app.api, EMAIL.lead);
    const me = await call(app.baseUrl, 'GET', '/api/me', { token: valid });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: EMAIL.lead });
    // A request without any credentials guesses nothing: still the plain 401.
    expect((await call(app.baseUrl, 'GET', '/api/me')).status).toBe(401);
  });

  it('tells, in Danish when asked, that an e-mail address is not one', async () => {
    const res = await call(app.baseUrl, 'POST', '/api/auth/email-link', {
      body: { email: 'ikke en adresse' },
      headers: { 'accept-language': 'da' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ details: [{ path: 'email', message: 'Skriv en gyldig e-mailadresse.' }] });
  });

  it(`allows ${EMAIL_LINK_LIMITS.perClient.limit} sign-in links per client address in its window, then answers 429`, async () => {
    const ask = () =>
      call(app.baseUrl, 'POST', '/api/auth/email-link', {
        body: { email: 'nobody@example.org' },
        headers: { 'accept-language': 'da' },
      });
    for (let i = 0; i < EMAIL_LINK_LIMITS.perClient.limit; i++) expect((await ask()).status).toBe(202);
    const refused = await ask();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(refused.body).toMatchObject({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Der er bedt om for mange links fra denne adresse. Vent lidt, og prøv igen.',
    });
  });
});
