import { instantiateForYear } from '../libs/plan';
import { loadDefaultProgramme } from '../libs/plan/default-programme';
import { RunningApp, startApp } from './support/app';
import { TestSmtp, startSmtp } from './support/smtp';

const ADMIN = 'admin-token-for-the-reports-test-0123456789';
const SECRETARIAT = 'sekretariat@example.org';
const STEERING = 'stadsdirektoer@example.org';
const SBV_LEAD = 'pl-borgerservice@example.org';
const KLIMA_LEAD = 'pl-klima@example.org';

/**
 * Status reports over HTTP on the dev server with the worker: a lead's note, a report
 * made on demand and sent, and the stored report read back as JSON, HTML and the very
 * PDF the e-mail carried.
 */
describe('status reports over HTTP (dev server, worker, API)', () => {
  let app: RunningApp;
  let smtp: TestSmtp;
  const tokens: Record<string, string> = {};
  const definition = {
    ...instantiateForYear(loadDefaultProgramme(), new Date().getUTCFullYear() + 1),
    id: 'reports-http-test',
  };
  const id = definition.id;

  async function call(token: string, method: string, path: string, body?: unknown) {
    const res = await fetch(`${app.baseUrl}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const buffer = Buffer.from(await res.arrayBuffer());
    const type = res.headers.get('content-type') ?? '';
    return {
      status: res.status,
      type,
      headers: res.headers,
      buffer,
      body: type.startsWith('application/json') && buffer.length ? JSON.parse(buffer.toString()) : undefined,
    };
  }

  beforeAll(async () => {
    smtp = await startSmtp();
    app = await startApp({ SPOR_ADMIN_TOKEN: ADMIN, SMTP_URL: smtp.url });
    expect((await call(ADMIN, 'POST', '/programmes', definition)).status).toBe(201);
    for (const email of [SECRETARIAT, STEERING, SBV_LEAD, KLIMA_LEAD]) {
      const res = await call(ADMIN, 'POST', `/people/${email}/tokens`, { label: 'test' });
      tokens[email] = res.body.token;
    }
  });
  afterAll(async () => {
    await app?.stop();
    await smtp?.stop();
  });

  it('makes no report before the programme has started', async () => {
    const res = await call(tokens[SECRETARIAT], 'POST', `/programmes/${id}/reports`);
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/not been started/);
    expect((await call(tokens[SECRETARIAT], 'POST', `/programmes/${id}/start`)).status).toBe(202);
  });

  it("takes a lead's note for their own sub-analysis only, and names a bad field", async () => {
    const path = `/programmes/${id}/sub-analyses/sbv/status-note`;
    const note = { status: 'at-risk', text: 'Vi mangler data fra to forvaltninger.' };
    expect((await call(tokens[KLIMA_LEAD], 'POST', path, note)).status).toBe(403);
    const bad = await call(tokens[SBV_LEAD], 'POST', path, { status: 'green', text: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['status', 'text']);
    const given = await call(tokens[SBV_LEAD], 'POST', path, note);
    expect(given.status).toBe(200);
    expect(given.body).toMatchObject({ subAnalysis: 'sbv', ...note, by: SBV_LEAD });
    expect((await call(tokens[STEERING], 'GET', path)).body).toEqual({ note: given.body });
    expect((await call(tokens[STEERING], 'GET', `/programmes/${id}/sub-analyses/klima/status-note`)).body).toEqual({
      note: null,
    });
  });

  it('makes and sends a report on demand, and reads it back exactly as sent', async () => {
    expect((await call(tokens[STEERING], 'POST', `/programmes/${id}/reports`)).status).toBe(403);
    const made = await call(tokens[SECRETARIAT], 'POST', `/programmes/${id}/reports`);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      id: expect.stringMatching(/^\d{4}-\d{2}-\d{2}-1$/),
      kind: 'on-demand',
      createdBy: SECRETARIAT,
    });
    const rid = made.body.id as string;

    // Sent before the answer: to the steering group and the secretariat, PDF attached.
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail.to).toEqual(['it-chef@example.org', SECRETARIAT, STEERING]);
    const attachedPdf = mail.attachments.find((a) => a.contentType === 'application/pdf')!.content;

    const list = await call(tokens[STEERING], 'GET', `/programmes/${id}/reports`);
    expect(list.body.map((r: { id: string }) => r.id)).toEqual([rid]);
    const json = await call(tokens[STEERING], 'GET', `/programmes/${id}/reports/${rid}`);
    expect(json.status).toBe(200);
    const sbv = json.body.report.subAnalyses.find((s: { id: string }) => s.id === 'sbv');
    // Nothing is due yet, so Spor says on track; the lead's own word differs and is flagged.
    expect(sbv).toMatchObject({ status: 'on-track', note: { status: 'at-risk', disagrees: true } });

    const html = await call(tokens[SECRETARIAT], 'GET', `/programmes/${id}/reports/${rid}.html`);
    expect(html.status).toBe(200);
    expect(html.type).toMatch(/^text\/html/);
    expect(html.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(html.buffer.toString()).toContain('Vi mangler data fra to forvaltninger.');
    expect(html.buffer.toString()).toContain(`/api/programmes/${id}/reports/${rid}.pdf`);

    const pdf = await call(tokens[STEERING], 'GET', `/programmes/${id}/reports/${rid}.pdf`);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.buffer.equals(attachedPdf)).toBe(true);

    const chart = await call(tokens[STEERING], 'GET', `/programmes/${id}/reports/${rid}/timeline.svg`);
    expect(chart.type).toMatch(/^image\/svg\+xml/);
    expect(chart.buffer.toString()).toContain('Klimaneutral og bæredygtig kommune');

    expect((await call(tokens[SBV_LEAD], 'GET', `/programmes/${id}/reports/${rid}`)).status).toBe(403);
    expect((await call(tokens[STEERING], 'GET', `/programmes/${id}/reports/1999-01-01`)).status).toBe(404);
    expect((await call(tokens[STEERING], 'GET', `/programmes/${id}/reports/1999-01-01.pdf`)).status).toBe(404);
  });

  it("shows the timeline chart to the programme's readers, and the report days as sent", async () => {
    const svg = await call(tokens[SBV_LEAD], 'GET', `/programmes/${id}/timeline.svg`);
    expect(svg.status).toBe(200);
    expect(svg.type).toMatch(/^image\/svg\+xml/);
    expect(svg.buffer.toString()).toMatch(/^<svg /);
    expect(svg.buffer.toString()).toContain('Samlet Borger- og Virksomhedsservice');
    const schedule = await call(tokens[SECRETARIAT], 'GET', `/programmes/${id}/schedule`);
    const reports = schedule.body.filter((e: { kind: string }) => e.kind === 'status-report');
    expect(reports.length).toBeGreaterThan(10);
    expect(reports.every((e: { notify: boolean }) => e.notify)).toBe(true);
  });
});
