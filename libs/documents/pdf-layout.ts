/**
 * What the meeting documents share: A4 pages with DejaVu embedded (so æ, ø and å are
 * in the file, not left to the reader's fonts), the meeting header, headings and
 * labelled fields, and "Side X af Y" on every page.
 */
import PDFDocument from 'pdfkit';
import { danishDateWithoutWeek } from '../texts/dates';
import type { MeetingHeader } from './meeting-model';

export const DOCUMENT_FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

const MARGIN = { top: 60, bottom: 72, left: 64, right: 64 };
const BODY_SIZE = 10.5;
const MUTED = '#555555';

export type Doc = PDFKit.PDFDocument;

export function createDocument(title: string, header: MeetingHeader): Doc {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: 'da-DK',
    displayTitle: true,
    info: {
      Title: title,
      Author: header.committee,
      Creator: 'Spor',
      Producer: 'Spor',
      CreationDate: header.createdAt,
      ModDate: header.createdAt,
    },
  });
  doc.registerFont('regular', DOCUMENT_FONTS.regular);
  doc.registerFont('bold', DOCUMENT_FONTS.bold);
  doc.font('regular').fontSize(BODY_SIZE);
  return doc;
}

/** Width between the margins. */
export function textWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Index of the page being written, counted from 0. */
export function currentPage(doc: Doc): number {
  const range = doc.bufferedPageRange();
  return range.start + range.count - 1;
}

/** Starts a new page unless `height` points still fit on this one (keeps a heading with its text). */
export function keepSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** '11:00-13:15', '11:00', or undefined when no time is set. */
export function meetingTime(header: Pick<MeetingHeader, 'start' | 'end'>): string | undefined {
  if (!header.start) return undefined;
  return header.end ? `${header.start}-${header.end}` : header.start;
}

/** The committee, the document's kind and title, and the meeting's date, time and place. */
export function writeMeetingHeader(doc: Doc, kind: string, header: MeetingHeader): void {
  doc.font('bold').fontSize(20).text(header.committee);
  doc.moveDown(0.2);
  doc.font('bold').fontSize(15).text(`${kind}: ${header.meetingTitle}`);
  doc.moveDown(0.8);
  field(doc, 'Mødedato', danishDateWithoutWeek(header.date));
  field(doc, 'Mødetid', meetingTime(header) ?? 'oplyses senere');
  field(doc, 'Mødested', header.place ?? 'oplyses senere');
  doc.moveDown(1);
}

/** 'Label: value' on one line, the label in bold. */
export function field(doc: Doc, label: string, value: string): void {
  doc.font('bold').fontSize(BODY_SIZE).text(`${label}: `, { continued: true });
  doc.font('regular').text(value);
}

export function heading(doc: Doc, text: string, size = 14): void {
  keepSpace(doc, size * 4);
  doc.font('bold').fontSize(size).text(text);
  doc.moveDown(0.3);
  doc.font('regular').fontSize(BODY_SIZE);
}

/** A bold label on its own line, kept with the first lines under it. */
export function subheading(doc: Doc, label: string): void {
  keepSpace(doc, 40);
  doc.moveDown(0.4);
  doc.font('bold').fontSize(BODY_SIZE).text(label);
  doc.font('regular').fontSize(BODY_SIZE);
}

/** A labelled paragraph. */
export function section(doc: Doc, label: string, text: string): void {
  subheading(doc, label);
  doc.text(text, { paragraphGap: 3 });
}

/** Greyed text, for what is absent ('Ingen bilag'). */
export function note(doc: Doc, text: string): void {
  doc.font('regular').fontSize(BODY_SIZE).fillColor(MUTED).text(text).fillColor('black');
}

/** A footer on every page: what the document is on the left, 'Side X af Y' on the right. */
export function writeFooters(doc: Doc, label: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would start a new page; the footer lives there.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - bottom + 24;
    const width = textWidth(doc);
    doc.font('regular').fontSize(8.5).fillColor(MUTED);
    doc.text(label, doc.page.margins.left, y, { width: width * 0.7, lineBreak: false });
    doc.text(`Side ${i - range.start + 1} af ${range.count}`, doc.page.margins.left, y, {
      width,
      align: 'right',
      lineBreak: false,
    });
    doc.fillColor('black');
    doc.page.margins.bottom = bottom;
  }
}

/** Ends the document and gives its bytes. */
export function finish(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
