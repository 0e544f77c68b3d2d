/**
 * The state of a programme's status reports: when each report is made, when the leads
 * are asked for their notes and reminded once, the notes given, and which of these
 * are done. Pure, unit-tested beside it; the dates come from the plan library
 * (statusReportEvents, statusNoteRequestTimes), as the API's schedule shows them.
 */
import { refuse } from '../failures';
import type { NotificationRequest } from '../../activities/mail/mail.activities';
import type { MakeReportRequest } from '../../activities/reports/status-report.activities';
import type { ProgrammeDefinition } from '../../libs/plan/definition';
import { type ProgrammePlan, computePlan } from '../../libs/plan/plan';
import { calendarOf, statusNoteRequestTimes, statusReportEvents } from '../../libs/plan/schedule';
import { isReportStatus } from '../../libs/reports/rag';
import type { LeadNote } from '../../libs/reports/report-model';
import { statusNoteRequestMessage } from '../../libs/texts/status-notes';
import { type GivenStatusNote, NOTE_MAX_LENGTH, type StatusNoteArgs } from './messages';

export interface StatusReportIds {
  programmeId: string;
  workflowId: string;
}

/** What the workflow carries across continue-as-new. */
export interface StatusReportCarried {
  startedAtMs: number;
  /** Keys of the steps done (or passed over because they fell before the start). */
  done: string[];
  notes: Record<string, GivenStatusNote>;
  /** The instant of the latest report made, scheduled or on demand. */
  lastReportAt?: string;
  onDemand: number;
}

interface Step {
  key: string;
  kind: 'note-request' | 'note-reminder' | 'report';
  atMs: number;
  at: string;
  /** The report's day. */
  date: string;
}

export type StatusReportTask =
  | { kind: 'notify'; key: string; messages: NotificationRequest[] }
  | { kind: 'report'; key: string; id: string; at: string };

export class StatusReportState {
  private readonly plan: ProgrammePlan;
  private readonly steps: Step[];
  private readonly done: Set<string>;
  private readonly endMs: number;
  private _version = 0;

  constructor(
    private readonly ids: StatusReportIds,
    private readonly state: StatusReportCarried,
    definition: ProgrammeDefinition,
    private readonly publicUrl: string,
  ) {
    this.plan = computePlan(definition);
    const cal = calendarOf(this.plan);
    this.steps = statusReportEvents(this.plan)
      .flatMap((e): Step[] => {
        const times = statusNoteRequestTimes(this.plan, e.date);
        return [
          {
            key: `note-request/${e.date}`,
            kind: 'note-request',
            at: times.request,
            atMs: cal.millis(times.request),
            date: e.date,
          },
          {
            key: `note-reminder/${e.date}`,
            kind: 'note-reminder',
            at: times.reminder,
            atMs: cal.millis(times.reminder),
            date: e.date,
          },
          { key: `report/${e.date}`, kind: 'report', at: e.at, atMs: cal.millis(e.at), date: e.date },
        ];
      })
      .sort((a, b) => a.atMs - b.atMs);
    this.done = new Set(state.done);
    // Steps before the start are not made up for: a programme started late begins with
    // its next report.
    for (const s of this.steps) if (s.atMs < state.startedAtMs) this.done.add(s.key);
    // On-demand reports are possible until the plan's last day is over.
    const planEndMs = cal.millis(cal.localInstant(this.plan.ends, '23:59').iso);
    this.endMs = Math.max(planEndMs, ...this.steps.map((s) => s.atMs));
  }

  /** When the workflow ends: after the last report, and not before the plan's last day is over. */
  get endsAtMs(): number {
    return this.endMs;
  }

  static fresh(now: number): StatusReportCarried {
    return { startedAtMs: now, done: [], notes: {}, onDemand: 0 };
  }

  get version(): number {
    return this._version;
  }

  /** The steps due at `now` and not done, in time order. */
  tasks(now: number): StatusReportTask[] {
    return this.steps.filter((s) => s.atMs <= now && !this.done.has(s.key)).map((s) => this.task(s));
  }

  nextWakeUp(now: number): number | undefined {
    return this.steps.find((s) => s.atMs > now && !this.done.has(s.key))?.atMs;
  }

  markDone(key: string): void {
    this.done.add(key);
    this._version++;
  }

  finished(now: number): boolean {
    return now >= this.endMs && this.steps.every((s) => this.done.has(s.key));
  }

  checkNote(args: StatusNoteArgs): void {
    if (!this.plan.subAnalyses.some((s) => s.id === args.subAnalysis)) {
      refuse(`The programme has no sub-analysis "${args.subAnalysis}"`);
    }
    if (!isReportStatus(args.status)) refuse(`Unknown status "${String(args.status)}"`);
    const text = args.text?.trim() ?? '';
    if (text === '' || text.length > NOTE_MAX_LENGTH) refuse(`A note has 1 to ${NOTE_MAX_LENGTH} characters`);
  }

  giveNote(args: StatusNoteArgs, now: number): GivenStatusNote {
    const note: GivenStatusNote = {
      subAnalysis: args.subAnalysis,
      status: args.status,
      text: args.text.trim(),
      at: calendarOf(this.plan).normalise(now),
      by: args.by,
    };
    this.state.notes[args.subAnalysis] = note;
    this._version++;
    return note;
  }

  /** The notes as the report model takes them; it counts only those since the previous report. */
  leadNotes(): Record<string, LeadNote> {
    return Object.fromEntries(
      Object.entries(this.state.notes).map(([sid, n]) => [sid, { status: n.status, text: n.text, at: n.at }]),
    );
  }

  checkOnDemand(now: number): void {
    if (now >= this.endMs) refuse('The programme has ended; no more status reports are made');
  }

  /** The id of the next report made on demand: its day and its number among those. */
  nextOnDemand(now: number): { id: string; at: string } {
    const cal = calendarOf(this.plan);
    this.state.onDemand++;
    this._version++;
    return { id: `${cal.dateOf(now)}-${this.state.onDemand}`, at: cal.normalise(now) };
  }

  reportRequest(id: string, kind: 'scheduled' | 'on-demand', at: string, by?: string): MakeReportRequest {
    return {
      programmeId: this.ids.programmeId,
      id,
      kind,
      at,
      notes: this.leadNotes(),
      // The schedule's key for the day's report (status/<date>), under this workflow's id.
      key: `${this.ids.workflowId}/status/${id}`,
      publicUrl: this.publicUrl,
      ...(by !== undefined && { by }),
    };
  }

  markReported(at: string): void {
    const cal = calendarOf(this.plan);
    if (!this.state.lastReportAt || cal.millis(at) > cal.millis(this.state.lastReportAt)) this.state.lastReportAt = at;
    this._version++;
  }

  carried(): StatusReportCarried {
    return { ...this.state, done: [...this.done] };
  }

  private task(step: Step): StatusReportTask {
    if (step.kind === 'report') return { kind: 'report', key: step.key, id: step.date, at: step.at };
    const reminder = step.kind === 'note-reminder';
    // The one reminder goes only where the request went, to leads with no note since the last report.
    const asked = !reminder || this.done.has(`note-request/${step.date}`);
    const cal = calendarOf(this.plan);
    const since = this.state.lastReportAt ? cal.millis(this.state.lastReportAt) : -Infinity;
    const subs = asked
      ? this.plan.subAnalyses.filter((s) => {
          const note = this.state.notes[s.id];
          return s.projectLeads.length > 0 && !(reminder && note && cal.millis(note.at) > since);
        })
      : [];
    return {
      kind: 'notify',
      key: step.key,
      messages: subs.map((s) => ({
        key: `${this.ids.workflowId}/${step.key}/${s.id}`,
        programmeId: this.ids.programmeId,
        subAnalysisId: s.id,
        kind: step.kind === 'note-request' ? 'status-note-request' : 'status-note-reminder',
        recipients: s.projectLeads,
        dueAt: step.at,
        ...statusNoteRequestMessage(
          {
            programmeTitle: this.plan.title,
            subAnalysisTitle: s.title,
            reportDate: step.date,
            link: `${this.publicUrl}/programmes/${encodeURIComponent(this.ids.programmeId)}/sub-analyses/${encodeURIComponent(s.id)}`,
          },
          reminder,
        ),
      })),
    };
  }
}
