/**
 * What a rehearsal reports: every event in time order, and a summary of them. Pure.
 */
import type { IsoDate } from '../plan/working-days';

export type RehearsalEventType =
  /** An e-mail a workflow would send; `kind` is the notification's kind. */
  | 'email'
  /** A document made (Dagsorden, package, Beslutningsprotokol, status report); `kind` says which. */
  | 'document'
  /** A line the workflows wrote in a history: phase started or completed, gate opened, … */
  | 'history'
  /** A person's step the workflows accepted; `kind` is the step's action. */
  | 'step'
  /** A person's step the workflows refused, with the reason they gave. */
  | 'refused';

export interface RehearsalEvent {
  /** ISO 8601 instant, in the programme's zone. */
  at: string;
  /** Local date and ISO week of `at`. */
  date: IsoDate;
  week: number;
  type: RehearsalEventType;
  kind: string;
  subAnalysis?: string;
  phase?: string;
  meeting?: string;
  recipients?: string[];
  subject?: string;
  /** The e-mail's plain text, when asked for. */
  body?: string;
  /** A document's file name and its SHA-256. */
  fileName?: string;
  sha256?: string;
  /** The document, base64, when asked for. */
  content?: string;
  /** What happened, for people (a history line, a refusal's reason). */
  text?: string;
  /** Who acted. */
  by?: string;
  /** A scenario step's place in the scenario, or 'plan' for a default step. */
  step?: number | 'plan';
}

export interface OverdueItem {
  subAnalysis: string;
  phase?: string;
  meeting?: string;
  /** The deadline that passed. */
  due: IsoDate;
}

export interface RehearsalSummary {
  programmeId: string;
  /** The year the programme was rehearsed in, and the one it was written for when they differ. */
  year: number;
  writtenFor?: number;
  from: string;
  until: string;
  emails: number;
  /** E-mails per recipient, by address. */
  emailsPerPerson: Record<string, number>;
  escalations: { at: string; kind: string; subAnalysis?: string; phase?: string; meeting?: string }[];
  /** Phases not completed and material not approved when the rehearsal ended, past their deadline. */
  overdue: OverdueItem[];
  documents: number;
  refused: number;
  /** Wall-clock milliseconds the rehearsal took, server start included. */
  tookMs: number;
}

const ESCALATION = /escalation$/;

/** Events in time order; at one instant, the order they happened in. */
export function inTimeOrder(events: readonly RehearsalEvent[]): RehearsalEvent[] {
  return events
    .map((e, i) => ({ e, i, ms: Date.parse(e.at) }))
    .sort((a, b) => a.ms - b.ms || a.i - b.i)
    .map((x) => x.e);
}

export function summarise(
  events: readonly RehearsalEvent[],
  facts: Pick<RehearsalSummary, 'programmeId' | 'year' | 'writtenFor' | 'from' | 'until' | 'overdue' | 'tookMs'>,
): RehearsalSummary {
  const emails = events.filter((e) => e.type === 'email');
  const perPerson: Record<string, number> = {};
  for (const e of emails) for (const r of e.recipients ?? []) perPerson[r] = (perPerson[r] ?? 0) + 1;
  return {
    programmeId: facts.programmeId,
    year: facts.year,
    ...(facts.writtenFor !== undefined && facts.writtenFor !== facts.year && { writtenFor: facts.writtenFor }),
    from: facts.from,
    until: facts.until,
    emails: emails.length,
    emailsPerPerson: Object.fromEntries(Object.entries(perPerson).sort(([a], [b]) => a.localeCompare(b))),
    escalations: emails
      .filter((e) => ESCALATION.test(e.kind))
      .map((e) => ({
        at: e.at,
        kind: e.kind,
        ...(e.subAnalysis && { subAnalysis: e.subAnalysis }),
        ...(e.phase && { phase: e.phase }),
        ...(e.meeting && { meeting: e.meeting }),
      })),
    overdue: facts.overdue,
    documents: events.filter((e) => e.type === 'document').length,
    refused: events.filter((e) => e.type === 'refused').length,
    tookMs: facts.tookMs,
  };
}

/** The events grouped by ISO week, in order: what the CLI's table and the page show. */
export function byWeek(events: readonly RehearsalEvent[]): { year: number; week: number; events: RehearsalEvent[] }[] {
  const groups: { year: number; week: number; events: RehearsalEvent[] }[] = [];
  for (const e of events) {
    const year = weekYearOf(e.date, e.week);
    const last = groups[groups.length - 1];
    if (last && last.year === year && last.week === e.week) last.events.push(e);
    else groups.push({ year, week: e.week, events: [e] });
  }
  return groups;
}

/** The ISO week-year of a date whose week is known (early January may be last year's week). */
function weekYearOf(date: IsoDate, week: number): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (month === 1 && week >= 52) return year - 1;
  if (month === 12 && week === 1) return year + 1;
  return year;
}

/** What was still open past its deadline when the rehearsal ended, from the workflows' last snapshots. */
export function overdueAtEnd(
  subAnalyses: readonly { subAnalysisId: string; phases: { code: string; state: string; due: string }[] }[],
  meetings: readonly {
    meetingId: string;
    materialDue: string;
    deliverables: { subAnalysis: string; state: string }[];
  }[],
  endDate: IsoDate,
): OverdueItem[] {
  const overdue: OverdueItem[] = [];
  for (const s of subAnalyses) {
    for (const p of s.phases) {
      if (p.state !== 'completed' && p.due < endDate)
        overdue.push({ subAnalysis: s.subAnalysisId, phase: p.code, due: p.due });
    }
  }
  for (const m of meetings) {
    for (const d of m.deliverables) {
      if (d.state !== 'approved' && m.materialDue < endDate) {
        overdue.push({ subAnalysis: d.subAnalysis, meeting: m.meetingId, due: m.materialDue });
      }
    }
  }
  return overdue.sort((a, b) => a.due.localeCompare(b.due) || a.subAnalysis.localeCompare(b.subAnalysis));
}
