/**
 * The Dagsorden: the meeting header, a table of contents with page numbers, and each
 * item ("Punkt N") with its fields and its attachments ("Bilag N.M"), those not
 * approved marked as missing.
 */
import { danishDateWithoutWeek } from '../texts/dates';
import type { Agenda, AgendaAttachment, AgendaItem } from './meeting-model';
import { AGENDA_METHOD_LABEL } from './meeting-model';
import {
  type Doc,
  createDocument,
  currentPage,
  field,
  finish,
  heading,
  keepSpace,
  note,
  section,
  subheading,
  textWidth,
  writeFooters,
  writeMeetingHeader,
} from './pdf-layout';

/** How the table of contents and the item name an item. */
export function itemHeading(item: Pick<AgendaItem, 'number' | 'title'>): string {
  return `Punkt ${item.number}: ${item.title}`;
}

/** 'Bilag 2.1 Foreløbige resultater', with ' – mangler (ikke godkendt)' when missing. */
export function attachmentLine(attachment: AgendaAttachment): string {
  const line = `Bilag ${attachment.number} ${attachment.title}`;
  return attachment.missing ? `${line} – mangler (ikke godkendt)` : line;
}

/** 'Tid: 15 min.'. */
function minutesText(minutes: number): string {
  return `${minutes} min.`;
}

const NUMBER_COLUMN = 40;

export async function agendaPdf(agenda: Agenda): Promise<Buffer> {
  const doc = createDocument(`Dagsorden – ${agenda.committee} – ${agenda.meetingTitle}`, agenda);
  writeMeetingHeader(doc, 'Dagsorden', agenda);

  // The contents come first but their page numbers are known only once the items are
  // laid out: remember where each line is and write the numbers in afterwards.
  heading(doc, 'Indholdsfortegnelse', 13);
  const contentsLines: { page: number; y: number }[] = [];
  const width = textWidth(doc);
  doc.font('regular').fontSize(10.5);
  for (const item of agenda.items) {
    const line = `Punkt ${item.number}  ${item.title}`;
    doc.moveDown(0.15);
    // A line that would not fit moves to the next page whole, so its number lands beside it.
    keepSpace(doc, doc.heightOfString(line, { width: width - NUMBER_COLUMN }));
    const y = doc.y;
    contentsLines.push({ page: currentPage(doc), y });
    doc.text(line, doc.page.margins.left, y, { width: width - NUMBER_COLUMN });
  }

  const itemPages: number[] = [];
  agenda.items.forEach((item, i) => {
    if (i === 0) doc.addPage();
    else doc.moveDown(1.5);
    itemPages.push(writeItem(doc, item));
  });

  contentsLines.forEach((line, i) => {
    doc.switchToPage(line.page);
    doc
      .font('regular')
      .fontSize(10.5)
      .text(String(itemPages[i] + 1), doc.page.margins.left, line.y, {
        width,
        align: 'right',
        lineBreak: false,
      });
  });

  writeFooters(doc, `Dagsorden · ${agenda.committee} · ${danishDateWithoutWeek(agenda.date)}`);
  return finish(doc);
}

/** Writes one item and returns the page it starts on. */
function writeItem(doc: Doc, item: AgendaItem): number {
  heading(doc, itemHeading(item));
  const page = currentPage(doc);
  doc.outline.addItem(itemHeading(item));
  field(doc, 'Metode', AGENDA_METHOD_LABEL[item.method]);
  if (item.responsible) field(doc, 'Ansvarlig', item.responsible);
  if (item.minutes !== undefined) field(doc, 'Tid', minutesText(item.minutes));
  if (item.background) section(doc, 'Baggrund', item.background);
  if (item.recommendation) section(doc, 'Indstilling', item.recommendation);
  subheading(doc, 'Bilag');
  if (item.attachments.length === 0) note(doc, 'Ingen bilag.');
  for (const attachment of item.attachments) {
    if (attachment.missing) note(doc, attachmentLine(attachment));
    else doc.font('regular').text(attachmentLine(attachment));
  }
  return page;
}
