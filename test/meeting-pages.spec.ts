import * as fs from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { instantiateForYear } from '../libs/plan';
import { Meetings } from '../libs/persistence/repositories';
import { loadDefaultProgramme } from '../libs/plan/default-programme';
import { danishDate } from '../libs/texts/dates';
import * as labels from '../libs/texts/labels';
import { RunningApp, startApp } from './support/app';
import { Seen, expectCleanRun, launchChromium, openPage, screenshot, signIn, textOf } from './support/browser';
import { eventually } from './support/process';

const ADMIN = 'admin-token-for-the-meeting-pages-test-0123456789';
const SECRETARIAT = 'sekretariat@example.org';
const SBV_LEAD = 'pl-borgerservice@example.org';
const KLIMA_LEAD = 'pl-klima@example.org';
const MAYOR = 'borgmester@example.org';
const MEETING = 'udvalg-juni';
const SID = 'sbv';

/** A PDF as far as a content check goes: its magic bytes and a trailer. */
const FIRST = Buffer.from('%PDF-1.4\n% foreløbige fund, første udkast\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
const SECOND = Buffer.from('# Foreløbige analysefund\n\nRettet efter sekretariatets bemærkninger: kilder tilføjet.\n');
/** A PNG's signature under a PDF's name: the type is told by content. */
const DISGUISED = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

/**
 * A committee meeting run from the pages in Debian's Chromium against the real app (API,
 * worker, the meeting workflow on the shared Temporal dev server): the lead hands in
 * material, the secretariat asks for changes, the lead hands in again, the secretariat
 * approves, edits the agenda item and records the committee's decision; every step is
 * then visible on the pages and in the API.
 */
describe('meeting pages (Chromium, worker, API)', () => {
  let app: RunningApp;
  let browser: Browser;
  const tokens: Record<string, string> = {};
  const definition = {
    ...instantiateForYear(loadDefaultProgramme(), new Date().getUTCFullYear() + 1),
    id: 'meeting-pages-test',
  };
  const id = definition.id;
  const meetingUrl = () => `${app.baseUrl}/programmes/${id}/meetings/${MEETING}`;
  const subUrl = () => `${app.baseUrl}/programmes/${id}/sub-analyses/${SID}`;
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

  /** The meeting as the API has it now, and the sub-analysis' deliverable in it. */
  async function meetingNow() {
    const res = await api(tokens[SECRETARIAT], 'GET', `/programmes/${id}/meetings/${MEETING}`);
    expect(res.status).toBe(200);
    const deliverable = res.body.deliverables.find((d: { subAnalysis: string }) => d.subAnalysis === SID);
    return { meeting: res.body, deliverable };
  }

  async function signedIn(email: string, url: string): Promise<Page> {
    const page = await openPage(browser, contexts, seen);
    await page.goto(url);
    await signIn(page, tokens[email]);
    return page;
  }

  async function upload(card: Locator, name: string, buffer: Buffer, comment?: string) {
    await card.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/pdf', buffer });
    if (comment) await card.getByLabel(labels.FIELD.comment).fill(comment);
    await card.getByRole('button', { name: 'Indsend materiale' }).click();
  }

  /** Clicks a download button and returns what the browser saved. */
  async function downloaded(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    return { name: download.suggestedFilename(), bytes: fs.readFileSync((await download.path())!) };
  }

  beforeAll(async () => {
    // A small limit, so a file too large is quick to make.
    app = await startApp({ SPOR_ADMIN_TOKEN: ADMIN, MAX_UPLOAD_MB: '1' });
    expect((await api(ADMIN, 'POST', '/programmes', definition)).status).toBe(201);
    for (const email of [SECRETARIAT, SBV_LEAD, KLIMA_LEAD, MAYOR]) {
      const res = await api(ADMIN, 'POST', `/people/${email}/tokens`, { label: 'meeting pages test' });
      expect(res.status).toBe(201);
      tokens[email] = res.body.token;
    }
    expect((await api(tokens[SECRETARIAT], 'POST', `/programmes/${id}/start`)).status).toBe(202);
    // The meeting's workflow has written its first snapshot (the API shows the plan until
    // then): it takes material from now on.
    const written = app.api.get(Meetings, { strict: false });
    await eventually(async () => Boolean(await written.snapshot(id, MEETING)), 30_000, 'the meeting workflow to run');
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

  it('takes a meeting from material handed in to a decision recorded, with clicks', async () => {
    // 1. The lead opens the sub-analysis, is refused a disguised and an empty file, then hands in a PDF.
    const lead = await signedIn(SBV_LEAD, subUrl());
    const leadCard = () => lead.locator(`li.deliverable[data-meeting="${MEETING}"]`);
    await leadCard().waitFor();
    expect(await textOf(leadCard())).toContain(labels.DELIVERABLE_STATE.missing);

    await upload(leadCard(), 'fund.pdf', DISGUISED);
    const refused = leadCard().getByRole('alert');
    await refused.waitFor();
    expect(await textOf(refused)).toMatch(/Spor tager kun imod PDF, Word.*Spor svarede: .*not an accepted type/);
    await upload(leadCard(), 'tom.pdf', Buffer.alloc(0));
    await leadCard().getByRole('alert').filter({ hasText: 'Filen blev ikke modtaget' }).waitFor();
    const large = Buffer.concat([FIRST, Buffer.alloc(2 * 1024 * 1024, 0x20)]);
    await upload(leadCard(), 'stor.pdf', large);
    await leadCard().getByRole('alert').filter({ hasText: 'Filen er for stor' }).waitFor();
    expect((await meetingNow()).deliverable.versions).toEqual([]);

    await upload(leadCard(), 'fund.pdf', FIRST, 'Første udkast');
    await lead.getByRole('status').filter({ hasText: 'Materialet er modtaget.' }).waitFor();
    let now = await meetingNow();
    expect(now.deliverable.state).toBe('submitted');
    expect(now.deliverable.versions.map((v: { number: number; comment?: string }) => [v.number, v.comment])).toEqual([
      [1, 'Første udkast'],
    ]);
    expect(await textOf(leadCard())).toContain(`Version 1 · ${now.deliverable.versions[0].fileName}`);
    expect(await textOf(leadCard())).toContain(labels.DELIVERABLE_STATE.submitted);

    // A lead of another sub-analysis reads the page but has no upload form.
    const other = await signedIn(KLIMA_LEAD, subUrl());
    await other.locator(`li.deliverable[data-meeting="${MEETING}"]`).getByText('Version 1').waitFor();
    expect(await other.getByRole('button', { name: 'Indsend materiale' }).count()).toBe(0);

    // 2. The secretariat reads the version byte for byte and asks for changes.
    const secretariat = await signedIn(SECRETARIAT, meetingUrl());
    const card = () => secretariat.locator(`li.deliverable[data-sub-analysis="${SID}"]`);
    await card().waitFor();
    const deliverables = now.meeting.deliverables.length;
    expect(await textOf(secretariat.locator('[data-fact=material]'))).toBe(
      `0 af ${deliverables} ${labels.DELIVERABLE_STATE.approved}`,
    );
    const first = await downloaded(secretariat, card().getByRole('button', { name: 'Hent version 1' }));
    expect(first.bytes.equals(FIRST)).toBe(true);
    expect(first.name).toBe(now.deliverable.versions[0].fileName);

    await card().getByText('Bed om rettelser').click();
    await card().getByLabel(labels.FIELD.comment).fill('Tilføj kilderne til tallene i afsnit 2.');
    await card().getByRole('button', { name: 'Send til projektlederne' }).click();
    await secretariat.getByRole('status').filter({ hasText: 'sendt tilbage til rettelse' }).waitFor();
    expect(await textOf(card())).toContain(labels.DELIVERABLE_STATE.changes_requested);
    expect(await textOf(card())).toContain('Tilføj kilderne til tallene i afsnit 2.');
    expect((await meetingNow()).deliverable.state).toBe('changes_requested');

    // 3. The lead sees the request and hands in a second version.
    await lead.reload();
    await leadCard().getByText('Tilføj kilderne til tallene i afsnit 2.').waitFor();
    expect(await textOf(leadCard())).toContain(labels.DELIVERABLE_STATE.changes_requested);
    await upload(leadCard(), 'fund.md', SECOND, 'Kilder tilføjet');
    await lead.getByRole('status').filter({ hasText: 'Materialet er modtaget.' }).waitFor();
    now = await meetingNow();
    expect(now.deliverable.state).toBe('submitted');
    expect(now.deliverable.versions.map((v: { number: number }) => v.number)).toEqual([1, 2]);
    expect(await textOf(leadCard())).toContain('Version 2');

    // 4. The secretariat approves version 2; the count follows.
    await secretariat.reload();
    await card().getByRole('button', { name: 'Godkend' }).click();
    await secretariat.getByRole('status').filter({ hasText: 'Version 2 fra' }).waitFor();
    expect(await textOf(secretariat.locator('[data-fact=material]'))).toBe(
      `1 af ${deliverables} ${labels.DELIVERABLE_STATE.approved}`,
    );
    now = await meetingNow();
    expect([now.deliverable.state, now.deliverable.approvedVersion]).toEqual(['approved', 2]);
    const second = await downloaded(secretariat, card().getByRole('button', { name: 'Hent version 2' }));
    expect(second.bytes.equals(SECOND)).toBe(true);

    // 5. The agenda item gets its recommendation; the draft package holds the approved file.
    const item = secretariat.locator(`li.agenda-item[data-item="${SID}"]`);
    await item.getByText('Redigér punktet').click();
    await item.getByLabel(labels.FIELD.recommendation).fill('Det indstilles, at udvalget drøfter de foreløbige fund.');
    await item.getByLabel(labels.FIELD.method).selectOption({ label: labels.AGENDA_METHOD.drøftelse });
    await item.getByRole('button', { name: /^Gem punkt/ }).click();
    await secretariat
      .getByRole('status')
      .filter({ hasText: /Punkt \d+ er gemt/ })
      .waitFor();
    expect(await textOf(item)).toContain('Det indstilles, at udvalget drøfter de foreløbige fund.');
    now = await meetingNow();
    const agendaItem = now.meeting.agenda.find((i: { key: string }) => i.key === SID);
    expect([agendaItem.recommendation, agendaItem.method]).toEqual([
      'Det indstilles, at udvalget drøfter de foreløbige fund.',
      'drøftelse',
    ]);
    const draft = await downloaded(secretariat, secretariat.getByRole('button', { name: 'Hent udkast til mødepakke' }));
    expect(draft.bytes.subarray(0, 2).toString()).toBe('PK');
    expect(draft.bytes.includes(Buffer.from(`Punkt ${agendaItem.number} - Bilag 1`))).toBe(true);

    // 6. The committee's decision on the item.
    const decisions = secretariat.locator('form.decisions-form');
    await decisions.getByRole('button', { name: 'Registrér beslutninger' }).click();
    await decisions.getByRole('alert').filter({ hasText: 'mindst ét punkt' }).waitFor();
    const fieldset = decisions.locator(`fieldset[data-item="${SID}"]`);
    await fieldset.getByLabel(labels.FIELD.outcome).selectOption({ label: labels.DECISION_OUTCOME.droeftet });
    await fieldset.getByLabel(labels.FIELD.input).fill('Udvalget ønsker en særlig belysning af de digitale kanaler.');
    await decisions.getByRole('button', { name: 'Registrér beslutninger' }).click();
    await secretariat.getByRole('status').filter({ hasText: 'Beslutningerne er registreret.' }).waitFor();
    const recorded = secretariat.locator(`[data-decision="${SID}"]`);
    expect(await textOf(recorded)).toContain(`Punktet blev ${labels.DECISION_OUTCOME.droeftet}.`);
    now = await meetingNow();
    expect(
      now.meeting.decisions.map((d: { subAnalysis: string; outcome: string }) => [d.subAnalysis, d.outcome]),
    ).toEqual([[SID, 'droeftet']]);
    // The workflow writes the Beslutningsprotokol; the page then offers it.
    await eventually(async () => Boolean((await meetingNow()).meeting.protocol), 30_000, 'the protocol');
    await secretariat.reload();
    const protocol = await downloaded(
      secretariat,
      secretariat.getByRole('button', { name: 'Hent beslutningsprotokollen (PDF)' }),
    );
    expect(protocol.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot(secretariat, 'meeting-secretariat');

    // The decision opened the gate before phase 3, which waited on this meeting.
    await eventually(
      async () => {
        const sub = await api(tokens[SBV_LEAD], 'GET', `/programmes/${id}/sub-analyses/${SID}`);
        return sub.body.phases.find((p: { code: string }) => p.code === '3').gate.open === true;
      },
      30_000,
      'the gate before phase 3 to open',
    );
    // The lead reads the decision and the open gate on the sub-analysis page.
    await lead.reload();
    await lead.locator('li.phase[data-phase="3"] .gate-open').waitFor();
    const leadDecision = lead.locator(`[data-decision="${MEETING}"]`);
    await leadDecision.waitFor();
    expect(await textOf(leadDecision)).toContain(`Punktet blev ${labels.DECISION_OUTCOME.droeftet}`);
    expect(await textOf(leadDecision)).toContain('særlig belysning af de digitale kanaler');
    await screenshot(lead, 'meeting-lead');
  });

  it("shows each meeting's material count on the overview, linking to the meeting", async () => {
    const { meeting } = await meetingNow();
    const approved = meeting.deliverables.filter((d: { state: string }) => d.state === 'approved').length;
    const page = await signedIn(SECRETARIAT, `${app.baseUrl}/programmes/${id}`);
    const row = page.locator(`tr[data-meeting="${MEETING}"]`);
    await row.waitFor();
    expect(await textOf(row)).toContain(
      `${approved} af ${meeting.deliverables.length} ${labels.DELIVERABLE_STATE.approved}`,
    );
    await row.getByRole('link', { name: meeting.title }).click();
    await page.waitForURL(meetingUrl());
    await page.getByRole('heading', { level: 1, name: meeting.title }).waitFor();
  });

  it('gives a committee member the agenda, and the package only once it is sent', async () => {
    const { meeting } = await meetingNow();
    const page = await signedIn(MAYOR, meetingUrl());
    await page.getByRole('heading', { level: 1, name: meeting.title }).waitFor();
    expect(await textOf(page.locator('main'))).toContain('Mødepakken kan hentes, når den er sendt');
    // Reviewing, editing and deciding are the secretariat's.
    for (const name of ['Godkend', 'Hent udkast til mødepakke', 'Registrér beslutninger']) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }
    const agenda = await downloaded(page, page.getByRole('button', { name: 'Hent dagsordenen (PDF)' }));
    expect(agenda.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('lets the secretariat move a meeting, and asks why', async () => {
    const before = (await api(tokens[SECRETARIAT], 'GET', `/programmes/${id}/meetings/udvalg-august`)).body;
    const later = new Date(Date.parse(`${before.date}T12:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    const page = await signedIn(SECRETARIAT, `${app.baseUrl}/programmes/${id}/meetings/udvalg-august`);
    await page.getByText('Flyt mødet').click();
    const form = page.locator('details', { hasText: 'Flyt mødet' }).locator('form');
    await form.getByLabel(labels.FIELD.date).fill(later);
    await form.getByLabel(labels.FIELD.time).fill('16:30');
    await form.getByLabel(labels.FIELD.place).fill('Rådhuset, byrådssalen');
    await form.getByRole('button', { name: 'Gem ændringerne' }).click();
    // Without a reason the API refuses, naming the field as the form does.
    const refusal = form.getByRole('alert');
    await refusal.waitFor();
    expect(await textOf(refusal)).toContain(`${labels.FIELD.reason}:`);
    expect((await api(tokens[SECRETARIAT], 'GET', `/programmes/${id}/meetings/udvalg-august`)).body.date).toBe(
      before.date,
    );

    await form.getByLabel(labels.FIELD.reason).fill('Borgmesteren er optaget den dag.');
    await form.getByRole('button', { name: 'Gem ændringerne' }).click();
    await page.getByRole('status').filter({ hasText: 'Mødet er ændret' }).waitFor();
    const after = (await api(tokens[SECRETARIAT], 'GET', `/programmes/${id}/meetings/udvalg-august`)).body;
    expect([after.date, after.time, after.place]).toEqual([later, '16:30', 'Rådhuset, byrådssalen']);
    expect(after.changes.at(-1).reason).toBe('Borgmesteren er optaget den dag.');
    const facts = await textOf(page.locator('.meeting-facts'));
    expect(facts).toContain(danishDate(later));
    expect(facts).toContain('kl. 16.30');
    expect(facts).toContain('Rådhuset, byrådssalen');
    expect(await textOf(page.locator('ul.changes'))).toContain('Borgmesteren er optaget den dag.');
  });
});
