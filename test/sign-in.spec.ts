import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SessionService } from '../apps/api/auth/session.service';
import { SessionEntity } from '../libs/persistence';
import { RunningApp, startApp } from './support/app';
import { EMAIL, PROGRAMME, SUB_ANALYSIS, call, dataSource, definition, insertProgramme } from './support/auth';
import { launchChromium } from './support/browser';
import { eventually } from './support/process';
import { TestSmtp, startSmtp } from './support/smtp';

const LINK = /https?:\/\/[^\s]+\/sign-in\/[^\s?]+\?next=[^\s]*/;

/**
 * Signing in by e-mail link, in Chromium against the real app, with a real SMTP server
 * receiving the link: asking, receiving, following it to the page that asked, working
 * with the session (and its CSRF token), signing out, and the links that must not work.
 */
describe('sign-in by e-mail link (Chromium, SMTP, API)', () => {
  let smtp: TestSmtp;
  let app: RunningApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const subAnalysisPath = `/programmes/${PROGRAMME}/sub-analyses/${SUB_ANALYSIS}`;

  beforeAll(async () => {
    smtp = await startSmtp();
    [app, browser] = await Promise.all([startApp({ SMTP_URL: smtp.url }), launchChromium()]);
    await insertProgramme(app.api, definition());
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await app?.stop();
    await smtp?.stop();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    return page;
  }

  const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));

  /** The link in the latest e-mail to `email`, once it has arrived. */
  async function linkFor(email: string, count: number): Promise<string> {
    const mail = await eventually(
      async () => mailsTo(email).length >= count && mailsTo(email)[count - 1],
      20_000,
      `e-mail ${count} to ${email}`,
    );
    const match = LINK.exec(mail.text);
    if (!match) throw new Error(`No sign-in link in:\n${mail.text}`);
    expect(mail.html).toContain(match[0].replace(/&/g, '&amp;'));
    return match[0];
  }

  it('e-mails a link that leads through sign-in to the page that asked, and signing out ends the session', async () => {
    const page = await newPage();
    const target = `${app.baseUrl}${subAnalysisPath}`;
    await page.goto(target);
    await page.getByLabel('Din e-mailadresse').fill(EMAIL.lead.toUpperCase());
    await page.getByRole('button', { name: 'Send mig et link' }).click();
    await page.getByText('Tjek din indbakke').waitFor();

    const link = await linkFor(EMAIL.lead, 1);
    const mail = mailsTo(EMAIL.lead)[0];
    expect(mail.subject).toBe('Dit link til at logge ind i Spor');
    expect(mail.text).toContain('Kære Projektleder, borgerservice');
    expect(new URL(link).searchParams.get('next')).toBe(subAnalysisPath);
    // Only the hash of the link's secret is stored.
    const secret = new URL(link).pathname.split('/').pop()!;
    const stored = await dataSource(app.api).query('SELECT token_hash FROM sign_in_link');
    expect(JSON.stringify(stored)).not.toContain(secret);

    // Following the link asks for one click (mail scanners only ever GET), then lands on the page.
    await page.goto(link);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.waitForURL((url) => url.pathname === subAnalysisPath);
    await page.getByText('Logget ind som').waitFor();
    await page.getByText('Projektleder, borgerservice').first().waitFor();
    await page.getByRole('heading', { level: 1, name: /Borgerservice/ }).waitFor();

    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === 'spor_session')!;
    const csrf = cookies.find((c) => c.name === 'spor_csrf')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false, path: '/' });
    expect(csrf).toMatchObject({ httpOnly: false, sameSite: 'Lax' });
    const rows = await dataSource(app.api).getRepository(SessionEntity).find();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ email: EMAIL.lead, method: 'email-link', endedAt: null });
    expect(JSON.stringify(rows)).not.toContain(session.value);

    // The session works for reads; a state-changing request needs the CSRF token as well.
    const asPage = (method: string, path: string, headers: Record<string, string> = {}) =>
      page.evaluate(
        async ({ method, path, headers }) => {
          const res = await fetch(path, {
            method,
            headers: { accept: 'application/json', 'accept-language': 'da', ...headers },
          });
          return { status: res.status, body: await res.json().catch(() => undefined) };
        },
        { method, path, headers },
      );
    expect(await asPage('GET', '/api/me')).toMatchObject({ status: 200, body: { email: EMAIL.lead } });
    const start = `/api/programmes/${PROGRAMME}/sub-analyses/${SUB_ANALYSIS}/phases/1/start`;
    const withoutCsrf = await asPage('POST', start);
    expect(withoutCsrf.status).toBe(403);
    expect(withoutCsrf.body).toMatchObject({
      statusCode: 403,
      error: 'Forbidden',
      message: expect.stringMatching(/CSRF/),
    });
    const wrongCsrf = await asPage('POST', start, { 'x-csrf-token': 'spor_not-the-token' });
    expect(wrongCsrf.status).toBe(403);
    const withCsrf = await asPage('POST', start, { 'x-csrf-token': csrf.value });
    expect([401, 403]).not.toContain(withCsrf.status);

    // Signing out ends the session on the server: the old cookie is refused from anywhere.
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.getByLabel('Din e-mailadresse').waitFor();
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain('spor_session');
    const [ended] = await dataSource(app.api).getRepository(SessionEntity).find();
    expect(ended.endedAt).not.toBeNull();
    const replay = await call(app.baseUrl, 'GET', '/api/me', { headers: { cookie: `spor_session=${session.value}` } });
    expect(replay.status).toBe(401);

    // The link was spent by the first sign-in.
    await page.goto(link);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('heading', { name: 'Linket virker ikke' }).waitFor();
    await page.getByText('Linket er allerede brugt').waitFor();
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain('spor_session');
  });

  it('refuses an expired link', async () => {
    const sessions = app.api.get(SessionService);
    const issued = new Date(Date.now() - 16 * 60_000);
    const token = await sessions.newLink(EMAIL.owner, issued);
    const page = await newPage();
    await page.goto(`${app.baseUrl}/sign-in/${token}?next=/`);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByText('Linket er udløbet').waitFor();
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain('spor_session');
    expect(await sessions.redeemLink(token)).toEqual({ refused: 'expired' });
  });

  it('gives an unknown address the same answer and sends it nothing', async () => {
    const unknown = await call(app.baseUrl, 'POST', '/api/auth/email-link', { body: { email: 'ukendt@example.org' } });
    const known = await call(app.baseUrl, 'POST', '/api/auth/email-link', { body: { email: EMAIL.steering } });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(unknown.text).toBe(known.text);
    await linkFor(EMAIL.steering, 1);
    await new Promise((r) => setTimeout(r, 500));
    expect(mailsTo('ukendt@example.org')).toEqual([]);
    const rows = await dataSource(app.api).query('SELECT email FROM sign_in_link');
    expect(rows.map((r: { email: string }) => r.email)).not.toContain('ukendt@example.org');
  });

  it('sends a link elsewhere only to a path on Spor itself', async () => {
    await call(app.baseUrl, 'POST', '/api/auth/email-link', {
      body: { email: EMAIL.committee, next: 'https://evil.example/x' },
    });
    const link = await linkFor(EMAIL.committee, 1);
    expect(new URL(link).searchParams.get('next')).toBe('/');
    const page = await newPage();
    await page.goto(link.replace('next=%2F', `next=${encodeURIComponent('//evil.example/x')}`));
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.waitForURL((url) => url.origin === new URL(link).origin && url.pathname === '/');
    await page.getByText('Logget ind som').waitFor();
  });

  it("lets only Spor's own page spend a link: a form posted from another site is refused and the link kept", async () => {
    const token = await app.api.get(SessionService).newLink(EMAIL.otherLead);
    const forged = await call(app.baseUrl, 'POST', `/sign-in/${token}?next=/`, {
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(forged.status).toBe(403);
    expect(forged.headers.get('set-cookie') ?? '').not.toContain('spor_session');
    const own = await fetch(`${app.baseUrl}/sign-in/${token}?next=/`, {
      method: 'POST',
      headers: { origin: app.baseUrl, 'sec-fetch-site': 'same-origin' },
      redirect: 'manual',
    });
    expect(own.status).toBe(303);
    expect(own.headers.get('location')).toBe('/');
    expect(own.headers.get('set-cookie')).toMatch(/spor_session=[^;]+;.*HttpOnly/);
  });

  it('sends one address at most three links in a quarter of an hour, answering 202 all the same', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await call(app.baseUrl, 'POST', '/api/auth/email-link', { body: { email: EMAIL.revoked } });
      expect(res.status).toBe(202);
    }
    await linkFor(EMAIL.revoked, 3);
    await new Promise((r) => setTimeout(r, 500));
    expect(mailsTo(EMAIL.revoked)).toHaveLength(3);
  });
});
