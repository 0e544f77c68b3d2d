import * as http from 'node:http';
import { RunningApp, startApp } from './support/app';
import { EMAIL, PROGRAMME, Role, SUB_ANALYSIS, call, definition, setUpPeople } from './support/auth';

const ADMIN_TOKEN = 'admin-token-for-the-input-limits-test';
const PHASE = `/api/programmes/${PROGRAMME}/sub-analyses/${SUB_ANALYSIS}/phases/1`;

/** A raw request, so headers may be as large as a test needs (fetch would refuse some). */
function rawRequest(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'GET', headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** What Spor accepts as text, e-mail, weeks and media types, on the real app. */
describe('input limits', () => {
  let app: RunningApp;
  let tokens: Record<Role, string | undefined>;

  beforeAll(async () => {
    app = await startApp({ SPOR_ADMIN_TOKEN: ADMIN_TOKEN });
    tokens = await setUpPeople(app.api, ADMIN_TOKEN);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it.each([
    ['a form', 'application/x-www-form-urlencoded', 'weeks=14-17&reason=x'],
    ['YAML', 'application/yaml', 'weeks: 14-17\nreason: x\n'],
    ['text', 'text/plain', 'weeks 14-17'],
  ])('answers a PATCH with %s with 415 in the contract shape, in the asked language', async (_name, type, body) => {
    const res = await call(app.baseUrl, 'PATCH', PHASE, {
      token: tokens.secretariat,
      body,
      headers: { 'content-type': type, 'accept-language': 'da' },
    });
    expect(res.status).toBe(415);
    expect(res.body).toEqual({
      statusCode: 415,
      error: 'Unsupported Media Type',
      message: expect.stringContaining(`Indholdstypen "${type}" understøttes ikke`),
      details: [{ path: 'Content-Type', message: expect.stringContaining('application/json') }],
    });
    const english = await call(app.baseUrl, 'PATCH', PHASE, {
      token: tokens.secretariat,
      body,
      headers: { 'content-type': type },
    });
    expect(english.body).toMatchObject({
      message: expect.stringContaining(`The content type "${type}" is not supported`),
    });
  });

  it('still takes JSON, YAML definitions and bodiless POSTs', async () => {
    const json = await call(app.baseUrl, 'PATCH', PHASE, { token: tokens.secretariat, body: { weeks: '14-17' } });
    expect(json.status).toBe(400);
    expect(json.body).toMatchObject({ details: [{ path: 'reason' }] });
    const yaml = await call(app.baseUrl, 'POST', '/api/programmes/validate', {
      token: tokens.secretariat,
      body: 'id: x\n',
      headers: { 'content-type': 'application/yaml' },
    });
    expect(yaml.status).toBe(200);
    const start = await call(app.baseUrl, 'POST', `/api/programmes/${PROGRAMME}/start`, { token: tokens.lead });
    expect(start.status).toBe(403);
  });

  it('refuses control characters in any text of a request, naming the field', async () => {
    const res = await call(app.baseUrl, 'PATCH', PHASE, {
      token: tokens.secretariat,
      body: { weeks: '14-17', reason: 'fordi\u0000' },
      headers: { 'accept-language': 'da' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ details: [{ path: 'reason', message: expect.stringContaining('kontroltegn') }] });
    // Line breaks are text.
    const lines = await call(app.baseUrl, 'PATCH', PHASE, {
      token: tokens.secretariat,
      body: { weeks: '14-17', reason: 'Første linje\nAnden linje' },
    });
    expect(lines.status).not.toBe(400);
  });

  it('finds an over-long e-mail, a NUL and a phase in 1970 in a definition', async () => {
    const d = definition('limits-test') as {
      people: Record<string, { name: string; email: string }>;
      subAnalyses: { phases: Record<string, unknown>[] }[];
    };
    d.people.sekretariat.email = `${'a'.repeat(390)}@example.org`;
    d.people.direktor.name = 'Stads\u0000direktør';
    const phase = d.subAnalyses[0].phases[0];
    delete phase.weeks;
    Object.assign(phase, { from: '1970-W01', to: '2200-W52' });
    const res = await call(app.baseUrl, 'POST', '/api/programmes/validate', { token: tokens.secretariat, body: d });
    expect(res.status).toBe(200);
    const errors = (res.body as { errors: { path: string; message: string }[] }).errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'people.sekretariat.email', message: expect.stringContaining('at most 64') },
        { path: 'people.direktor.name', message: expect.stringContaining('control characters') },
        { path: 'subAnalyses[0].phases[0].from', message: expect.stringContaining('Must be a week of 2025 or 2026') },
        { path: 'subAnalyses[0].phases[0].to', message: expect.stringContaining('Must be a week of 2025 or 2026') },
      ]),
    );
  });

  it('refuses an over-long address for ?person=', async () => {
    const res = await call(
      app.baseUrl,
      'GET',
      `/api/programmes/${PROGRAMME}/calendar.ics?person=${'a'.repeat(65)}@example.org`,
      {
        token: tokens.secretariat,
      },
    );
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ details: [{ path: 'person' }] });
    const own = await call(app.baseUrl, 'GET', `/api/programmes/${PROGRAMME}/calendar.ics?person=${EMAIL.lead}`, {
      token: tokens.lead,
    });
    expect(own.status).toBe(200);
    const others = await call(app.baseUrl, 'GET', `/api/programmes/${PROGRAMME}/calendar.ics?person=${EMAIL.owner}`, {
      token: tokens.lead,
      headers: { 'accept-language': 'da' },
    });
    expect(others.status).toBe(403);
    expect(others.body).toMatchObject({ message: expect.stringContaining('Kun sekretariatet') });
  });

  it('answers headers too large with 431 in the contract shape', async () => {
    const res = await rawRequest(`${app.baseUrl}/api/me`, { 'x-padding': 'x'.repeat(20_000) });
    expect(res.status).toBe(431);
    expect(JSON.parse(res.body)).toEqual({
      statusCode: 431,
      error: 'Request Header Fields Too Large',
      message: 'The request headers are too large.',
      details: [],
    });
  });
});
