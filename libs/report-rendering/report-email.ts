/**
 * The status report as an e-mail in Spor's one layout: the counts, the timeline chart as
 * an inline PNG (cid:), the overview and one section per sub-analysis, the status rules,
 * a link to the report in Spor, and the PDF attached. The plain-text alternative tells
 * the same in the same order.
 */
import {
  type EmailAttachment,
  type EmailMessage,
  SafeHtml,
  type TableCell,
  EMAIL_STYLE,
  EMAIL_WIDTH,
  bulletList,
  button,
  chip,
  chipRow,
  dataTable,
  emailMessage,
  heading,
  html,
  inlineImage,
  paragraph,
} from '../email';
import { isoWeekOf } from '../plan/working-days';
import { type ReportStatus, STATUS_COLOUR, STATUS_LABEL } from '../reports/rag';
import type { StatusReport } from '../reports/report-model';
import { type Cell, type Part, type ReportOutline, type Tone, reportOutline } from '../reports/report-outline';
import { timelineSvg } from '../reports/timeline-svg';
import { svgToPng } from './chart-png';
import { renderReportPdf } from './report-pdf';

export const CHART_CID = 'timeline@spor';
/** The layout's width less the body's padding. */
const CONTENT_WIDTH = EMAIL_WIDTH - 40;
const CHART_SVG_WIDTH = 820;

const TONE_COLOUR: Record<Tone, string> = { late: STATUS_COLOUR.late, risk: '#8a5a00', muted: EMAIL_STYLE.muted };
const STATUSES: readonly ReportStatus[] = ['on-track', 'at-risk', 'late'];

/**
 * The subject: the status-report title the schedule shows for the same day
 * (libs/plan/schedule.ts), so the calendar and the inbox name the report alike.
 */
export function reportSubject(report: StatusReport): string {
  return `Statusrapport for ${report.programme.title} (uge ${isoWeekOf(report.date).week})`;
}

export function pdfFilename(report: StatusReport): string {
  return `statusrapport-${report.programme.id}-${report.date}.pdf`;
}

export interface RenderedReport {
  pdf: Buffer;
  email: EmailMessage;
}

/** The PDF and the e-mail carrying it. */
export async function renderReport(report: StatusReport, link: string): Promise<RenderedReport> {
  const { pdf } = await renderReportPdf(report);
  return { pdf, email: reportEmail(report, { link, pdf }) };
}

export interface ReportEmailOptions {
  /** The report in Spor. */
  link: string;
  /** Attached when given. */
  pdf?: Buffer;
}

export function reportEmail(report: StatusReport, options: ReportEmailOptions): EmailMessage {
  const outline = reportOutline(report);
  // Narrower than the PDF's chart, so its text stays readable at the e-mail's width.
  const chart = svgToPng(timelineSvg(report, { width: CHART_SVG_WIDTH }));
  const chartHeight = Math.round((CONTENT_WIDTH * chart.height) / chart.width);
  const attachments: EmailAttachment[] = [
    { filename: 'tidslinje.png', content: chart.png, contentType: 'image/png', cid: CHART_CID },
  ];
  if (options.pdf) {
    attachments.push({ filename: pdfFilename(report), content: options.pdf, contentType: 'application/pdf' });
  }
  return emailMessage({
    subject: reportSubject(report),
    programmeTitle: report.programme.title,
    preheader: countsText(report),
    body: reportBody(
      report,
      outline,
      inlineImage(CHART_CID, CHART_ALT, CONTENT_WIDTH, chartHeight),
      options.pdf ? 'Rapporten er vedhæftet som PDF.' : undefined,
      { href: options.link, label: OPEN_LABEL },
    ),
    text: outlineText(outline, countsText(report), Boolean(options.pdf)),
    link: { href: options.link, label: OPEN_LABEL },
    attachments,
  });
}

/**
 * The same report as one HTML document for a browser (`GET …/reports/{rid}.html`): the
 * e-mail's layout and body, with the chart as inline SVG instead of an attachment. It
 * uses inline style attributes, so serve it with a CSP that allows them for this page.
 */
export function reportHtmlDocument(report: StatusReport, options: { link: string; pdfLink?: string }): string {
  const outline = reportOutline(report);
  // Our own SVG: every text in it is escaped by timelineSvg.
  const chart = new SafeHtml(timelineSvg(report, { width: CHART_SVG_WIDTH, fluid: true }));
  return emailMessage({
    subject: reportSubject(report),
    programmeTitle: report.programme.title,
    body: reportBody(
      report,
      outline,
      chart,
      undefined,
      options.pdfLink ? { href: options.pdfLink, label: 'Hent rapporten som PDF' } : undefined,
    ),
    text: '',
    link: { href: options.link, label: OPEN_LABEL },
  }).html;
}

const OPEN_LABEL = 'Åbn rapporten i Spor';
const CHART_ALT = 'Tidslinje: planlagte faser, fremdrift og udvalgsmøder pr. uge for hvert analysespor';

function countsText(report: StatusReport): string {
  return STATUSES.map((st) => `${STATUS_LABEL[st]}: ${report.counts[st]}`).join(' · ');
}

function reportBody(
  report: StatusReport,
  outline: ReportOutline,
  chart: SafeHtml,
  attachedNote: string | undefined,
  action: { href: string; label: string } | undefined,
): SafeHtml {
  return html`${heading(outline.title, 1)}
  ${paragraph(`${outline.subtitle}. ${outline.comparedWith}`, { colour: EMAIL_STYLE.muted, size: 13 })}
  ${chipRow(STATUSES.map((st) => statusChip(st, `${STATUS_LABEL[st]}: ${report.counts[st]}`)))} ${chart}
  ${renderPart(outline.summary)}
  ${outline.sections.map(
    (s) =>
      html`<table
        role="presentation"
        width="100%"
        border="0"
        cellpadding="0"
        cellspacing="0"
        style="margin:18px 0 0 0;border-top:2px solid ${EMAIL_STYLE.rule};"
      >
        <tr>
          <td style="padding:10px 0 0 0;">
            ${chipRow([statusChip(s.status, s.statusLabel)])} ${heading(s.title, 2)}
            ${s.reasons ? paragraph(s.reasons, { colour: EMAIL_STYLE.muted, size: 13 }) : ''}
            ${paragraph(html`<b>Projektlederens vurdering:</b> <span style="color:${colourOf(s.note)};${s.note.bold ? 'font-weight:bold;' : ''}">${s.note.text}</span>`, { size: 13 })}
            ${s.parts.map(renderPart)}
          </td>
        </tr>
      </table>`,
  )}
  ${paragraph(`Statusregler. ${outline.rules.join(' ')}`, { colour: EMAIL_STYLE.muted, size: 12 })}
  ${attachedNote ? paragraph(attachedNote, { size: 13 }) : ''} ${action ? button(action.href, action.label) : ''}`;
}

function statusChip(status: ReportStatus, label: string): SafeHtml {
  // Amber takes dark text: white on amber is too faint to read.
  return chip(label, STATUS_COLOUR[status], status === 'at-risk' ? EMAIL_STYLE.text : '#ffffff');
}

const colourOf = (c: Cell): string => (c.tone ? TONE_COLOUR[c.tone] : EMAIL_STYLE.text);
const tableCell = (c: Cell): TableCell => ({ text: c.text, colour: colourOf(c), ...(c.bold && { bold: true }) });

function renderPart(part: Part): SafeHtml {
  const caption = heading(part.caption, 3);
  if (part.kind === 'list') {
    return html`${caption}${part.items.length > 0 ? bulletList(part.items.map(tableCell)) : paragraph(part.empty, { colour: EMAIL_STYLE.muted, size: 13 })}`;
  }
  if (part.rows.length === 0) return html`${caption}${paragraph(part.empty, { colour: EMAIL_STYLE.muted, size: 13 })}`;
  const total = part.columns.reduce((a, c) => a + c.width, 0);
  return html`${caption}${dataTable(
    part.columns.map((c) => ({
      header: c.header,
      width: Math.round((c.width / total) * 100),
      ...(c.align && { align: c.align }),
    })),
    part.rows.map((r) => r.map(tableCell)),
  )}`;
}

/** The plain-text alternative: the same outline, tables as indented lines. */
export function outlineText(outline: ReportOutline, counts: string, pdfAttached: boolean): string {
  const lines: string[] = [outline.title, outline.subtitle, outline.comparedWith, '', counts, ''];
  const part = (p: Part) => {
    lines.push(`${p.caption}:`);
    if (p.kind === 'list') {
      if (p.items.length === 0) lines.push(`  ${p.empty}`);
      for (const i of p.items) lines.push(`  - ${i.text}`);
    } else {
      if (p.rows.length === 0) lines.push(`  ${p.empty}`);
      for (const r of p.rows) {
        lines.push(`  - ${r.map((c, i) => (i === 0 ? c.text : `${p.columns[i].header}: ${c.text}`)).join('; ')}`);
      }
    }
    lines.push('');
  };
  part(outline.summary);
  for (const s of outline.sections) {
    lines.push(`${s.title}: ${s.statusLabel.toUpperCase()}`);
    if (s.reasons) lines.push(s.reasons);
    lines.push(`Projektlederens vurdering: ${s.note.text}`, '');
    s.parts.forEach(part);
  }
  lines.push(`Statusregler. ${outline.rules.join(' ')}`);
  if (pdfAttached) lines.push('', 'Rapporten er vedhæftet som PDF.');
  return lines.join('\n');
}
