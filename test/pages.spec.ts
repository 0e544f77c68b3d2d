import * as http from 'node:http';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { instantiateForYear } from '../libs/plan';
import { loadDefaultProgramme } from '../libs/plan/default-programme';
import { danishDate, danishDateWithoutWeek, workingDaysText } from '../libs/texts/dates';
import * as labels from '../libs/texts/labels';
import { RunningApp, startApp } from './support/app';
import { definition as smallDefinition } from './support/auth';
import { Seen, expectCleanRun, launchChromium, openPage, screenshot, signIn, textOf } from './support/browser';
import { eventually } from './support/process';

const ADMIN = 'admin-token-for-the-pages-test-0123456789';
const SECRETARIAT = 'sekretariat@example.org';
const SBV_LEAD = 'pl-borgerservice@example.org';
const SBV_OTHER_LEAD = 'pl-virksomhedsservice@example.org';
const KLIMA_LEAD = 'pl-klima@example.org';
/** The overview's table of sub-analyses (the meetings' table below it is styled alike). */
const STATUS_TABLE = 'table.overview:not(.meetings)';

/** The status of a plain GET with exactly these headers. */
function statusOf(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject);
  });
}

/**
 * The web pages in Debian's Chromium (headless, through playwright-core) against the
 * real app: a programme loaded and started, people signing in with their tokens and
 * moving phases with clicks.
 */
describe('web pages (Chromium, worker, API)', () => {
  let app: RunningApp;
  let browser: Browser;
  const tokens: Record<string, string> = {};
  // An id of its own: test files share one Temporal dev server, and workflow ids derive from it.
  const definition = {
    ...instantiateForYear(loadDefaultProgramme(), new Date().getUTCFullYear() + 1),
    id: 'pages-test',
  };
  const id = definition.id;
  const sbvLink = () => `${app.baseUrl}/programmes/${id}/sub-analyses/sbv`;
  /** What each browser context saw, checked after each test. */
  let seen: Seen;
  const contexts: BrowserContext[] = [];

  async function api(token: string, method: string, urlPath: string, body?: unknown) {
    const res = await fetch(`${app.baseUrl}/api${urlPath}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  function newPage(viewport?: { width: number; height: number }): Promise<Page> {
    return openPage(browser, contexts, seen, viewport);
  }

  const phaseCard = (page: Page, code: string): Locator => page.locator(`li.phase[data-phase="${code}"]`);

  beforeAll(async () => {
    app = await startApp({ SPOR_ADMIN_TOKEN: ADMIN });
    expect((await api(ADMIN, 'POST', '/programmes', definition)).status).toBe(201);
    for (const email of [SECRETARIAT, SBV_LEAD, SBV_OTHER_LEAD, KLIMA_LEAD]) {
      const res = await api(ADMIN, 'POST', `/people/${email}/tokens`, { label: 'pages test' });
      expect(res.status).toBe(201);
      tokens[email] = res.body.token;
    }
    expect((await api(tokens[SECRETARIAT], 'POST', `/programmes/${id}/start`)).status).toBe(202);
    await eventually(
      async () => {
        const status = await api(tokens[SECRETARIAT], 'GET', `/programmes/${id}/status`);
        return status.body.subAnalyses.every((s: { phases: { code: string; state: string }[] }) =>
          s.phases.some((p) => p.code === '1' && p.state === 'ready'),
        );
      },
      30_000,
      'every phase 1 to be ready',
    );
    browser = await launchChromium();
  });

  beforeEach(() => {
    seen = { urls: [], unauthorisedApiCalls: [], problems: [] };
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    expectCleanRun(seen, Object.values(tokens));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('serves one HTML shell at the page paths with a strict CSP, and its assets with types and cache headers', async () => {
    for (const pagePath of [
      '/',
      `/programmes/${id}`,
      `/programmes/${id}/sub-analyses/sbv`,
      `/programmes/${id}/meetings/udvalg-juni`,
    ]) {
      const res = await fetch(app.baseUrl + pagePath);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toContain('unsafe');
      const html = await res.text();
      expect(html).toContain('<html lang="da">');
      const links = [...html.matchAll(/"(\/assets\/[^"]+)"/g)].map((m) => m[1]);
      expect(links).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^\/assets\/js\/app\.js\?v=[0-9a-f]{16}$/),
          expect.stringMatching(/^\/assets\/spor\.css\?v=[0-9a-f]{16}$/),
        ]),
      );
    }

    const shell = await (await fetch(`${app.baseUrl}/`)).text();
    const js = /"(\/assets\/js\/app\.js\?v=([0-9a-f]+))"/.exec(shell)!;
    const css = /"(\/assets\/spor\.css\?v=[0-9a-f]+)"/.exec(shell)!;
    const script = await fetch(app.baseUrl + js[1]);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    // The entry's imports of its sibling modules carry their versions too, nested folders included.
    const entry = await script.text();
    expect(entry).toMatch(/from '\.\/pages\/sign-in\.js\?v=[0-9a-f]{16}'/);
    const nested = /'\.\/(pages\/sign-in\.js\?v=[0-9a-f]{16})'/.exec(entry)!;
    const signInModule = await fetch(`${app.baseUrl}/assets/js/${nested[1]}`);
    expect(signInModule.status).toBe(200);
    expect(signInModule.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const style = await fetch(app.baseUrl + css[1]);
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
    // Without the current version in the link the browser must check back.
    const unversioned = await fetch(`${app.baseUrl}/assets/js/app.js`);
    expect(unversioned.headers.get('cache-control')).toBe('no-cache');
    // (With node:http: fetch adds "Cache-Control: no-cache" to a conditional request.)
    expect(await statusOf(`${app.baseUrl}/assets/js/app.js`, { 'if-none-match': `"${js[2]}"` })).toBe(304);
    expect((await fetch(`${app.baseUrl}/assets/index.html`)).status).toBe(404);
    expect((await fetch(`${app.baseUrl}/assets/..%2fpages.module.ts`)).status).toBe(404);
    expect((await fetch(`${app.baseUrl}/assets/js/..%2f..%2fpages.module.ts`)).status).toBe(404);
    // The pages hold no data; the API behind them still wants a token.
    expect((await fetch(`${app.baseUrl}/api/programmes/${id}`)).status).toBe(401);
  });

  it("gives the pages libs/texts' words as a module, and writes dates as libs/texts does", async () => {
    const page = await newPage();
    await page.goto(`${app.baseUrl}/`);
    await signIn(page, tokens[KLIMA_LEAD]);
    await page.getByRole('heading', { level: 1, name: 'Programmer' }).waitFor();
    /** A module's URL as the page loaded it: importing it again gives the same instance. */
    const urlOf = (name: string): string => {
      const url = seen.urls.find((u) => new URL(u).pathname === `/assets/js/${name}`);
      if (!url) throw new Error(`The page did not load ${name}`);
      return JSON.stringify(url);
    };
    // Strings, not functions: ts-jest would turn a function's import() into require().
    const loaded = (name: string): Promise<Record<string, unknown>> =>
      page.evaluate(`import(${urlOf(name)}).then((m) => ({ ...m }))`);
    const texts = await loaded('texts.js');
    expect(texts).toEqual({ ...labels });
    expect(texts.DELIVERABLE_STATE).toEqual(labels.DELIVERABLE_STATE);

    const days = ['2025-03-17', '2025-06-02', '2024-02-29', '2025-12-29', '2026-01-01', '2027-01-01', '2027-01-04'];
    const dates = await page.evaluate(
      `import(${urlOf('dates.js')}).then((m) => ({
        withWeek: ${JSON.stringify(days)}.map(m.dateWithWeek),
        withoutWeek: ${JSON.stringify(days)}.map(m.dateText),
        workingDays: [1, 2, 5].map(m.workingDays),
      }))`,
    );
    expect(dates).toEqual({
      withWeek: days.map(danishDate),
      withoutWeek: days.map(danishDateWithoutWeek),
      workingDays: [1, 2, 5].map(workingDaysText),
    });
  });

  it('tells a person whose token is wrong, and keeps nothing', async () => {
    const page = await newPage();
    await page.goto(`${app.baseUrl}/programmes/${id}`);
    await page.getByLabel('Indtast din adgangsnøgle').fill('not-a-token-anyone-was-given');
    await page.getByRole('button', { name: 'Log ind' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await textOf(alert)).toMatch(/Adgangsnøglen blev ikke genkendt.*Spor svarede: .*ikke gyldig/);
    expect(await page.evaluate('localStorage.length')).toBe(0);
    await screenshot(page, 'signin-wrong-token');
    expect(await page.getByText('Logget ind som').count()).toBe(0);
  });

  it('lets the lead open the e-mail link, sign in, and start and complete phase 1 with clicks', async () => {
    const page = await newPage();
    await page.goto(sbvLink());
    await signIn(page, tokens[SBV_LEAD]);
    expect(await textOf(page.locator('.who'))).toContain('Projektleder, borgerservice');
    await page.getByRole('heading', { level: 1, name: 'Samlet Borger- og Virksomhedsservice' }).waitFor();
    expect(await page.title()).toBe('Samlet Borger- og Virksomhedsservice – Spor');

    const one = phaseCard(page, '1');
    expect(await textOf(one.locator('.chip'))).toBe('klar');
    // Planned dates in Danish with week numbers.
    expect(await textOf(one.locator('.facts'))).toMatch(
      /Planlagt uge 12–13: mandag \d+\. marts \d{4} – fredag \d+\. \w+ \d{4} Frist fredag \d+\. \w+ \d{4} \(uge 13\)/,
    );
    // Phase 2A waits for phase 1, so there is nothing to start yet.
    expect(await phaseCard(page, '2A').getByRole('button', { name: 'Start fase' }).count()).toBe(0);
    // A lead does not see the secretariat's controls.
    expect(await page.getByText('Ændr uger').count()).toBe(0);

    await one.getByRole('button', { name: 'Start fase' }).click();
    await one.getByRole('status').filter({ hasText: 'Fase 1 er startet.' }).waitFor();
    expect(await textOf(one.locator('.chip'))).toBe('i gang');
    expect(await textOf(one.locator('.facts'))).toMatch(/Startet .* kl\. \d\d\.\d\d af Projektleder, borgerservice/);

    await one.getByText('Afslut fase', { exact: true }).click();
    await one.getByLabel('Note').fill('Scoping godkendt af styregruppen');
    await one.getByRole('button', { name: 'Afslut fase 1' }).click();
    await one.getByRole('status').filter({ hasText: 'Fase 1 er afsluttet.' }).waitFor();
    expect(await textOf(one.locator('.chip'))).toBe('afsluttet');
    expect(await textOf(one.locator('.facts'))).toContain('Note Scoping godkendt af styregruppen');
    expect(await textOf(phaseCard(page, '2A').locator('.chip'))).toBe('klar');
    expect(await textOf(page.locator('.history li').first())).toMatch(
      /Projektleder, borgerservice \(projektleder\).*Fase 1 "Opstart og scoping" er afsluttet af projektlederen\. Note: Scoping godkendt/,
    );
    await screenshot(page, 'sub-analysis-lead');

    // Still signed in after a reload; the token sits in localStorage, not in the address.
    await page.reload();
    await page.getByText('Logget ind som').waitFor();
    expect(await page.evaluate("localStorage.getItem('spor.token')")).toBe(tokens[SBV_LEAD]);
    expect(page.url()).toBe(sbvLink());
  });

  it("shows the API's reason when an action is refused, and the state as it is now", async () => {
    const page = await newPage();
    await page.goto(sbvLink());
    await signIn(page, tokens[SBV_LEAD]);
    const twoB = phaseCard(page, '2B');
    await twoB.getByRole('button', { name: 'Start fase' }).click();
    await twoB.getByRole('status').filter({ hasText: 'Fase 2B er startet.' }).waitFor();

    // The other lead completes 2B while this page still offers to.
    const done = await api(tokens[SBV_OTHER_LEAD], 'POST', `/programmes/${id}/sub-analyses/sbv/phases/2B/complete`, {});
    expect(done.status).toBe(200);
    await twoB.getByText('Afslut fase', { exact: true }).click();
    await twoB.getByRole('button', { name: 'Afslut fase 2B' }).click();
    const alert = twoB.getByRole('alert');
    await alert.waitFor();
    expect(await textOf(alert)).toBe('Det kan ikke lade sig gøre lige nu. Spor svarede: Fase 2B er allerede afsluttet');
    expect(await textOf(twoB.locator('.chip'))).toBe('afsluttet');
    expect(await textOf(twoB.locator('.facts'))).toContain('af Projektleder, virksomhedsservice');

    // A lead of another sub-analysis reads the page but has no buttons on it.
    const reader = await newPage();
    await reader.goto(sbvLink());
    await signIn(reader, tokens[KLIMA_LEAD]);
    await phaseCard(reader, '2A').waitFor();
    expect(await reader.getByRole('button', { name: 'Start fase' }).count()).toBe(0);
    expect(await reader.locator('.actions').count()).toBe(0);
  });

  it('lets the secretariat change weeks and open a gate, with the reason for a refusal beside the form', async () => {
    const page = await newPage();
    await page.goto(sbvLink());
    await signIn(page, tokens[SECRETARIAT]);
    const twoA = phaseCard(page, '2A');
    await twoA.getByText('Ændr uger', { exact: true }).click();
    // The card also offers the secretariat's override (start for the lead), with a reason of its own.
    const change = twoA.locator('details').filter({ has: page.locator('summary', { hasText: 'Ændr uger' }) });
    const weeks = change.getByLabel('Uger');
    expect(await weeks.inputValue()).toBe('14-16');
    await weeks.fill('17-14');
    await change.getByLabel('Begrundelse').fill('Mere tid til kortlægning');
    await twoA.getByRole('button', { name: 'Gem nye uger' }).click();
    const alert = twoA.getByRole('alert');
    await alert.waitFor();
    expect(await textOf(alert)).toMatch(/^Spor kunne ikke bruge det, der blev sendt\. .*Uger: /);
    // What was typed stays, to be corrected.
    expect(await weeks.inputValue()).toBe('17-14');

    await weeks.fill('14-17');
    await twoA.getByRole('button', { name: 'Gem nye uger' }).click();
    await twoA.getByRole('status').filter({ hasText: 'Planen for fase 2A er ændret.' }).waitFor();
    expect(await textOf(twoA.locator('.facts'))).toMatch(
      /Planlagt uge 14–17: .* Frist fredag \d+\. april \d{4} \(uge 17\)/,
    );

    const three = phaseCard(page, '3');
    expect(await textOf(three.locator('.facts'))).toMatch(/Port før fasen lukket · åbner efter Udvalgsmøde/);
    const openGate = three.locator('details').filter({ has: page.locator('summary', { hasText: 'Åbn port' }) });
    await openGate.locator('summary').click();
    await openGate.getByLabel('Begrundelse').fill('Udvalget har givet sit input');
    await three.getByRole('button', { name: 'Åbn porten før fase 3' }).click();
    await three.getByRole('status').filter({ hasText: 'Porten før fase 3 er åbnet.' }).waitFor();
    expect(await textOf(three.locator('.facts'))).toMatch(
      /Port før fasen åben siden .* af Udvalgssekretariatet.*Begrundelse: Udvalget har givet sit input/,
    );
    expect(await three.getByText('Åbn port', { exact: true }).count()).toBe(0);
    await screenshot(page, 'sub-analysis-secretariat');
  });

  it('shows the secretariat every sub-analysis on the overview, the next meeting first', async () => {
    const page = await newPage();
    await page.goto(`${app.baseUrl}/`);
    await signIn(page, tokens[SECRETARIAT]);
    await page.getByRole('link', { name: definition.title }).click();
    await page.waitForURL(`${app.baseUrl}/programmes/${id}`);
    await page.getByRole('heading', { level: 1, name: definition.title }).waitFor();

    const meeting = page.locator('.next-meeting');
    expect(await textOf(meeting)).toMatch(
      /^Næste møde Udvalgsmøde: foreløbige analysefund Mødedato mandag \d+\. juni \d{4} \(uge \d+\)/i,
    );
    // The next meeting comes before the table.
    const [meetingBox, tableBox] = [await meeting.boundingBox(), await page.locator(STATUS_TABLE).boundingBox()];
    expect(meetingBox!.y).toBeLessThan(tableBox!.y);

    const rows = page.locator(`${STATUS_TABLE} tbody tr`);
    expect(await rows.count()).toBe(definition.subAnalyses.length);
    for (const [i, sub] of definition.subAnalyses.entries()) {
      expect(await textOf(rows.nth(i).locator('th'))).toBe(sub.title);
    }
    const sbv = rows.filter({ hasText: 'Samlet Borger- og Virksomhedsservice' });
    const chips = await sbv.locator('.chip').allTextContents();
    expect(chips.map((c) => c.replace(/\s+/g, ' ').trim())).toEqual([
      '1 Opstart og scoping: afsluttet',
      '2A Udvidet kortlægning af borgernes serviceindgange og opgaver: klar',
      '2B Analyse af virksomhedernes behov: afsluttet',
      '2C Kapabiliteter og investeringsbehov i en samlet service: planlagt',
      '3 Implementeringsprogram og afrapportering: planlagt',
    ]);
    expect(await textOf(sbv.locator('td.deadline'))).toMatch(/^Fase 2A \w+dag \d+\. april \d{4} \(uge 17\)/);
    await screenshot(page, 'overview');

    // Following a row leads to the sub-analysis.
    await sbv.getByRole('link').click();
    await page.waitForURL(sbvLink());
    await page.getByRole('heading', { level: 2, name: 'Historik' }).waitFor();

    const phone = await newPage({ width: 390, height: 844 });
    await phone.goto(`${app.baseUrl}/programmes/${id}`);
    await signIn(phone, tokens[SECRETARIAT]);
    await phone.locator(`${STATUS_TABLE} tbody tr`).first().waitFor();
    // Nothing wider than the screen.
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await screenshot(phone, 'overview-phone');
  });

  it('highlights the overdue phases of a programme whose weeks have passed', async () => {
    // Not started: the overview shows the plan, and every phase of 2025 is past its due date.
    const past = smallDefinition('pages-overdue');
    expect((await api(ADMIN, 'POST', '/programmes', past)).status).toBe(201);
    const page = await newPage();
    await page.goto(`${app.baseUrl}/programmes/pages-overdue`);
    await signIn(page, tokens[SECRETARIAT]);
    await page.locator(`${STATUS_TABLE} tbody tr`).first().waitFor();
    expect(await textOf(page.locator('.meta'))).toMatch(/^Ikke startet endnu/);
    expect(await textOf(page.locator('.next-meeting'))).toMatch(/Der er ikke flere møder i programmet\./);
    expect(await textOf(page.locator('.summary'))).toBe('2 analysespor · 3 faser over frist');
    expect(await page.locator('tr.row-late').count()).toBe(2);
    const late = await page.locator('.chip-late').allInnerTexts();
    expect(late).toHaveLength(3);
    for (const chip of late) expect(chip.replace(/\s+/g, ' ')).toMatch(/planlagt · \d+ arbejdsdage over frist$/);
    // The most pressing open deadline is an overdue one, and says so.
    expect(await textOf(page.locator('td.deadline').first())).toMatch(/^Fase \S+ .* overskredet med \d+ arbejdsdage?$/);
    // Only the secretariat may start it, and is offered to.
    await page.getByRole('button', { name: 'Start programmet' }).waitFor();
    await screenshot(page, 'overview-overdue');
  });

  it('signs out with "Log ud" and forgets the token', async () => {
    const page = await newPage();
    await page.goto(`${app.baseUrl}/`);
    // By keyboard alone: the e-mail field has the focus; past its button, Tab reaches the token's field; Enter signs in.
    await page.getByLabel('Indtast din adgangsnøgle').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('token');
    await page.keyboard.type(tokens[KLIMA_LEAD]);
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Gå til Klimaneutral og bæredygtig kommune' }).waitFor();
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.getByLabel('Indtast din adgangsnøgle').waitFor();
    expect(await page.getByText('Du er logget ud.').count()).toBe(1);
    expect(await page.evaluate("localStorage.getItem('spor.token')")).toBeNull();
  });
});
