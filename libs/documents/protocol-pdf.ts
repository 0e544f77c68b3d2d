/**
 * The Beslutningsprotokol: the meeting header, then per item "Beslutning for Punkt N",
 * the committee's decision in words and its input as the secretariat wrote it down.
 */
import { danishDateWithoutWeek } from '../texts/dates';
import type { Protocol, ProtocolItem } from './meeting-model';
import { OUTCOMES } from './outcomes';
import { createDocument, field, finish, heading, note, section, writeFooters, writeMeetingHeader } from './pdf-layout';

/** 'Godkendt.', 'Ikke tiltrådt i nuværende form.'; undefined before a decision. */
export function decisionText(item: Pick<ProtocolItem, 'outcome'>): string | undefined {
  if (!item.outcome) return undefined;
  const label = OUTCOMES[item.outcome].label;
  return `${label.charAt(0).toUpperCase()}${label.slice(1)}.`;
}

export function decisionHeading(item: Pick<ProtocolItem, 'number' | 'title'>): string {
  return `Beslutning for Punkt ${item.number}: ${item.title}`;
}

export async function protocolPdf(protocol: Protocol): Promise<Buffer> {
  const doc = createDocument(`Beslutningsprotokol – ${protocol.committee} – ${protocol.meetingTitle}`, protocol);
  writeMeetingHeader(doc, 'Beslutningsprotokol', protocol);
  protocol.items.forEach((item, i) => {
    if (i > 0) doc.moveDown(1.2);
    heading(doc, decisionHeading(item), 13);
    doc.outline.addItem(decisionHeading(item));
    const decision = decisionText(item);
    if (decision) field(doc, 'Beslutning', decision);
    else note(doc, 'Ingen beslutning registreret.');
    if (item.input?.trim()) section(doc, 'Udvalgets bemærkninger', item.input.trim());
  });
  writeFooters(doc, `Beslutningsprotokol · ${protocol.committee} · ${danishDateWithoutWeek(protocol.date)}`);
  return finish(doc);
}
