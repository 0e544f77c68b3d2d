import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { REHEARSAL_ACTION, REHEARSAL_PAGE } from '../libs/texts/labels';
import { RunningApp, startApp } from './support/app';
import { PROGRAMME, setUpPeople } from './support/auth';
import { Seen, expectCleanRun, launchChromium, openPage, signIn, textOf } from './support/browser';

const ADMIN_TOKEN = 'rehearsal-page-admin-token-0123456789abcdef';
const AXE_SOURCE = fs.readFileSync(path.join(__dirname, '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
/** WCAG 2.1 A and AA, as test/accessibility.spec.ts checks the other pages. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The Prøvekørsel page in Chromium against the real app: the secretariat picks a line
 * ("sbv completes phase 1 in week 15", two weeks late) from the lists and reads the
 * trace week by week, with the late phase's escalation in it.
 */
describe('the Prøvekørsel page (Chromium)', () => {
  jest.setTimeout(300_000);
  let app: RunningApp;
  let browser: Browser;
  let tokens: Awaited<ReturnType<typeof setUpPeople>>;
  const contexts: BrowserContext[] = [];
  const seen: Seen = { urls: [], unauthorisedApiCalls: [], problems: [] };

  beforeAll(async () => {
    // The rehearsal runs the bundle global-setup made, as the worker does.
    process.env.SPOR_WORKFLOW_BUNDLE = process.env.SPOR_TEST_WORKFLOW_BUNDLE;
    app = await startApp({ SPOR_ADMIN_TOKEN: ADMIN_TOKEN });
    tokens = await setUpPeople(app.api, ADMIN_TOKEN);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await app?.stop();
  });

  it('rehearses a picked scenario line and shows the trace by week', async () => {
    const page = await openPage(browser, contexts, seen);
    await page.goto(`${app.baseUrl}/programmes/${PROGRAMME}`);
    await signIn(page, tokens.secretariat!);
    await page.getByRole('link', { name: REHEARSAL_PAGE.link }).click();
    await page.getByRole('heading', { level: 1, name: REHEARSAL_PAGE.title }).waitFor();
    await page.getByText(REHEARSAL_PAGE.noLines).waitFor();

    await page.getByRole('button', { name: REHEARSAL_PAGE.addLine }).click();
    const line = page.locator('li.rehearsal-line');
    await line.getByLabel(REHEARSAL_PAGE.subAnalysis).selectOption('sbv');
    await line.getByLabel(REHEARSAL_PAGE.action).selectOption({ label: REHEARSAL_ACTION.complete });
    await line.getByLabel(REHEARSAL_PAGE.phase).selectOption('1');
    await line.getByLabel(REHEARSAL_PAGE.week).selectOption('2025-W15');
    await page.getByRole('button', { name: REHEARSAL_PAGE.run, exact: true }).click();

    const trace = page.locator('section.rehearsal-trace');
    await trace.waitFor({ timeout: 200_000 });
    const weeks = await trace
      .locator('section.rehearsal-week')
      .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-week'))));
    expect(weeks.length).toBeGreaterThan(3);
    // Phase 1 was completed on the Wednesday of week 15, as the line said: a history line of that week.
    const week15 = trace.locator('section.rehearsal-week[data-week="15"]');
    expect(await week15.locator('li[data-type="history"]').count()).toBeGreaterThan(0);
    expect(await week15.locator('li[data-type="step"], li[data-type="history"]').count()).toBeGreaterThan(0);
    // Completed late, so the summary counts at least one escalation.
    const summary = await textOf(trace.locator('dl.rehearsal-summary'));
    expect(summary).toMatch(new RegExp(`${REHEARSAL_PAGE.escalations} [1-9]`));
    expect(await trace.locator('li[data-type="email"]').count()).toBeGreaterThan(0);
    // The lists and the trace meet WCAG 2.1 AA (axe-core, evaluated through DevTools: the CSP forbids inline scripts).
    await page.evaluate(AXE_SOURCE);
    const violations = (await page.evaluate(
      `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} } }).then((r) => r.violations.map((v) => v.id))`,
    )) as string[];
    expect(violations).toEqual([]);
    expectCleanRun(
      seen,
      Object.values(tokens).filter((t): t is string => !!t),
    );
  });
});
