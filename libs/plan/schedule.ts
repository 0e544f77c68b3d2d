/**
 * The event schedule of a plan: phase starts and due dates, reminders and
 * escalations, material deadlines, meeting packages, meetings and status
 * reports.
 *
 * The building blocks (phaseReminders, deliverableReminders,
 * packageDispatch, statusReportDates) are what the Temporal workflows call;
 * computeSchedule composes them over a whole programme so the API can show
 * the same events. Keys are stable and unique and serve as e-mail
 * idempotency keys.
 *
 * Rules (programme-format.md, plus the choices where it is silent):
 * - Reminders and escalations go out at `reminders.time` local time on
 *   working days only. A reminder is sent only if its instant is at or after
 *   the phase became active (activeFrom) and before completion; a phase that
 *   has not started gets no reminders or escalations.
 * - Escalations: first working day after the due date, then every
 *   `overdueEvery` working days (0 = once), until completion (exclusive) or
 *   `until` (inclusive). `overdueWorkingDays` counts working days after the
 *   due date up to and including the escalation day, so the first is 1.
 * - Material stops mattering when its meeting day begins (libs/plan/material.ts):
 *   no reminder or escalation about it after that.
 * - Where the schedule assumes a deadline is met, it still shows the first
 *   escalation that would follow if it were missed, marked `conditional`.
 * - Package dispatch: packageDate at the programme's reminders.time.
 * - Status reports: at their weekday and time; a report that falls on a
 *   non-working day moves to the next working day.
 * - Date-only events (phase-due, material-due, meeting) are all-day events
 *   whose `at` is local midnight at the start of the day.
 */
import {
  Instant,
  IsoDate,
  LocalInstant,
  WEEKDAYS,
  WorkCalendar,
  addDays,
  compareDates,
  dayNumber,
  fromDayNumber,
  isoWeekOf,
  isoWeekday,
} from './working-days';
import { eventTitle } from '../texts/events';
import { type ScheduledEventKind, isNotifying } from './event-kinds';
import { materialCutoff } from './material';
import { PlannedMeeting, PlannedPhase, PlannedSubAnalysis, ProgrammePlan, ResolvedReminders, calendarOf } from './plan';
import { autoStartAt, readySince } from './readiness';

export type { ScheduledEventKind } from './event-kinds';
export { calendarOf } from './plan';

/** Tie-break for events at the same instant: calendar items first, then what is sent. */
const KIND_ORDER: readonly ScheduledEventKind[] = [
  'meeting',
  'phase-due',
  'material-due',
  'phase-start',
  'status-report',
  'package-dispatch',
  'phase-reminder',
  'material-reminder',
  'phase-escalation',
  'material-escalation',
];

export interface ScheduledEvent {
  /** Stable and unique, e.g. 'sbv/phase/2A/reminder/2025-04-09'; the e-mail idempotency key. */
  key: string;
  kind: ScheduledEventKind;
  /** ISO 8601 with the programme zone's offset. */
  at: Instant;
  /** Local date of `at`. */
  date: IsoDate;
  /** ISO week number of `date`. */
  week: number;
  subAnalysis?: string;
  phase?: string;
  meeting?: string;
  /** E-mail addresses, sorted and unique. */
  recipients: string[];
  /** For reminders and escalations: the deadline they are about. */
  due?: IsoDate;
  /** Escalations: working days overdue on the escalation day (1 on the first). */
  overdueWorkingDays?: number;
  /** Reminders: working days before the deadline (0 on the due day). */
  daysBefore?: number;
  /** Danish, for people. */
  title: string;
  /** A date-only calendar item; `at` is local midnight. */
  allDay: boolean;
  /** Whether a workflow sends an e-mail for it (see event-kinds.ts). */
  notify: boolean;
  /** An escalation that follows only if the deadline is missed, which the schedule assumes it is not. */
  conditional?: boolean;
}

const recipientsOf = (...groups: (readonly string[] | string | undefined)[]): string[] =>
  [...new Set(groups.flatMap((g) => (g === undefined ? [] : typeof g === 'string' ? [g] : g)))].sort();

function findSub(plan: ProgrammePlan, sid: string): PlannedSubAnalysis {
  const sub = plan.subAnalyses.find((s) => s.id === sid);
  if (!sub) throw new RangeError(`Unknown sub-analysis '${sid}'`);
  return sub;
}

function findPhase(sub: PlannedSubAnalysis, code: string): PlannedPhase {
  const phase = sub.phases.find((p) => p.code === code);
  if (!phase) throw new RangeError(`Unknown phase '${code}' in sub-analysis '${sub.id}'`);
  return phase;
}

function findMeeting(plan: ProgrammePlan, meetingId: string): PlannedMeeting {
  const meeting = plan.meetings.find((m) => m.id === meetingId);
  if (!meeting) throw new RangeError(`Unknown meeting '${meetingId}'`);
  return meeting;
}

type EventFields = Omit<ScheduledEvent, 'at' | 'date' | 'week' | 'allDay' | 'notify'>;

/** Milliseconds of each event's instant, for sorting without parsing. */
const eventMillis = new WeakMap<ScheduledEvent, number>();

function makeEvent(fields: EventFields, instant: LocalInstant, allDay: boolean): ScheduledEvent {
  const event: ScheduledEvent = {
    ...fields,
    at: instant.iso,
    date: instant.date,
    week: isoWeekOf(instant.date).week,
    allDay,
    notify: isNotifying(fields.kind),
  };
  eventMillis.set(event, instant.ms);
  return event;
}

/** An event at a local time of day on a date. */
function eventAt(cal: WorkCalendar, date: IsoDate, time: string, fields: EventFields): ScheduledEvent {
  return makeEvent(fields, cal.localInstant(date, time), false);
}

/** An all-day event; `at` is local midnight. */
function eventOn(cal: WorkCalendar, date: IsoDate, fields: EventFields): ScheduledEvent {
  return makeEvent(fields, cal.localInstant(date, '00:00'), true);
}

/** An event at an arbitrary instant. */
function eventAtMillis(cal: WorkCalendar, ms: number, fields: EventFields): ScheduledEvent {
  return makeEvent(fields, { iso: cal.normalise(ms), ms, date: cal.dateOf(ms) }, false);
}

interface Audience {
  leads: string[];
  leadsAndOwner: string[];
  /** Leads, owner and secretariat. */
  escalation: string[];
}

const audiences = new WeakMap<PlannedSubAnalysis, Audience>();

function audienceOf(plan: ProgrammePlan, sub: PlannedSubAnalysis): Audience {
  let audience = audiences.get(sub);
  if (!audience) {
    audience = {
      leads: recipientsOf(sub.projectLeads),
      leadsAndOwner: recipientsOf(sub.projectLeads, sub.projectOwner),
      escalation: recipientsOf(sub.projectLeads, sub.projectOwner, plan.secretariat),
    };
    audiences.set(sub, audience);
  }
  return audience;
}

// ---------------------------------------------------------------------------
// Reminders and escalations against one deadline

interface DeadlineSpec {
  due: IsoDate;
  reminders: ResolvedReminders;
  /** Events before this instant are not sent. */
  activeFromMs: number;
  /** Completion or approval: events at or after this instant are not sent. */
  endMs: number;
  /** Whether endMs is assumed rather than known: then the first escalation is shown as conditional. */
  endAssumed?: boolean;
  /** Nothing about the deadline is sent at or after this instant, whatever happens (material cutoff). */
  stopMs?: number;
  /** Last date (inclusive) to produce events for. */
  until: IsoDate;
  keyPrefix: string;
  kinds: { reminder: ScheduledEventKind; escalation: ScheduledEventKind };
  remindTo: string[];
  escalateTo: string[];
  tags: Pick<ScheduledEvent, 'subAnalysis' | 'phase' | 'meeting'>;
  reminderTitle: (daysBefore: number) => string;
  escalationTitle: (overdueWorkingDays: number) => string;
}

/** When events about a deadline may be sent. */
interface DeadlineWindow {
  activeFromMs: number;
  endMs: number;
  endAssumed?: boolean;
  until: IsoDate;
}

function deadlineEvents(cal: WorkCalendar, spec: DeadlineSpec): ScheduledEvent[] {
  const { due, reminders: rem, until } = spec;
  const events: ScheduledEvent[] = [];
  const stopMs = Math.min(spec.endMs, spec.stopMs ?? Infinity);
  const inWindow = (date: IsoDate, endMs: number): boolean => {
    if (compareDates(date, until) > 0) return false;
    const ms = cal.atMillis(date, rem.time);
    return ms >= spec.activeFromMs && ms < endMs;
  };
  const sendable = (date: IsoDate) => inWindow(date, stopMs);

  const reminderDays = rem.beforeDue.map((n) => ({ date: cal.addWorkingDays(due, -n), daysBefore: n }));
  if (rem.onDueDay && cal.isWorkingDay(due)) reminderDays.push({ date: due, daysBefore: 0 });
  for (const { date, daysBefore } of reminderDays) {
    if (!sendable(date)) continue;
    events.push(
      eventAt(cal, date, rem.time, {
        key: `${spec.keyPrefix}/reminder/${date}`,
        kind: spec.kinds.reminder,
        ...spec.tags,
        recipients: spec.remindTo,
        due,
        daysBefore,
        title: spec.reminderTitle(daysBefore),
      }),
    );
  }

  let date = cal.nextWorkingDayAfter(due);
  let overdue = 1;
  const escalation = (on: IsoDate, overdueWorkingDays: number, conditional: boolean): ScheduledEvent => {
    const event = eventAt(cal, on, rem.time, {
      key: `${spec.keyPrefix}/escalation/${on}`,
      kind: spec.kinds.escalation,
      ...spec.tags,
      recipients: spec.escalateTo,
      due,
      overdueWorkingDays,
      title: spec.escalationTitle(overdueWorkingDays),
    });
    if (conditional) event.conditional = true;
    return event;
  };
  if (spec.endAssumed && !sendable(date) && inWindow(date, spec.stopMs ?? Infinity)) {
    events.push(escalation(date, overdue, true));
    return events;
  }
  while (compareDates(date, until) <= 0 && cal.atMillis(date, rem.time) < stopMs) {
    if (sendable(date)) events.push(escalation(date, overdue, false));
    if (rem.overdueEvery === 0) break;
    date = cal.addWorkingDays(date, rem.overdueEvery);
    overdue += rem.overdueEvery;
  }
  return events;
}

function phaseDeadline(
  cal: WorkCalendar,
  plan: ProgrammePlan,
  sub: PlannedSubAnalysis,
  phase: PlannedPhase,
  window: DeadlineWindow,
): ScheduledEvent[] {
  const week = isoWeekOf(phase.due).week;
  const audience = audienceOf(plan, sub);
  return deadlineEvents(cal, {
    due: phase.due,
    reminders: sub.reminders,
    ...window,
    keyPrefix: `${sub.id}/phase/${phase.code}`,
    kinds: { reminder: 'phase-reminder', escalation: 'phase-escalation' },
    remindTo: audience.leads,
    escalateTo: audience.escalation,
    tags: { subAnalysis: sub.id, phase: phase.code },
    reminderTitle: (n) => eventTitle.phaseReminder(phase.code, n, week, sub.title),
    escalationTitle: (n) => eventTitle.phaseEscalation(phase.code, n, phase.due, sub.title),
  });
}

function materialDeadline(
  cal: WorkCalendar,
  plan: ProgrammePlan,
  sub: PlannedSubAnalysis,
  meeting: PlannedMeeting,
  window: DeadlineWindow,
): ScheduledEvent[] {
  const week = isoWeekOf(meeting.materialDue).week;
  const audience = audienceOf(plan, sub);
  return deadlineEvents(cal, {
    due: meeting.materialDue,
    reminders: sub.reminders,
    ...window,
    stopMs: materialCutoff(plan, meeting.id),
    keyPrefix: `${sub.id}/material/${meeting.id}`,
    kinds: { reminder: 'material-reminder', escalation: 'material-escalation' },
    remindTo: audience.leads,
    escalateTo: audience.escalation,
    tags: { subAnalysis: sub.id, meeting: meeting.id },
    reminderTitle: (n) => eventTitle.materialReminder(meeting.title, n, week, sub.title),
    escalationTitle: (n) => eventTitle.materialEscalation(meeting.title, n, meeting.materialDue, sub.title),
  });
}

/**
 * Reminder lists already computed, by plan and by what was asked. A workflow asks for the
 * same lists at every wake-up, and one list walks the calendar up to a year past its due
 * date (a rehearsal spent most of its workflow time there). The lists are pure functions
 * of their arguments, so a workflow's commands are the same with or without the memo.
 */
const reminderMemo = new WeakMap<ProgrammePlan, Map<string, ScheduledEvent[]>>();

function memoised(plan: ProgrammePlan, key: string, compute: () => ScheduledEvent[]): ScheduledEvent[] {
  let lists = reminderMemo.get(plan);
  if (!lists) reminderMemo.set(plan, (lists = new Map()));
  let list = lists.get(key);
  if (!list) lists.set(key, (list = compute()));
  // A copy: callers may sort or add to what they get.
  return list.slice();
}

/**
 * Reminders and escalations for one phase, as its workflow sends them.
 * activeFrom: when the phase became active (its actual start); completedAt: when it was completed, if it was.
 */
export function phaseReminders(
  plan: ProgrammePlan,
  sid: string,
  code: string,
  opts: { activeFrom: Instant; completedAt?: Instant; until: IsoDate },
): ScheduledEvent[] {
  const key = `phase|${sid}|${code}|${opts.activeFrom}|${opts.completedAt ?? ''}|${opts.until}`;
  return memoised(plan, key, () => {
    const cal = calendarOf(plan);
    const sub = findSub(plan, sid);
    return phaseDeadline(cal, plan, sub, findPhase(sub, code), {
      activeFromMs: cal.millis(opts.activeFrom),
      endMs: opts.completedAt !== undefined ? cal.millis(opts.completedAt) : Infinity,
      until: opts.until,
    });
  });
}

/**
 * Reminders and escalations for one sub-analysis' material for a meeting.
 * Escalations stop when the material is approved. activeFrom (optional) is
 * when the programme started: nothing before it is sent.
 */
export function deliverableReminders(
  plan: ProgrammePlan,
  meetingId: string,
  sid: string,
  opts: { approvedAt?: Instant; until: IsoDate; activeFrom?: Instant },
): ScheduledEvent[] {
  const cal = calendarOf(plan);
  const sub = findSub(plan, sid);
  if (!sub.deliverables.some((d) => d.meeting === meetingId)) {
    throw new RangeError(`Sub-analysis '${sid}' has no deliverable for meeting '${meetingId}'`);
  }
  const key = `material|${sid}|${meetingId}|${opts.activeFrom ?? ''}|${opts.approvedAt ?? ''}|${opts.until}`;
  return memoised(plan, key, () =>
    materialDeadline(cal, plan, sub, findMeeting(plan, meetingId), {
      activeFromMs: opts.activeFrom !== undefined ? cal.millis(opts.activeFrom) : -Infinity,
      endMs: opts.approvedAt !== undefined ? cal.millis(opts.approvedAt) : Infinity,
      until: opts.until,
    }),
  );
}

/** The package dispatch of a meeting: packageDate at the programme's reminder time, to committee and secretariat. */
export function packageDispatch(plan: ProgrammePlan, meetingId: string): ScheduledEvent {
  const cal = calendarOf(plan);
  const meeting = findMeeting(plan, meetingId);
  return eventAt(cal, meeting.packageDate, plan.reminders.time, {
    key: `meeting/${meeting.id}/package`,
    kind: 'package-dispatch',
    meeting: meeting.id,
    recipients: recipientsOf(plan.committee, plan.secretariat),
    title: eventTitle.packageDispatch(meeting.title, meeting.date),
  });
}

/**
 * Dates of the status reports: at the cadence, from the first planned phase
 * start through the last meeting (or the plan's end without meetings).
 * 'month' is the first such weekday of each month. Non-working days move to
 * the next working day.
 */
export function statusReportDates(plan: ProgrammePlan): IsoDate[] {
  const settings = plan.statusReports;
  if (!settings) return [];
  const cal = calendarOf(plan);
  const first = plan.starts;
  const last = plan.meetings.length > 0 ? plan.meetings[plan.meetings.length - 1].date : plan.ends;
  const weekday = WEEKDAYS.indexOf(settings.weekday) + 1;
  const onOrAfter = (date: IsoDate): number => {
    const n = dayNumber(date);
    return n + ((weekday - isoWeekday(date) + 7) % 7);
  };

  const nominal: number[] = [];
  if (settings.every === 'month') {
    const [y0, m0] = first.split('-').map(Number);
    for (let i = 0; ; i++) {
      const y = y0 + Math.floor((m0 - 1 + i) / 12);
      const m = ((m0 - 1 + i) % 12) + 1;
      const n = onOrAfter(`${y}-${String(m).padStart(2, '0')}-01`);
      if (n > dayNumber(last)) break;
      if (n >= dayNumber(first)) nominal.push(n);
    }
  } else {
    const step = settings.every === 'week' ? 7 : 14;
    for (let n = onOrAfter(first); n <= dayNumber(last); n += step) nominal.push(n);
  }
  const dates = nominal.map((n) => cal.workingDayOnOrAfter(fromDayNumber(n))).filter((d) => compareDates(d, last) <= 0);
  return [...new Set(dates)];
}

/** The status reports as events, each at its instant: the status-report workflow's timers. */
export function statusReportEvents(plan: ProgrammePlan): ScheduledEvent[] {
  const settings = plan.statusReports;
  if (!settings) return [];
  const cal = calendarOf(plan);
  return statusReportDates(plan).map((date) => statusReportEvent(cal, plan, date, settings.time));
}

/** Working days before a status report on which the leads are asked for their note. */
export const STATUS_NOTE_REQUEST_WORKING_DAYS = 2;

/**
 * When the leads are asked for their status note before a report (two working days
 * before its day) and reminded once (the working day before), at the reminders' time.
 */
export function statusNoteRequestTimes(
  plan: ProgrammePlan,
  reportDate: IsoDate,
): { request: Instant; reminder: Instant } {
  const cal = calendarOf(plan);
  const at = (n: number) => cal.localInstant(cal.addWorkingDays(reportDate, -n), plan.reminders.time).iso;
  return { request: at(STATUS_NOTE_REQUEST_WORKING_DAYS), reminder: at(STATUS_NOTE_REQUEST_WORKING_DAYS - 1) };
}

function statusReportEvent(cal: WorkCalendar, plan: ProgrammePlan, date: IsoDate, time: string): ScheduledEvent {
  return eventAt(cal, date, time, {
    key: `status/${date}`,
    kind: 'status-report',
    recipients: recipientsOf(plan.steeringGroup, plan.secretariat),
    title: eventTitle.statusReport(plan.title, isoWeekOf(date).week),
  });
}

/** Working days overdue at an instant: working days after the due date up to and including the instant's local date. */
export function workingDaysOverdue(plan: ProgrammePlan, dueDate: IsoDate, atInstant: Instant): number {
  const cal = calendarOf(plan);
  return cal.workingDaysBetween(dueDate, cal.dateOf(atInstant));
}

// ---------------------------------------------------------------------------
// The whole schedule

/**
 * What has happened in a running programme. Keys: 'sid/code' for phases and
 * gates (the gate of that phase), 'meetingId/sid' for deliverables. Values
 * are instants.
 */
export interface ScheduleProgress {
  phaseStarted?: Record<string, Instant>;
  phaseCompleted?: Record<string, Instant>;
  gateOpened?: Record<string, Instant>;
  deliverableApproved?: Record<string, Instant>;
  /** Last date (inclusive) of the schedule; default the plan's end. */
  until?: IsoDate;
  /** When the programme was started: reminders, escalations, packages and status reports before it are not sent. */
  startedAt?: Instant;
  /**
   * How to treat what the progress does not record. false (the default when
   * progress is given): it has not happened, so unfinished phases keep
   * escalating through `until`, unopened gates keep their phases waiting.
   * true (the default without progress): it happens on time, see computeSchedule.
   */
  assumeOnTime?: boolean;
}

interface PhaseTimes {
  startMs?: number;
  completeMs?: number;
  /** The completion is the on-time assumption, not a recorded fact. */
  completeAssumed?: boolean;
}

/**
 * Every event of a programme in time order.
 *
 * Without progress this is the preview of a programme that runs to plan:
 * every phase completes at the end of its due day, every gate opens on its
 * meeting's date at the programme's reminder time, all material is approved
 * at the end of its due day. It shows every reminder that will go out and no
 * escalations, which would only follow from lateness.
 *
 * With progress it is what the workflows send given those facts. A phase
 * starts at its recorded start, else when it is ready: at the latest of its
 * planned start, the completion of every phase in `after`, its gate opening
 * and the programme start.
 */
export function computeSchedule(plan: ProgrammePlan, progress?: ScheduleProgress): ScheduledEvent[] {
  const cal = calendarOf(plan);
  const facts = progress ?? {};
  const onTime = progress === undefined || progress.assumeOnTime === true;
  const until = facts.until ?? plan.ends;
  const startedMs = facts.startedAt !== undefined ? cal.millis(facts.startedAt) : -Infinity;
  const instant = (value: Instant | undefined): number | undefined =>
    value === undefined ? undefined : cal.millis(value);
  const meetingById = new Map(plan.meetings.map((m) => [m.id, m]));
  const events: ScheduledEvent[] = [];

  for (const sub of plan.subAnalyses) {
    const times = phaseTimes(sub, (phase) => {
      const key = `${sub.id}/${phase.code}`;
      const gate = phase.gate && meetingById.get(phase.gate.meeting);
      const assumedGate = gate && onTime ? cal.atMillis(gate.date, plan.reminders.time) : undefined;
      return {
        started: instant(facts.phaseStarted?.[key]),
        completed: instant(facts.phaseCompleted?.[key]),
        gateOpened: phase.gate ? (instant(facts.gateOpened?.[key]) ?? assumedGate) : -Infinity,
      };
    });
    const audience = audienceOf(plan, sub);

    for (const phase of sub.phases) {
      const tags = { subAnalysis: sub.id, phase: phase.code };
      events.push(
        eventOn(cal, phase.due, {
          key: `${sub.id}/phase/${phase.code}/due`,
          kind: 'phase-due',
          ...tags,
          recipients: audience.leads,
          title: eventTitle.phaseDue(phase.code, phase.title, sub.title),
        }),
      );
      const { startMs, completeMs, completeAssumed } = times.get(phase.code)!;
      if (startMs === undefined) continue;
      events.push(
        eventAtMillis(cal, startMs, {
          key: `${sub.id}/phase/${phase.code}/start`,
          kind: 'phase-start',
          ...tags,
          recipients: audience.leadsAndOwner,
          title: eventTitle.phaseStart(phase.code, phase.title, sub.title),
        }),
      );
      events.push(
        ...phaseDeadline(cal, plan, sub, phase, {
          activeFromMs: Math.max(startMs, startedMs),
          endMs: completeMs ?? Infinity,
          endAssumed: completeAssumed,
          until,
        }),
      );
    }

    for (const deliverable of sub.deliverables) {
      const meeting = meetingById.get(deliverable.meeting);
      if (!meeting) continue;
      events.push(
        eventOn(cal, meeting.materialDue, {
          key: `${sub.id}/material/${meeting.id}/due`,
          kind: 'material-due',
          subAnalysis: sub.id,
          meeting: meeting.id,
          recipients: audience.leads,
          title: eventTitle.materialDue(meeting.title, deliverable.title, sub.title),
        }),
      );
      const approved = instant(facts.deliverableApproved?.[`${meeting.id}/${sub.id}`]);
      const assumedApproval = onTime ? cal.atMillis(addDays(meeting.materialDue, 1), '00:00') : Infinity;
      events.push(
        ...materialDeadline(cal, plan, sub, meeting, {
          activeFromMs: startedMs,
          endMs: approved ?? assumedApproval,
          endAssumed: approved === undefined && onTime,
          until,
        }),
      );
    }
  }

  for (const meeting of plan.meetings) {
    const dispatch = packageDispatch(plan, meeting.id);
    if (cal.millis(dispatch.at) >= startedMs) events.push(dispatch);
    events.push(
      eventOn(cal, meeting.date, {
        key: `meeting/${meeting.id}`,
        kind: 'meeting',
        meeting: meeting.id,
        recipients: recipientsOf(plan.committee, plan.secretariat),
        title: eventTitle.meeting(meeting.title),
      }),
    );
  }

  if (plan.statusReports) {
    for (const date of statusReportDates(plan)) {
      const report = statusReportEvent(cal, plan, date, plan.statusReports.time);
      if (cal.millis(report.at) >= startedMs) events.push(report);
    }
  }

  return sortEvents(events.filter((e) => compareDates(e.date, until) <= 0));

  /** Start and completion of every phase of a sub-analysis, following 'after' chains. */
  function phaseTimes(
    sub: PlannedSubAnalysis,
    factsOf: (phase: PlannedPhase) => { started?: number; completed?: number; gateOpened?: number },
  ): Map<string, PhaseTimes> {
    const times = new Map<string, PhaseTimes>();
    const byCode = new Map(sub.phases.map((p) => [p.code, p]));
    const visiting = new Set<string>();
    const resolve = (code: string): PhaseTimes => {
      const known = times.get(code);
      if (known) return known;
      const phase = byCode.get(code);
      if (!phase || visiting.has(code)) return {}; // unknown or cyclic: never ready
      visiting.add(code);
      const f = factsOf(phase);
      const ready = readySince(phase, (code) =>
        code === phase.code ? { gateOpenedAt: f.gateOpened } : { completedAt: resolve(code).completeMs },
      );
      // The programme's start is one more condition: nothing starts before its workflows run.
      const readyMs =
        ready === undefined
          ? undefined
          : autoStartAt(cal.atMillis(phase.plannedStart, '00:00'), Math.max(ready, startedMs));
      // A completed phase has started, even if the start was not recorded.
      const startMs =
        f.started ?? (f.completed !== undefined ? Math.min(readyMs ?? f.completed, f.completed) : readyMs);
      const completeAssumed = f.completed === undefined && onTime && startMs !== undefined;
      const completeMs =
        f.completed ?? (completeAssumed ? Math.max(startMs!, cal.atMillis(addDays(phase.due, 1), '00:00')) : undefined);
      const result = { startMs, completeMs, completeAssumed };
      times.set(code, result);
      return result;
    };
    for (const phase of sub.phases) resolve(phase.code);
    return times;
  }
}

/** Sorts in time order; ties: calendar items first, then by kind and key. */
export function sortEvents(events: ScheduledEvent[]): ScheduledEvent[] {
  const ms = (e: ScheduledEvent) => eventMillis.get(e) ?? Date.parse(e.at);
  return events.sort(
    (a, b) =>
      ms(a) - ms(b) ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}
