import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { instantiateForYear } from '../libs/plan';
import { loadDefaultProgramme } from '../libs/plan/default-programme';
import { FILTER_LABEL, OVERRIDE_LABEL } from '../libs/texts/labels';
import { RunningApp, startApp } from './support/app';
import { definition as smallDefinition } from './support/auth';
import { Seen, expectCleanRun, launchChromium, openPage, signIn, textOf } from './support/browser';
import { eventually } from './support/process';

const ADMIN = 'admin-token-for-the-accessibility-test-0123456789';
const PEOPLE = {
  secretariat: 'sekretariat@example.org',
  lead: 'pl-borgerservice@example.org',
  owner: 'projektejer-sbv@example.org',
  steering: 'stadsdirektoer@example.org',
  committee: 'udvalgsmedlem-2@example.org',
} as const;
type Role = keyof typeof PEOPLE | 'admin';
const ROLES: Role[] = ['secretariat', 'lead', 'owner', 'steering', 'committee', 'admin'];
/** WCAG 2.1 A and AA, the level webtilgængelighedsloven asks for. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const AXE_SOURCE = fs.readFileSync(path.join(__dirname, '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Every WCAG 2.1 AA violation axe-core finds on the page as it is now, in a form a failure can show. */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the pages' CSP forbids inline scripts.
  await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} } }).then((r) => r.violations)`,
  )) as Violation[];
  return violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/**
 * Every page in Chromium, signed in as each role, scanned with axe-core for WCAG 2.1 AA
 * violations, at a laptop's width and at a phone's (390 px, with no sideways scrolling);
 * the main actions by keyboard alone; and what the pages say about overdue deadlines and
 * who acted.
 */
describe('accessibility of the pages (Chromium, axe-core, worker, API)', () => {
  let app: RunningApp;
  let browser: Browser;
  const tokens: Record<string, string> = {};
  const definition = {
    ...instantiateForYear(loadDefaultProgramme(), new Date().getUTCFullYear() + 1),
    id: 'a11y-test',
  };
  const id = definition.id;
  let reportId = '';
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

  /** A page signed in as `role`, at `pagePath`, once the page has drawn itself. */
  async function visit(role: Role, pagePath: string, width = 1280): Promise<Page> {
    const page = await openPage(browser, contexts, seen, { width, height: 900 });
    await page.goto(app.baseUrl + pagePath);
    await signIn(page, tokens[role]);
    await drawn(page);
    return page;
  }

  async function drawn(page: Page): Promise<void> {
    await page.locator('main h1').first().waitFor();
    await page.locator('main .loading').waitFor({ state: 'detached' });
    await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
  }

  /**
   * Nothing wider than a 390 px phone: empty when the page does not scroll sideways,
   * else the innermost elements reaching past the screen's right edge, to show where.
   */
  function tooWide(page: Page): Promise<unknown> {
    return page.evaluate(`(() => {
      if (document.documentElement.scrollWidth <= 390) return [];
      const wide = [...document.querySelectorAll('main *')].filter((el) => el.getBoundingClientRect().right > 390);
      return wide
        .filter((el) => !wide.some((other) => other !== el && el.contains(other)))
        .slice(0, 5)
        .map((el) => el.tagName.toLowerCase() + '.' + [...el.classList].join('.') + ': ' + (el.textContent || '').trim().slice(0, 40));
    })()`);
  }

  /** Presses Tab until the element matching `selector` (with `text`) has the focus; false if it never does. */
  async function tabTo(page: Page, selector: string, text: string): Promise<boolean> {
    const focused = `(() => { const a = document.activeElement;
      return !!a && a.matches(${JSON.stringify(selector)}) && a.textContent.trim() === ${JSON.stringify(text)}; })()`;
    for (let i = 0; i < 150; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(focused)) return true;
    }
    return false;
  }

  const pages = () => [
    '/',
    `/programmes/${id}`,
    `/programmes/${id}/sub-analyses/sbv`,
    `/programmes/${id}/meetings/udvalg-juni`,
    `/programmes/${id}/reports`,
    `/programmes/${id}/reports/${reportId}`,
  ];

  beforeAll(async () => {
    app = await startApp({ SPOR_ADMIN_TOKEN: ADMIN });
    tokens.admin = ADMIN;
    expect((await api(ADMIN, 'POST', '/programmes', definition)).status).toBe(201);
    for (const [role, email] of Object.entries(PEOPLE)) {
      const res = await api(ADMIN, 'POST', `/people/${email}/tokens`, { label: 'accessibility test' });
      expect(res.status).toBe(201);
      tokens[role] = res.body.token;
    }
    expect((await api(tokens.secretariat, 'POST', `/programmes/${id}/start`)).status).toBe(202);
    await eventually(
      async () => {
        const sbv = await api(tokens.secretariat, 'GET', `/programmes/${id}/sub-analyses/sbv`);
        return sbv.body?.phases?.find((p: { code: string }) => p.code === '1')?.state === 'ready';
      },
      30_000,
      'phase 1 to be ready',
    );
    // Something in every part of the pages: a completed phase, an open gate, a report.
    const sbv = `/programmes/${id}/sub-analyses/sbv`;
    expect((await api(tokens.lead, 'POST', `${sbv}/phases/1/start`)).status).toBe(200);
    expect((await api(tokens.lead, 'POST', `${sbv}/phases/1/complete`, { note: 'Scoping aftalt' })).status).toBe(200);
    expect((await api(tokens.secretariat, 'POST', `${sbv}/gates/3/open`, { reason: 'Input givet' })).status).toBe(200);
    const report = await api(tokens.secretariat, 'POST', `/programmes/${id}/reports`);
    expect(report.status).toBe(201);
    reportId = report.body.id;
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

  it('has no axe-core violations on the sign-in page', async () => {
    const page = await openPage(browser, contexts, seen);
    await page.goto(`${app.baseUrl}/`);
    await page.getByLabel('Indtast din adgangsnøgle').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // The scan does find things: an image without a text alternative is a violation.
    await page.evaluate(`document.querySelector('main').append(document.createElement('img'))`);
    expect(await axeViolations(page)).toEqual([expect.stringMatching(/^image-alt/)]);
  });

  it.each(ROLES)('has no axe-core violations on any page, signed in as %s, on a laptop', async (role) => {
    const found: Record<string, string[]> = {};
    for (const pagePath of pages()) {
      const page = await visit(role, pagePath);
      found[pagePath] = await axeViolations(page);
      await page.context().close();
    }
    expect(found).toEqual(Object.fromEntries(pages().map((p) => [p, []])));
  });

  it.each(ROLES)('reads well at 390 px with no violations, signed in as %s', async (role) => {
    const found: Record<string, { violations: string[]; tooWide: string[] }> = {};
    for (const pagePath of pages()) {
      const page = await visit(role, pagePath, 390);
      found[pagePath] = { violations: await axeViolations(page), tooWide: (await tooWide(page)) as string[] };
      await page.context().close();
    }
    expect(found).toEqual(Object.fromEntries(pages().map((p) => [p, { violations: [], tooWide: [] }])));
  });

  it('lets a lead start a phase by keyboard alone: Tab to the button, Enter', async () => {
    const page = await visit('lead', `/programmes/${id}/sub-analyses/sbv`);
    await page.locator('li.phase[data-phase="2B"]').getByRole('button', { name: 'Start fase' }).waitFor();
    expect(await tabTo(page, 'li.phase[data-phase="2B"] button', 'Start fase')).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByText('Fase 2B er startet.').waitFor();
    expect(await textOf(page.locator('li.phase[data-phase="2B"] .chip').first())).toMatch(/^i gang/);
  });

  it('lets the secretariat reopen a phase by keyboard, giving a reason, and the history names the role', async () => {
    const page = await visit('secretariat', `/programmes/${id}/sub-analyses/sbv`);
    const card = page.locator('li.phase[data-phase="1"]');
    await card.locator('summary', { hasText: OVERRIDE_LABEL.reopen }).waitFor();
    expect(await tabTo(page, 'li.phase[data-phase="1"] summary', OVERRIDE_LABEL.reopen)).toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Afsluttet ved en fejl');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Fase 1 er genåbnet.').waitFor();
    expect(await textOf(card.locator('.chip').first())).toMatch(/^i gang/);
    const history = await textOf(page.locator('.history'));
    expect(history).toContain('er genåbnet af sekretariatet og er i gang igen. Begrundelse: Afsluttet ved en fejl');
    // Who acted is named with the role they acted in.
    expect(history).toMatch(/Udvalgssekretariatet, Borgmesterens Afdeling \(sekretariatet\)/);
    expect(history).toMatch(/Projektleder, borgerservice \(projektleder\)/);
  });

  it('shows a lead their own sub-analyses first ("Mine"), and everyone\'s on "Alle"', async () => {
    const page = await visit('owner', `/programmes/${id}`);
    const visibleRows = () => page.locator('table.overview:not(.meetings) tbody tr:visible');
    expect(await page.getByRole('radio', { name: FILTER_LABEL.mine }).isChecked()).toBe(true);
    expect(await visibleRows().count()).toBe(1);
    expect(await textOf(visibleRows().first().locator('th'))).toMatch(/^Samlet Borger- og Virksomhedsservice/);
    await page.getByRole('radio', { name: FILTER_LABEL.all }).check();
    expect(await visibleRows().count()).toBe(definition.subAnalyses.length);
    // The secretariat leads nothing: no filter, every row.
    const secretariat = await visit('secretariat', `/programmes/${id}`);
    expect(await secretariat.getByRole('radio').count()).toBe(0);
    expect(await secretariat.locator('table.overview:not(.meetings) tbody tr:visible').count()).toBe(
      definition.subAnalyses.length,
    );
  });

  it('counts an overdue deadline in working days in "Næste frist", as the chip does', async () => {
    // Not started: every phase of 2025 is past its due date.
    expect((await api(ADMIN, 'POST', '/programmes', smallDefinition('a11y-overdue'))).status).toBe(201);
    const page = await visit('admin', '/programmes/a11y-overdue');
    const rows = page.locator('table.overview:not(.meetings) tbody tr.row-late');
    expect(await rows.count()).toBeGreaterThan(0);
    for (const row of await rows.all()) {
      const deadline = await textOf(row.locator('td.deadline'));
      const match = /^Fase (\S+) .* overskredet med (\d+) arbejdsdage?$/.exec(deadline);
      expect({ deadline, match: Boolean(match) }).toEqual({ deadline, match: true });
      const chip = await textOf(row.locator('.chip-late').filter({ hasText: new RegExp(`^${match![1]} `) }));
      expect(chip).toContain(`${match![2]} arbejdsdag`);
    }
  });
});
