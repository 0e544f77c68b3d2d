/**
 * The status report as a PDF (A4 landscape): title and date, the timeline chart, an
 * overview, then one section per sub-analysis; every page has the status rules and its
 * page number in the footer.
 *
 * The chart is the same SVG as on the pages, rendered to PNG by resvg and embedded as an
 * image (pdfkit cannot draw SVG text, and one rasteriser for the PDF and the e-mail
 * keeps them identical). DejaVu is embedded so æøå survive every viewer and pdftotext.
 */
import PDFDocument from 'pdfkit';
import { reportOutline, type Cell, type List, type Section, type Table, type Tone } from '../reports/report-outline';
import type { StatusReport } from '../reports/report-model';
import { STATUS_COLOUR, STATUS_LABEL } from '../reports/rag';
import { timelineSvg } from '../reports/timeline-svg';
import { type PngImage, svgToPng } from './chart-png';
import { FONT_FILES } from './fonts';

const MARGIN = 36;
const FOOTER_HEIGHT = 34;
const TEXT = '#1a1a1a';
const MUTED = '#5f6b77';
const RULE = '#c9d3dd';
const HEADER_FILL = '#eef2f6';
const TONE_COLOUR: Record<Tone, string> = { late: STATUS_COLOUR.late, risk: '#a66f00', muted: MUTED };

export interface RenderedPdf {
  pdf: Buffer;
  /** The chart as PNG, for the e-mail, so it is rendered once. */
  chart: PngImage;
}

export async function renderReportPdf(report: StatusReport, chartPng?: PngImage): Promise<RenderedPdf> {
  const outline = reportOutline(report);
  const chart = chartPng ?? svgToPng(timelineSvg(report));
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_HEIGHT },
    bufferPages: true,
    // The report's instant, not the rendering's: a report rendered again is the same file.
    info: {
      Title: outline.title,
      Subject: `Statusrapport ${report.date}`,
      Author: 'Spor',
      Creator: 'Spor',
      CreationDate: new Date(report.at),
      ModDate: new Date(report.at),
    },
    lang: 'da-DK',
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.registerFont('regular', FONT_FILES.regular);
  doc.registerFont('bold', FONT_FILES.bold);
  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const ensure = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  // Title, date, what the changes compare with, and the counts.
  doc.font('bold').fontSize(17).fillColor(TEXT).text(outline.title, left, MARGIN, { width });
  doc.font('regular').fontSize(10.5).fillColor(MUTED).text(`${outline.subtitle}. ${outline.comparedWith}`, { width });
  doc.moveDown(0.3);
  const counts = (['on-track', 'at-risk', 'late'] as const).map((s) => ({ s, n: report.counts[s] }));
  let cx = left;
  const chipY = doc.y;
  for (const { s, n } of counts) {
    cx += chip(doc, cx, chipY, `${STATUS_LABEL[s]}: ${n}`, STATUS_COLOUR[s], s === 'at-risk') + 8;
  }
  doc.y = chipY + 20;

  // The chart, as wide as the page allows while leaving room for the overview below.
  const chartTop = doc.y + 4;
  const chartWidth = Math.min(width, ((bottom() - chartTop - 120) * chart.width) / chart.height);
  const chartHeight = (chartWidth * chart.height) / chart.width;
  doc.image(chart.png, left + (width - chartWidth) / 2, chartTop, { width: chartWidth });
  doc.y = chartTop + chartHeight + 10;
  doc.x = left;

  drawTable(doc, outline.summary, left, width, ensure);
  for (const s of outline.sections) drawSection(doc, s, left, width, ensure);

  // Footers, once the page count is known.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const fy = doc.page.height - MARGIN - FOOTER_HEIGHT + 8;
    doc
      .moveTo(left, fy - 4)
      .lineTo(left + width, fy - 4)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc
      .font('regular')
      .fontSize(7)
      .fillColor(MUTED)
      .text(`Statusregler. ${outline.rules.join(' ')}`, left, fy, { width: width - 90, lineBreak: true });
    doc.text(`Side ${i - range.start + 1} af ${range.count}`, left + width - 80, fy, { width: 80, align: 'right' });
    doc.page.margins.bottom = savedBottom;
  }
  doc.end();
  return { pdf: await done, chart };
}

/** A coloured label; returns its width. Amber takes dark text, the others white. */
function chip(doc: PDFKit.PDFDocument, x: number, y: number, label: string, colour: string, darkText: boolean): number {
  doc.font('bold').fontSize(9);
  const w = doc.widthOfString(label) + 14;
  doc.roundedRect(x, y, w, 15, 4).fill(colour);
  doc.fillColor(darkText ? TEXT : '#ffffff').text(label, x + 7, y + 3.5, { lineBreak: false });
  return w;
}

function drawSection(
  doc: PDFKit.PDFDocument,
  s: Section,
  left: number,
  width: number,
  ensure: (h: number) => void,
): void {
  // Keep the heading with the phase table when it fits on a page; a long section still
  // flows on.
  const phases = s.parts.find((p): p is Table => p.kind === 'table');
  ensure(Math.min(90 + 22 * (phases?.rows.length ?? 0), doc.page.height - doc.page.margins.bottom - MARGIN));
  doc.y += 10;
  const top = doc.y;
  doc
    .moveTo(left, top)
    .lineTo(left + width, top)
    .lineWidth(1)
    .strokeColor(RULE)
    .stroke();
  const w = chip(doc, left, top + 8, s.statusLabel, STATUS_COLOUR[s.status], s.status === 'at-risk');
  doc
    .font('bold')
    .fontSize(13)
    .fillColor(TEXT)
    .text(s.title, left + w + 10, top + 7, { width: width - w - 10 });
  doc.x = left;
  doc.y = Math.max(doc.y, top + 26);
  if (s.reasons) doc.font('regular').fontSize(9).fillColor(MUTED).text(s.reasons, left, doc.y, { width });
  doc
    .font('bold')
    .fontSize(9)
    .fillColor(TEXT)
    .text('Projektlederens vurdering: ', left, doc.y + 2, {
      width,
      continued: true,
    });
  cellStyle(doc, s.note, false).text(s.note.text, { width });
  doc.y += 4;
  for (const part of s.parts) {
    if (part.kind === 'table') drawTable(doc, part, left, width, ensure);
    else drawList(doc, part, left, width, ensure);
  }
}

function cellStyle(doc: PDFKit.PDFDocument, c: Cell, header: boolean): PDFKit.PDFDocument {
  return doc.font(c.bold || header ? 'bold' : 'regular').fillColor(c.tone ? TONE_COLOUR[c.tone] : TEXT);
}

function caption(doc: PDFKit.PDFDocument, text: string, left: number, width: number): void {
  doc
    .font('bold')
    .fontSize(9.5)
    .fillColor(TEXT)
    .text(text, left, doc.y + 4, { width });
  doc.y += 2;
}

function drawList(doc: PDFKit.PDFDocument, list: List, left: number, width: number, ensure: (h: number) => void): void {
  ensure(34);
  caption(doc, list.caption, left, width);
  doc.fontSize(8.5);
  if (list.items.length === 0) {
    doc
      .font('regular')
      .fillColor(MUTED)
      .text(list.empty, left + 10, doc.y, { width: width - 10 });
    return;
  }
  for (const item of list.items) {
    ensure(doc.fontSize(8.5).heightOfString(item.text, { width: width - 10 }) + 2);
    cellStyle(doc, item, false).text(`• ${item.text}`, left + 4, doc.y, { width: width - 4 });
  }
}

const PAD = 3;

function drawTable(
  doc: PDFKit.PDFDocument,
  table: Table,
  left: number,
  width: number,
  ensure: (h: number) => void,
): void {
  ensure(50);
  caption(doc, table.caption, left, width);
  if (table.rows.length === 0) {
    doc
      .font('regular')
      .fontSize(8.5)
      .fillColor(MUTED)
      .text(table.empty, left + 10, doc.y, { width: width - 10 });
    return;
  }
  const total = table.columns.reduce((a, c) => a + c.width, 0);
  const widths = table.columns.map((c) => (c.width / total) * width);
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  doc.fontSize(8.5);
  const heightOf = (cells: Cell[], header: boolean) =>
    Math.max(...cells.map((c, i) => cellStyle(doc, c, header).heightOfString(c.text, { width: widths[i] - 2 * PAD }))) +
    2 * PAD;
  const drawRow = (cells: Cell[], header: boolean) => {
    const h = heightOf(cells, header);
    const y = doc.y;
    if (header) doc.rect(left, y, width, h).fill(HEADER_FILL);
    cells.forEach((c, i) => {
      cellStyle(doc, c, header).text(c.text, xs[i] + PAD, y + PAD, {
        width: widths[i] - 2 * PAD,
        align: table.columns[i].align ?? 'left',
      });
    });
    doc
      .moveTo(left, y + h)
      .lineTo(left + width, y + h)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.y = y + h;
  };
  const header = table.columns.map((c) => ({ text: c.header }));
  drawRow(header, true);
  for (const row of table.rows) {
    const h = heightOf(row, false);
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      drawRow(header, true);
    }
    drawRow(row, false);
  }
  doc.x = left;
}
