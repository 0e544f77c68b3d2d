/**
 * computePlan: a checked definition → the dated plan (phases, deliverables,
 * meetings, people by e-mail). Pure and deterministic; the plan is plain JSON
 * data, so workflows can receive it as an argument.
 */
import {
  HolidaySet,
  Instant,
  IsoDate,
  WorkCalendar,
  addDays,
  compareDates,
  isoWeekOf,
  weekLabel,
} from './working-days';
import { describeWeekSpan, phaseWeekSpan, resolveDateSpec } from './dates';
import type { ProgrammeDefinition, ReminderSettings, StatusReportSettings, SubAnalysisDefinition } from './definition';

/** Reminder settings after a sub-analysis' overrides are applied; beforeDue sorted descending, unique. */
export interface ResolvedReminders {
  beforeDue: number[];
  onDueDay: boolean;
  overdueEvery: number;
  time: string;
}

export interface PlannedPhase {
  code: string;
  title: string;
  description?: string;
  after: string[];
  gate?: { meeting: string };
  /** The weeks as written: '14-16', '23', or '2026-W50–2027-W02'. */
  weeks: string;
  /** First working day of the first week. */
  plannedStart: IsoDate;
  /** Last working day of the last week. */
  due: IsoDate;
  /** ISO week labels of the first and last week, e.g. '2025-W12'. */
  startWeek: string;
  dueWeek: string;
  /** Local midnight at the start of the planned start day. */
  plannedStartAt: Instant;
  /** Local midnight after the due day: from here on the phase is overdue. */
  overdueFrom: Instant;
}

export interface PlannedDeliverable {
  meeting: string;
  title: string;
  materialDue: IsoDate;
  /** Codes of the phases whose work the material is (see producingPhases). */
  producedBy: string[];
}

export interface PlannedSubAnalysis {
  id: string;
  title: string;
  track?: number;
  drivingDepartment?: string;
  departments: string[];
  phases: PlannedPhase[];
  deliverables: PlannedDeliverable[];
  /** E-mail addresses in lower case. */
  projectLeads: string[];
  projectOwner?: string;
  reminders: ResolvedReminders;
}

export interface PlannedMeeting {
  id: string;
  title: string;
  date: IsoDate;
  materialDue: IsoDate;
  /** packageLeadDays working days before the meeting. */
  packageDate: IsoDate;
  /** ISO week number of the meeting date. */
  week: number;
  /** Start, local time, when the definition gives one. */
  time?: string;
  /** Minutes, when the definition gives a duration. */
  durationMinutes?: number;
  place?: string;
}

export interface ProgrammePlan {
  programmeId: string;
  title: string;
  year: number;
  timezone: string;
  holidays: HolidaySet;
  closedDays: IsoDate[];
  packageLeadDays: number;
  /** Programme-wide reminder settings; also the time of day for package dispatch and gate assumptions. */
  reminders: ResolvedReminders;
  statusReports?: StatusReportSettings;
  subAnalyses: PlannedSubAnalysis[];
  /** Sorted by date. */
  meetings: PlannedMeeting[];
  /** E-mail addresses in lower case, sorted and unique. */
  secretariat: string[];
  steeringGroup: string[];
  committee: string[];
  /** E-mail (lower case) → name of everyone in the definition. */
  people: Record<string, string>;
  /** Earliest planned phase start. */
  starts: IsoDate;
  /** Latest of the last phase due date and the last meeting. */
  ends: IsoDate;
}

export function calendarOfDefinition(
  def: Pick<ProgrammeDefinition, 'timezone' | 'holidays' | 'closedDays'>,
): WorkCalendar {
  return new WorkCalendar({ timezone: def.timezone, holidays: def.holidays, closedDays: def.closedDays });
}

const calendars = new WeakMap<ProgrammePlan, WorkCalendar>();

/** The working calendar of a plan (cached per plan object). */
export function calendarOf(plan: ProgrammePlan): WorkCalendar {
  let cal = calendars.get(plan);
  if (!cal) {
    cal = new WorkCalendar({ timezone: plan.timezone, holidays: plan.holidays, closedDays: plan.closedDays });
    calendars.set(plan, cal);
  }
  return cal;
}

export function resolveReminders(base: ReminderSettings, override?: Partial<ReminderSettings>): ResolvedReminders {
  const merged = { ...base, ...stripUndefined(override ?? {}) };
  return {
    beforeDue: [...new Set(merged.beforeDue)].sort((a, b) => b - a),
    onDueDay: merged.onDueDay,
    overdueEvery: merged.overdueEvery,
    time: merged.time,
  };
}

/** '1h30m' → 90. */
export function durationMinutes(duration: string): number {
  const hours = /(\d+)h/.exec(duration)?.[1];
  const minutes = /(\d+)m/.exec(duration)?.[1];
  return Number(hours ?? 0) * 60 + Number(minutes ?? 0);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The phases whose work a deliverable for a meeting is, when the definition
 * does not say (`producedBy`): the phases that a phase gated on the meeting
 * waits for, transitively; if no phase waits for the meeting, every phase.
 */
export function producingPhases(sub: SubAnalysisDefinition, meetingId: string, producedBy?: string): string[] {
  if (producedBy !== undefined) return [producedBy];
  const gated = sub.phases.filter((p) => p.gate?.meeting === meetingId);
  if (gated.length === 0) return sub.phases.map((p) => p.code);
  const byCode = new Map(sub.phases.map((p) => [p.code, p]));
  const found = new Set<string>();
  const visit = (codes: readonly string[]) => {
    for (const code of codes) {
      if (found.has(code) || !byCode.has(code)) continue;
      found.add(code);
      visit(byCode.get(code)!.after);
    }
  };
  for (const g of gated) visit(g.after);
  // Keep definition order, and never count a phase that itself waits for the meeting.
  return sub.phases.filter((p) => found.has(p.code) && p.gate?.meeting !== meetingId).map((p) => p.code);
}

const uniqueSorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

export function computePlan(def: ProgrammeDefinition): ProgrammePlan {
  const cal = calendarOfDefinition(def);
  // Lower-case: people are matched by e-mail case-insensitively, and recipients must not repeat.
  const emailOf = (key: string): string | undefined => def.people[key]?.email.toLowerCase();
  const emails = (keys: readonly string[]): string[] =>
    uniqueSorted(keys.map(emailOf).filter((e): e is string => e !== undefined));

  const meetings: PlannedMeeting[] = def.committee.meetings
    .map((m) => {
      const date = resolveDateSpec(m.date, def.year, cal);
      return {
        id: m.id,
        title: m.title,
        date,
        materialDue: resolveDateSpec(m.materialDue, def.year, cal),
        packageDate: cal.addWorkingDays(date, -def.committee.packageLeadDays),
        week: isoWeekOf(date).week,
        ...(m.time !== undefined ? { time: m.time } : {}),
        ...(m.duration !== undefined ? { durationMinutes: durationMinutes(m.duration) } : {}),
        ...(m.place !== undefined ? { place: m.place } : {}),
      };
    })
    .sort((a, b) => compareDates(a.date, b.date));
  const meetingById = new Map(meetings.map((m) => [m.id, m]));

  const subAnalyses = def.subAnalyses.map((sub): PlannedSubAnalysis => {
    const phases = sub.phases.map((p): PlannedPhase => {
      const span = phaseWeekSpan(p, def.year);
      if (!span) throw new RangeError(`Phase ${sub.id}/${p.code} has no valid weeks`);
      const plannedStart = cal.firstWorkingDayOfWeek(span.from.weekYear, span.from.week);
      const due = cal.lastWorkingDayOfWeek(span.to.weekYear, span.to.week);
      return {
        code: p.code,
        title: p.title,
        ...(p.description !== undefined && { description: p.description }),
        after: [...p.after],
        ...(p.gate && { gate: { meeting: p.gate.meeting } }),
        weeks: describeWeekSpan(span, def.year),
        plannedStart,
        due,
        startWeek: weekLabel(span.from),
        dueWeek: weekLabel(span.to),
        plannedStartAt: cal.startOfDay(plannedStart),
        overdueFrom: cal.startOfDay(addDays(due, 1)),
      };
    });
    const deliverables = sub.deliverables.map((d): PlannedDeliverable => ({
      meeting: d.meeting,
      title: d.title,
      materialDue: meetingById.get(d.meeting)?.materialDue ?? '',
      producedBy: producingPhases(sub, d.meeting, d.producedBy),
    }));
    const owner = sub.projectOwner !== undefined ? emailOf(sub.projectOwner) : undefined;
    return {
      id: sub.id,
      title: sub.title,
      ...(sub.track !== undefined && { track: sub.track }),
      ...(sub.drivingDepartment !== undefined && { drivingDepartment: sub.drivingDepartment }),
      departments: [...sub.departments],
      phases,
      deliverables,
      projectLeads: emails(sub.projectLeads),
      ...(owner !== undefined && { projectOwner: owner }),
      reminders: resolveReminders(def.reminders, sub.reminders),
    };
  });

  const phaseDates = subAnalyses.flatMap((s) => s.phases);
  const starts = minDate(phaseDates.map((p) => p.plannedStart));
  const ends = maxDate([...phaseDates.map((p) => p.due), ...meetings.map((m) => m.date)]);

  return {
    programmeId: def.id,
    title: def.title,
    year: def.year,
    timezone: def.timezone,
    holidays: def.holidays,
    closedDays: [...def.closedDays].sort(),
    packageLeadDays: def.committee.packageLeadDays,
    reminders: resolveReminders(def.reminders),
    ...(def.steeringGroup.statusReports && { statusReports: { ...def.steeringGroup.statusReports } }),
    subAnalyses,
    meetings,
    secretariat: emails(def.secretariat),
    steeringGroup: emails(def.steeringGroup.members),
    committee: emails(def.committee.members),
    people: Object.fromEntries(Object.values(def.people).map((p) => [p.email.toLowerCase(), p.name])),
    starts,
    ends,
  };
}

function minDate(dates: readonly IsoDate[]): IsoDate {
  return dates.reduce((a, b) => (compareDates(a, b) <= 0 ? a : b));
}

function maxDate(dates: readonly IsoDate[]): IsoDate {
  return dates.reduce((a, b) => (compareDates(a, b) >= 0 ? a : b));
}
