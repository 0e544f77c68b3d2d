import { simpleParser } from 'mailparser';
import { createTransport } from 'nodemailer';
import { computeSchedule } from '../plan/schedule';
import { buildStatusReport } from '../reports/report-model';
import { aarhusInWeek15, aarhusPlan } from '../reports/test-fixtures';
import { startSmtp } from '../../test/support/smtp';
import { CHART_CID, pdfFilename, renderReport, reportHtmlDocument, reportSubject } from './report-email';

const plan = aarhusPlan();
const previous = buildStatusReport({ plan, snapshots: aarhusInWeek15(plan), at: '2025-04-01T08:00:00+02:00' });
const report = buildStatusReport({
  plan,
  snapshots: aarhusInWeek15(plan),
  at: '2025-04-08T08:00:00+02:00',
  previous,
  notes: { sbv: { status: 'on-track', text: 'Fase 1 bliver færdig <i morgen>.', at: '2025-04-07T16:00:00+02:00' } },
  decisions: [
    {
      meeting: 'udvalg-juni',
      subAnalysis: 'klima',
      outcome: 'taget-til-efterretning',
      decidedAt: '2025-04-02T12:00:00+02:00',
    },
  ],
});
const LINK = 'https://spor.example.org/programmes/aarhus-organisationsanalyse-2025/reports/2025-04-08';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('the report e-mail', () => {
  let rendered: Awaited<ReturnType<typeof renderReport>>;
  beforeAll(async () => {
    rendered = await renderReport(report, LINK);
  });

  it('is HTML Outlook renders: no scripts, no remote images, only inline styles', () => {
    const { html } = rendered.email;
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/<style|<link\b|\sclass=/i);
    const sources = [...html.matchAll(/<img\b[^>]*\ssrc="([^"]*)"/gi)].map((m) => m[1]);
    expect(sources).toEqual([`cid:${CHART_CID}`]);
    expect(html).not.toMatch(/src="https?:/i);
    expect(html).not.toMatch(/url\(/i);
  });

  it('carries the chart as an inline PNG and the PDF as an attachment', () => {
    const [chart, pdf] = rendered.email.attachments;
    expect(chart).toEqual(expect.objectContaining({ cid: CHART_CID, contentType: 'image/png' }));
    expect((chart.content as Buffer).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pdf).toEqual({ filename: pdfFilename(report), content: rendered.pdf, contentType: 'application/pdf' });
    expect(rendered.pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('tells the report in the HTML and in the plain text alike', () => {
    const { html, text } = rendered.email;
    for (const s of plan.subAnalyses) {
      expect(html).toContain(s.title);
      expect(text).toContain(s.title);
    }
    for (const body of [html, text]) {
      expect(body).toContain('7 arbejdsdage over fristen');
      expect(body).toContain('ingen bemærkning');
      expect(body).toContain('Afviger fra den beregnede status (Forsinket)');
      expect(body).toContain('taget til efterretning');
      expect(body).toContain('uge 12-13');
      expect(body).toContain('Status er ændret fra Risiko til Forsinket.');
      expect(body).toContain('Denne besked er sendt automatisk af Spor.');
      expect(body).toContain(LINK);
    }
    // The lead's words are escaped in the HTML and kept as they are in the text.
    expect(html).toContain('Fase 1 bliver færdig &lt;i morgen&gt;.');
    expect(text).toContain('Fase 1 bliver færdig <i morgen>.');
  });

  it("has the schedule's title for that day's report as its subject", () => {
    const events = computeSchedule(plan).filter((e) => e.kind === 'status-report');
    expect(events.length).toBeGreaterThan(10);
    for (const event of events) {
      const onTheDay = buildStatusReport({ plan, snapshots: [], at: event.at });
      expect(reportSubject(onTheDay)).toBe(event.title);
    }
    expect(rendered.email.subject).toBe(
      'Statusrapport for Organisationsanalyse af Aarhus Kommune – delanalyser (uge 15)',
    );
  });

  it('goes through nodemailer as HTML with a text alternative, the chart inline and the PDF attached', async () => {
    const smtp = await startSmtp();
    try {
      const message = {
        from: 'Spor <spor@example.org>',
        to: 'styregruppe@example.org',
        subject: rendered.email.subject,
        html: rendered.email.html,
        text: rendered.email.text,
        attachments: rendered.email.attachments,
      };
      // The MIME message nodemailer builds, read back by mailparser.
      const built = await createTransport({ streamTransport: true, buffer: true }).sendMail(message);
      // skipImageLinks: keep cid: links as sent rather than inlining data: URLs.
      const parsed = await simpleParser(built.message as Buffer, { skipImageLinks: true });
      expect(parsed.subject).toBe(rendered.email.subject);
      expect(parsed.text).toContain('Samlet Borger- og Virksomhedsservice: FORSINKET');
      expect(parsed.html).toContain(`cid:${CHART_CID}`);
      const inline = parsed.attachments.find((a) => a.contentId === `<${CHART_CID}>`);
      expect(inline?.related).toBe(true);
      expect(inline?.contentType).toBe('image/png');
      const pdf = parsed.attachments.find((a) => a.contentType === 'application/pdf');
      expect(pdf?.filename).toBe('statusrapport-aarhus-organisationsanalyse-2025-2025-04-08.pdf');
      expect(pdf?.content.equals(rendered.pdf)).toBe(true);

      // And a real SMTP server takes it.
      await createTransport(smtp.url).sendMail(message);
      expect(smtp.received).toEqual([
        expect.objectContaining({ to: ['styregruppe@example.org'], subject: rendered.email.subject }),
      ]);
      expect(smtp.received[0].text).toContain('Relationel velfærd');
    } finally {
      await smtp.stop();
    }
  });
});

describe('the report as an HTML document', () => {
  it('has the same content with the chart as inline SVG, and nothing fetched or run', () => {
    const page = reportHtmlDocument(report, { link: LINK, pdfLink: `${LINK}.pdf` });
    expect(page).not.toMatch(/<script|<img\b|\son[a-z]+=/i);
    expect(page.match(/<svg /g)).toHaveLength(1);
    expect(page).toMatch(/<svg [^>]*width="100%" viewBox=/);
    expect(page).toContain('data-kind="overdue" data-phase="sbv/1"');
    for (const s of plan.subAnalyses) expect(page).toContain(s.title);
    expect(page).toContain(`href="${LINK}.pdf"`);
    expect(page).toContain('Hent rapporten som PDF');
    expect(page).toContain('Fase 1 bliver færdig &lt;i morgen&gt;.');
  });
});
