import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { freePort } from '../libs/temporal';
import { EMAIL, PROGRAMME, SUB_ANALYSIS, definition } from './support/auth';
import { launchChromium } from './support/browser';
import { eventually, exited, runNode } from './support/process';

const CLIENT_ID = 'spor-test';
const CLIENT_SECRET = 'spor-test-secret-0123456789abcdef';
const ADMIN = 'admin-token-for-the-oidc-test-0123456789';
/** The provider's accounts, by login: one person in the programme, one stranger, one unverified. */
const ACCOUNTS = {
  lead: { email: EMAIL.lead.toUpperCase(), email_verified: true },
  stranger: { email: 'fremmed@example.org', email_verified: true },
  unverified: { email: EMAIL.secretariat, email_verified: false },
};

/**
 * Single sign-on in Chromium against a real OpenID provider (oidc-provider, in a child
 * process) and the built API (also a child process: openid-client is ESM-only, which
 * jest's module system cannot load, while Node itself can).
 */
describe('single sign-on by OpenID Connect (Chromium, oidc-provider, built API)', () => {
  let provider: ChildProcess;
  let api: ReturnType<typeof runNode>;
  let browser: Browser;
  let baseUrl: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const [apiPort, providerPort] = [await freePort(), await freePort()];
    baseUrl = `http://127.0.0.1:${apiPort}`;
    let providerOutput = '';
    provider = spawn(process.execPath, [path.join(__dirname, 'support', 'oidc-provider.mjs')], {
      env: {
        ...process.env,
        OIDC_TEST_PORT: String(providerPort),
        OIDC_TEST_CLIENT_ID: CLIENT_ID,
        OIDC_TEST_CLIENT_SECRET: CLIENT_SECRET,
        OIDC_TEST_REDIRECT_URI: `${baseUrl}/auth/oidc/callback`,
        OIDC_TEST_ACCOUNTS: JSON.stringify(ACCOUNTS),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    provider.stdout?.on('data', (d) => (providerOutput += d));
    provider.stderr?.on('data', (d) => (providerOutput += d));
    const issuer = await eventually(async () => /READY (\S+)/.exec(providerOutput)?.[1], 30_000, 'the OpenID provider');

    const dataDir = path.join(process.env.SPOR_TEST_DIR!, `oidc-${process.pid}`);
    fs.mkdirSync(dataDir, { recursive: true });
    api = runNode('apps/api/main.js', {
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl,
      DATA_DIR: dataDir,
      TEMPORAL_ADDRESS: process.env.SPOR_TEST_TEMPORAL_ADDRESS,
      TEMPORAL_TASK_QUEUE: `spor-oidc-${process.pid}`,
      SPOR_ADMIN_TOKEN: ADMIN,
      SPOR_LOAD_DEFAULT: 'false',
      LOG_LEVEL: 'warn',
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
    });
    await eventually(async () => (await fetch(`${baseUrl}/api/auth/options`)).ok, 60_000, `the API (${api.output()})`);
    const created = await fetch(`${baseUrl}/api/programmes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify(definition()),
    });
    expect(created.status).toBe(201);
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    for (const child of [api?.child, provider]) {
      if (child && child.exitCode === null) {
        child.kill('SIGTERM');
        await exited(child);
      }
    }
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    return page;
  }

  /** From a page of Spor's, through the organisation's login and consent, back to Spor. */
  async function signInAtProvider(page: Page, login: string): Promise<void> {
    await page.getByRole('link', { name: 'Log ind med din organisations konto' }).click();
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  it('signs a person in by their verified e-mail and returns them to the page they asked for', async () => {
    const page = await newPage();
    const target = `/programmes/${PROGRAMME}/sub-analyses/${SUB_ANALYSIS}`;
    await page.goto(`${baseUrl}${target}`);
    await signInAtProvider(page, 'lead');
    await page.waitForURL((url) => url.origin === baseUrl && url.pathname === target);
    await page.getByText('Logget ind som').waitFor();
    await page.getByText('Projektleder, borgerservice').first().waitFor();

    const me = await page.evaluate(async () => (await fetch('/api/me')).json());
    expect(me).toMatchObject({ email: EMAIL.lead, admin: false });
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'spor_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    // The round trip's state and PKCE verifier are gone once used.
    expect(cookies.map((c) => c.name)).not.toContain('spor_oidc');

    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.getByLabel('Din e-mailadresse').waitFor();
    expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(401);
  });

  it('tells someone in no programme, in Danish, that they have no role, and starts no session', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/`);
    await signInAtProvider(page, 'stranger');
    await page.getByRole('heading', { name: 'Du har ingen rolle i Spor' }).waitFor();
    await page.getByText('fremmed@example.org').waitFor();
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain('spor_session');
  });

  it('does not trust an e-mail address the provider has not verified', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/`);
    await signInAtProvider(page, 'unverified');
    await page.getByText('Din organisation har ikke bekræftet din e-mailadresse').waitFor();
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain('spor_session');
  });

  it('refuses a callback that did not start here (no state to match)', async () => {
    const res = await fetch(`${baseUrl}/auth/oidc/callback?code=forged&state=forged`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Du blev ikke logget ind');
  });
});
