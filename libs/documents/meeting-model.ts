/**
 * The plain data the meeting documents are made from. The caller (the meeting workflow's
 * read model, the API) decides what goes in; the builders only lay it out.
 */
import type { IsoDate } from '../plan/working-days';
import type { Outcome } from './outcomes';

/** How the committee treats an item. */
export const AGENDA_METHODS = ['orientering', 'drøftelse', 'beslutning'] as const;
export type AgendaMethod = (typeof AGENDA_METHODS)[number];

export const AGENDA_METHOD_LABEL: Record<AgendaMethod, string> = {
  orientering: 'Orientering',
  drøftelse: 'Drøftelse',
  beslutning: 'Beslutning',
};

export interface MeetingHeader {
  /** The committee's name, e.g. 'Økonomiudvalget'. */
  committee: string;
  /** The meeting's title from the definition. */
  meetingTitle: string;
  date: IsoDate;
  /** 'HH:MM' in the programme's time zone. */
  start?: string;
  end?: string;
  place?: string;
  /** The document's date in its metadata; passed in so the same input gives the same bytes. */
  createdAt: Date;
}

export interface AgendaAttachment {
  /** 'N.M': item number and the attachment's place under it. */
  number: string;
  title: string;
  /** Not approved when the package was assembled: listed, marked as missing. */
  missing: boolean;
}

export interface AgendaItem {
  number: number;
  title: string;
  background?: string;
  /** 'Det indstilles, at udvalget …'. */
  recommendation?: string;
  method: AgendaMethod;
  responsible?: string;
  /** Time set aside for the item. */
  minutes?: number;
  attachments: AgendaAttachment[];
}

export interface Agenda extends MeetingHeader {
  items: AgendaItem[];
}

/** An item before numbering: what the caller knows about it. */
export type AgendaItemDraft = Omit<AgendaItem, 'number' | 'attachments'> & {
  attachments?: Omit<AgendaAttachment, 'number'>[];
};

/** Numbers items 1, 2, … in the given order and their attachments N.1, N.2, …. */
export function numberItems(drafts: AgendaItemDraft[]): AgendaItem[] {
  return drafts.map((draft, i) => ({
    ...draft,
    number: i + 1,
    attachments: (draft.attachments ?? []).map((a, j) => ({ ...a, number: `${i + 1}.${j + 1}` })),
  }));
}

/** The items every committee meeting opens and closes with. */
export function standingItems(committee = 'udvalget'): { first: AgendaItemDraft; last: AgendaItemDraft } {
  return {
    first: {
      title: 'Godkendelse af dagsorden',
      recommendation: `Det indstilles, at ${committee} godkender dagsordenen.`,
      method: 'beslutning',
      minutes: 5,
    },
    last: { title: 'Eventuelt', method: 'orientering', minutes: 5 },
  };
}

/** The caller's items between the standing ones, all numbered. */
export function withStandingItems(drafts: AgendaItemDraft[], committee?: string): AgendaItem[] {
  const { first, last } = standingItems(committee);
  return numberItems([first, ...drafts, last]);
}

export interface ProtocolItem {
  number: number;
  title: string;
  /** Undefined: not decided (yet); the protocol says so. */
  outcome?: Outcome;
  /** The committee's input, as the secretariat wrote it down. */
  input?: string;
}

export interface Protocol extends MeetingHeader {
  items: ProtocolItem[];
}
