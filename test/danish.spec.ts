import type { Browser, BrowserContext, Page } from 'playwright-core';
import { instantiateForYear } from '../libs/plan';
import { loadDefaultProgramme } from '../libs/plan/default-programme';
import { RunningApp, startApp } from './support/app';
import { Seen, expectCleanRun, launchChromium, openPage, signIn, textOf } from './support/browser';
import { eventually } from './support/process';

const ADMIN = 'admin-token-for-the-danish-test-0123456789';
const SECRETARIAT = 'sekretariat@example.org';
const SBV_LEAD = 'pl-borgerservice@example.org';

/**
 * Messages for people follow Accept-Language: `da` gives Danish, anything else (or
 * nothing) English, for validation, refusals from the workflows and unknown ids alike;
 * the pages ask for Danish and show it.
 */
describe('Danish for people, English for scripts', () => {
  let app: RunningApp;
  let browser: Browser;
  const tokens: Record<string, string> = {};
  const definition = {
    ...instantiateForYear(loadDefaultProgramme(), new Date().getUTCFullYear() + 1),
    id: 'danish-test',
  };
  const id = definition.id;
  const contexts: BrowserContext[] = [];
  let seen: Seen;

  async function api(token: string, method: string, path: string, body?: unknown, language?: string) {
    const res = await fetch(`${app.baseUrl}/api${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(language ? { 'accept-language': language } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  /** The same request in Danish, in English by default, and with a browser's English preference. */
  async function inEach(token: string, method: string, path: string, body?: unknown) {
    const [da, none, en] = await Promise.all([
      api(token, method, path, body, 'da-DK,da;q=0.9,en;q=0.8'),
      api(token, method, path, body),
      api(token, method, path, body, 'en-GB,en;q=0.9'),
    ]);
    expect(none).toEqual(en);
    expect(da.status).toBe(none.status);
    return { da: da.body, en: none.body, status: da.status };
  }

  beforeAll(async () => {
    app = await startApp({ SPOR_ADMIN_TOKEN: ADMIN });
    expect((await api(ADMIN, 'POST', '/programmes', definition)).status).toBe(201);
    for (const email of [SECRETARIAT, SBV_LEAD]) {
      const res = await api(ADMIN, 'POST', `/people/${email}/tokens`, { label: 'danish test' });
      expect(res.status).toBe(201);
      tokens[email] = res.body.token;
    }
    expect((await api(tokens[SECRETARIAT], 'POST', `/programmes/${id}/start`)).status).toBe(202);
    await eventually(
      async () => {
        const status = await api(tokens[SECRETARIAT], 'GET', `/programmes/${id}/status`);
        return status.body.subAnalyses?.find((s: { id: string }) => s.id === 'sbv')?.phases?.[0]?.state === 'ready';
      },
      30_000,
      'the programme to start',
    );
    browser = await launchChromium();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    if (seen) expectCleanRun(seen, Object.values(tokens));
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const newPage = (): Promise<Page> => {
    seen = { urls: [], unauthorisedApiCalls: [], problems: [] };
    return openPage(browser, contexts, seen);
  };

  describe('over HTTP', () => {
    const phase = (code: string) => `/programmes/${id}/sub-analyses/sbv/phases/${code}`;

    it('says what is wrong with a request body in either language', async () => {
      const missing = await inEach(tokens[SECRETARIAT], 'PATCH', phase('2A'), { weeks: '14-17' });
      expect(missing.status).toBe(400);
      expect(missing.da.details).toEqual([{ path: 'reason', message: 'Skal udfyldes' }]);
      expect(missing.en.details).toEqual([{ path: 'reason', message: expect.stringMatching(/^Invalid input/) }]);
      expect(missing.da.message).toBe('reason: Skal udfyldes');
    });

    it('names bad weeks in either language', async () => {
      const backwards = await inEach(tokens[SECRETARIAT], 'PATCH', phase('2A'), { weeks: '17-14', reason: 'x' });
      expect(backwards.status).toBe(400);
      expect(backwards.da.details[0]).toEqual({
        path: 'weeks',
        message: expect.stringMatching(/^Ugerne løber baglæns/),
      });
      expect(backwards.en.details[0]).toEqual({
        path: 'weeks',
        message: expect.stringMatching(/^The weeks run backwards/),
      });
      expect(backwards.da.message).toMatch(/^Den ændrede plan er ikke gyldig: weeks: Ugerne løber baglæns/);
      expect(backwards.en.message).toMatch(/^The changed plan is not valid: weeks: The weeks run backwards/);
    });

    it("gives a workflow's refusal in either language", async () => {
      const notReady = await inEach(tokens[SBV_LEAD], 'POST', `${phase('2A')}/start`);
      expect(notReady.status).toBe(409);
      expect(notReady.da.message).toBe('Fase 2A er ikke klar til at starte: fase 1 er ikke afsluttet');
      expect(notReady.en.message).toBe('Phase 2A is not ready to start: phase 1 is not completed');
    });

    it('says an id is unknown in either language', async () => {
      const sub = await inEach(tokens[SECRETARIAT], 'GET', `/programmes/${id}/sub-analyses/nope`);
      expect(sub.status).toBe(404);
      expect(sub.da.message).toBe(`Programmet ${id} har intet analysespor "nope"`);
      expect(sub.en.message).toBe(`Programme ${id} has no sub-analysis "nope"`);
      const meeting = await inEach(tokens[SECRETARIAT], 'GET', `/programmes/${id}/meetings/nope`);
      expect(meeting.status).toBe(404);
      expect(meeting.da.message).toBe(`Programmet ${id} har intet møde "nope"`);
      expect(meeting.en.message).toBe(`Programme ${id} has no meeting "nope"`);
      const route = await inEach(tokens[SECRETARIAT], 'GET', '/no-such-thing');
      expect(route.status).toBe(404);
      expect(route.da.message).toBe('GET /api/no-such-thing findes ikke');
      expect(route.en.message).toBe('Cannot GET /api/no-such-thing');
    });
  });

  describe('on the pages (Chromium)', () => {
    const sbvPage = () => `${app.baseUrl}/programmes/${id}/sub-analyses/sbv`;

    it('shows bad weeks in Danish beside the form', async () => {
      const page = await newPage();
      await page.goto(sbvPage());
      await signIn(page, tokens[SECRETARIAT]);
      const twoA = page.locator('li.phase[data-phase="2A"]');
      await twoA.getByText('Ændr uger', { exact: true }).click();
      await twoA.getByLabel('Uger').fill('17-14');
      await twoA.getByLabel('Begrundelse').fill('Mere tid');
      await twoA.getByRole('button', { name: 'Gem nye uger' }).click();
      const alert = twoA.getByRole('alert');
      await alert.waitFor();
      const text = await textOf(alert);
      expect(text).toMatch(/Spor svarede: .*Den ændrede plan er ikke gyldig/);
      expect(text).toContain('Uger: Ugerne løber baglæns');
      expect(text).not.toMatch(/weeks run backwards/);
    });

    it('shows a refused action in Danish', async () => {
      const page = await newPage();
      await page.goto(sbvPage());
      await signIn(page, tokens[SBV_LEAD]);
      const one = page.locator('li.phase[data-phase="1"]');
      const start = one.getByRole('button', { name: 'Start fase' });
      await start.waitFor();
      // Someone else starts it first (another tab, a colleague): the page's button is now stale.
      expect((await api(tokens[SBV_LEAD], 'POST', `/programmes/${id}/sub-analyses/sbv/phases/1/start`)).status).toBe(
        200,
      );
      await start.click();
      const alert = one.getByRole('alert');
      await alert.waitFor();
      expect(await textOf(alert)).toBe('Det kan ikke lade sig gøre lige nu. Spor svarede: Fase 1 er allerede i gang');
    });

    it('shows an unknown id in Danish', async () => {
      const page = await newPage();
      await page.goto(`${app.baseUrl}/programmes/${id}/sub-analyses/nope`);
      await signIn(page, tokens[SECRETARIAT]);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await textOf(alert)).toBe(
        `Det findes ikke i Spor. Spor svarede: Programmet ${id} har intet analysespor "nope"`,
      );
    });
  });
});
