/**
 * The meeting's documents, made where heavy libraries may run (never in a workflow):
 * the Dagsorden and the package zip at dispatch, the Beslutningsprotokol after
 * decisions. Everything is stored content-addressed; the workflow keeps the addresses.
 * The same input gives the same bytes, so a retried activity stores nothing new.
 */
import { Readable } from 'node:stream';
import { agendaPdf } from '../../libs/documents/agenda-pdf';
import type { Agenda, MeetingHeader } from '../../libs/documents/meeting-model';
import { meetingInvitation } from '../../libs/documents/meeting-invitation';
import { ACCEPTED_TYPES } from '../../libs/documents/file-types';
import { type PackageAttachment, packageZip } from '../../libs/documents/package-zip';
import { protocolPdf } from '../../libs/documents/protocol-pdf';
import type { AgendaItem, Decision } from '../../libs/read-model/meeting';
import type { FileStore } from '../files/file-store';

/** What the documents say about the meeting (from the meeting state's `details()`). */
export interface MeetingDetails {
  committee: string;
  meetingTitle: string;
  date: string;
  time?: string;
  durationMinutes?: number;
  place?: string;
  timezone: string;
  sequence: number;
  organizer: string;
  attendees: string[];
  people: Record<string, string>;
  link: string;
}

export interface PackageRequest {
  programmeId: string;
  meetingId: string;
  details: MeetingDetails;
  agenda: AgendaItem[];
  /** The instant the package is made, written into the documents. */
  createdAt: string;
}

export interface AssembledPackage {
  agendaSha256: string;
  agendaFileName: string;
  zipSha256: string;
  /** The calendar invitation (METHOD:REQUEST) sent with the package. */
  invitation: string;
}

/** Documents are never larger than this; a bigger one would be a fault. */
const DOCUMENT_LIMIT = 2 * 1024 ** 3;

export function header(details: MeetingDetails, createdAt: string): MeetingHeader {
  return {
    committee: details.committee,
    meetingTitle: details.meetingTitle,
    date: details.date,
    ...(details.time ? { start: details.time, end: endTime(details.time, details.durationMinutes) } : {}),
    ...(details.place ? { place: details.place } : {}),
    createdAt: new Date(createdAt),
  };
}

/** The Dagsorden's model from the meeting's agenda: material not approved is listed as missing. */
export function agendaModel(details: MeetingDetails, agenda: AgendaItem[], createdAt: string): Agenda {
  return {
    ...header(details, createdAt),
    items: agenda.map((item) => ({
      number: item.number,
      title: item.title,
      background: item.background || undefined,
      recommendation: item.recommendation || undefined,
      method: item.method,
      responsible: item.responsible || undefined,
      minutes: item.minutes,
      attachments: item.attachments.map((a) => ({ number: a.number, title: a.title, missing: !a.file })),
    })),
  };
}

/** The files the package carries: every attachment with an approved file, named by its place on the agenda. */
export function packageAttachments(agenda: AgendaItem[]): PackageAttachment[] {
  return agenda.flatMap((item) =>
    item.attachments
      .filter((a) => a.file)
      .map((a) => ({
        item: item.number,
        attachment: Number(a.number.split('.')[1]),
        title: a.title,
        ext: ACCEPTED_TYPES[a.file!.kind].ext,
        sha256: a.file!.sha256,
        size: a.file!.size,
      })),
  );
}

export function createMeetingDocumentActivities(files: FileStore) {
  return {
    async assemblePackage(req: PackageRequest): Promise<AssembledPackage> {
      const agenda = await agendaPdf(agendaModel(req.details, req.agenda, req.createdAt));
      const storedAgenda = await files.put(agenda, DOCUMENT_LIMIT);
      const head = header(req.details, req.createdAt);
      const zip = packageZip({ header: head, agendaPdf: agenda, attachments: packageAttachments(req.agenda) }, (sha) =>
        files.open(sha),
      );
      const storedZip = await files.put(Readable.from(zip), DOCUMENT_LIMIT);
      const name = (email: string) => req.details.people[email];
      const invitation = meetingInvitation({
        programmeId: req.programmeId,
        meetingId: req.meetingId,
        header: head,
        timezone: req.details.timezone,
        sequence: req.details.sequence,
        organizer: { email: req.details.organizer, name: name(req.details.organizer) },
        attendees: req.details.attendees.map((email) => ({ email, name: name(email) })),
        url: req.details.link,
        stamp: new Date(req.createdAt),
      });
      return {
        agendaSha256: storedAgenda.sha256,
        agendaFileName: `Dagsorden - ${req.details.meetingTitle}.pdf`,
        zipSha256: storedZip.sha256,
        invitation,
      };
    },

    async renderProtocol(req: {
      details: MeetingDetails;
      agenda: AgendaItem[];
      decisions: Decision[];
      createdAt: string;
    }): Promise<{ sha256: string }> {
      const pdf = await protocolPdf({
        ...header(req.details, req.createdAt),
        items: req.agenda
          .filter((item) => item.subAnalysis)
          .map((item) => {
            const decision = req.decisions.find((d) => d.subAnalysis === item.subAnalysis);
            return {
              number: item.number,
              title: item.title,
              ...(decision ? { outcome: decision.outcome, input: decision.input } : {}),
            };
          }),
      });
      return { sha256: (await files.put(pdf, DOCUMENT_LIMIT)).sha256 };
    },
  };
}

/** 'HH:MM' plus minutes, on the same day (meetings do not run past midnight). */
function endTime(start: string, minutes: number | undefined): string | undefined {
  if (minutes === undefined) return undefined;
  const [h, m] = start.split(':').map(Number);
  const total = Math.min(h * 60 + m + minutes, 23 * 60 + 59);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
