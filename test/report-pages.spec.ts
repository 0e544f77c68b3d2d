import { Browser, Page, chromium } from 'playwright-core';
import { instantiateForYear } from '../libs/plan';
import { loadDefaultProgramme } from '../libs/plan/default-programme';
import { RunningApp, startApp } from './support/app';

const ADMIN = 'admin-token-for-the-report-pages-test-0123456789';
const SECRETARIAT = 'sekretariat@example.org';
const STEERING = 'stadsdirektoer@example.org';
const SBV_LEAD = 'pl-borgerservice@example.org';
const CHROMIUM = process.env.SPOR_CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The status-report pages in Debian's Chromium against the real app: a lead gives a
 * note on the sub-analysis page, the secretariat sends a report from the reports page,
 * the steering group opens it, and the overview shows the timeline chart.
 */
describe('status-report pages (Chromium, worker, API)', () => {
  let app: RunningApp;
  let browser: Browser;
  const tokens: Record<string, string> = {};
  const definition = {
    ...instantiateForYear(loadDefaultProgramme(), new Date().getUTCFullYear() + 1),
    id: 'report-pages-test',
  };
  const id = definition.id;
  const problems: string[] = [];

  async function api(token: string, method: string, urlPath: string, body?: unknown) {
    const res = await fetch(`${app.baseUrl}/api${urlPath}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  async function open(token: string, path: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) problems.push(msg.text());
    });
    await page.goto(app.baseUrl + path);
    await page.getByLabel('Indtast din adgangsnøgle').fill(token);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByText('Logget ind som').waitFor();
    return page;
  }

  beforeAll(async () => {
    app = await startApp({ SPOR_ADMIN_TOKEN: ADMIN });
    expect((await api(ADMIN, 'POST', '/programmes', definition)).status).toBe(201);
    for (const email of [SECRETARIAT, STEERING, SBV_LEAD]) {
      tokens[email] = (await api(ADMIN, 'POST', `/people/${email}/tokens`, { label: 'pages' })).body.token;
    }
    expect((await api(tokens[SECRETARIAT], 'POST', `/programmes/${id}/start`)).status).toBe(202);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  afterEach(() => {
    // Nothing was blocked by the CSP (the chart is placed as SVG elements), and nothing threw.
    expect(problems.splice(0)).toEqual([]);
  });

  it("takes the lead's note on the sub-analysis page", async () => {
    const page = await open(tokens[SBV_LEAD], `/programmes/${id}/sub-analyses/sbv`);
    const panel = page.locator('section.status-note');
    await panel.getByLabel('Forsinket').check();
    await panel.getByLabel('Begrundelse (en til tre sætninger)').fill('Vi afventer data fra to forvaltninger.');
    await panel.getByRole('button', { name: 'Send vurdering' }).click();
    await page.getByText('Din vurdering er gemt').waitFor();
    await expect(page.locator('section.status-note').innerText()).resolves.toContain(
      'Vi afventer data fra to forvaltninger.',
    );
    expect(
      (await api(tokens[SBV_LEAD], 'GET', `/programmes/${id}/sub-analyses/sbv/status-note`)).body.note,
    ).toMatchObject({
      status: 'late',
    });
  });

  it('lets the secretariat send a report now, and the steering group read it with the note beside the status', async () => {
    const list = await open(tokens[SECRETARIAT], `/programmes/${id}/reports`);
    await list.getByText('Der er ikke sendt nogen statusrapporter endnu.').waitFor();
    await list.getByRole('button', { name: 'Send en statusrapport nu' }).click();
    await list.getByText('Statusrapporten er lavet og sendt').waitFor();
    expect(await list.locator('table.reports tbody tr').count()).toBe(1);

    const [report] = (await api(tokens[STEERING], 'GET', `/programmes/${id}/reports`)).body;
    const page = await open(tokens[STEERING], `/programmes/${id}/reports/${report.id}`);
    const sbv = page.locator('section.report-sub-analysis', { hasText: 'Samlet Borger- og Virksomhedsservice' });
    await sbv.waitFor();
    const text = await sbv.innerText();
    expect(text).toContain('Vi afventer data fra to forvaltninger.');
    expect(text).toContain('Afviger fra Spors status (På sporet).');
    await page.locator('.timeline svg').waitFor();
    expect(await page.locator('.timeline svg rect').count()).toBeGreaterThan(10);
    await expect(page.locator('section.report-sub-analysis').count()).resolves.toBe(definition.subAnalyses.length);
  });

  it('shows the timeline chart on the overview, and the reports link to the steering group', async () => {
    const page = await open(tokens[STEERING], `/programmes/${id}`);
    await page.locator('.timeline svg').waitFor();
    expect(await page.locator('.timeline svg').getAttribute('aria-label')).toMatch(/^Tidslinje/);
    await page.getByRole('link', { name: 'Statusrapporter til styregruppen' }).waitFor();
    const lead = await open(tokens[SBV_LEAD], `/programmes/${id}`);
    await lead.locator('.timeline svg').waitFor();
    expect(await lead.getByRole('link', { name: 'Statusrapporter til styregruppen' }).count()).toBe(0);
  });
});
