import * as fs from 'node:fs';
import * as path from 'node:path';
import { Browser, BrowserContext, Locator, Page, chromium } from 'playwright-core';

/** Debian's Chromium unless told otherwise. */
export const CHROMIUM = process.env.SPOR_CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Set to a folder to keep screenshots of the pages (for looking at the layout). */
const SCREENSHOTS = process.env.SPOR_PAGES_SCREENSHOTS;

/** What the pages of one test asked for and what went wrong in them, checked after the test. */
export interface Seen {
  urls: string[];
  unauthorisedApiCalls: string[];
  problems: string[];
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * A page in a context of its own (its own localStorage, so its own sign-in), in Danish
 * and Copenhagen time, recording into `seen` every URL, every call to the API without a
 * bearer token, and every script error or console error.
 */
export async function openPage(
  browser: Browser,
  contexts: BrowserContext[],
  seen: Seen,
  viewport = { width: 1280, height: 900 },
): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('request', (req) => {
    seen.urls.push(req.url());
    const pathname = new URL(req.url()).pathname;
    // /api/auth/ is the sign-in form's own (public) calls: how to sign in, and asking for a link.
    const signingIn = pathname.startsWith('/api/auth/');
    if (pathname.startsWith('/api/') && !signingIn && !req.headers().authorization?.startsWith('Bearer ')) {
      seen.unauthorisedApiCalls.push(req.url());
    }
  });
  page.on('pageerror', (err) => seen.problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    // A refused fetch is logged as "Failed to load resource"; anything else is a problem.
    if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) seen.problems.push(msg.text());
  });
  return page;
}

/** What every test of the pages must hold afterwards, whatever it did. */
export function expectCleanRun(seen: Seen, tokens: string[]): void {
  // No token ever travels in a URL; every call to the API but the sign-in check carries one.
  for (const token of tokens) {
    expect(seen.urls.filter((u) => u.includes(token) || u.includes(encodeURIComponent(token)))).toEqual([]);
  }
  expect(seen.unauthorisedApiCalls).toEqual([]);
  // Every module and style sheet came by its versioned URL, so each is cached for good and runs once.
  const assets = seen.urls.filter((u) => new URL(u).pathname.startsWith('/assets/'));
  expect(assets.filter((u) => !/\?v=[0-9a-f]{16}$/.test(u))).toEqual([]);
  // Nothing was blocked by the CSP, and the script never threw.
  expect(seen.problems).toEqual([]);
}

export async function signIn(page: Page, token: string): Promise<void> {
  await page.getByLabel('Indtast din adgangsnøgle').fill(token);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByText('Logget ind som').waitFor();
}

/** The text a person reads, with runs of white space as one space. */
export async function textOf(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
