/**
 * How the date notations of a programme definition turn into dates:
 * date specs ('2025-06-02', { week: 32 }, { week: 35, weekday: monday }) and
 * phase week ranges (weeks: "14-16" / "14", or from: 2026-W50, to: 2027-W02).
 *
 * These work on loosely typed input as well, because validation uses them on
 * definitions that have not passed the schema yet.
 */
import {
  IsoDate,
  IsoWeek,
  WEEKDAYS,
  Weekday,
  WorkCalendar,
  isValidIsoDate,
  isoWeekDate,
  parseWeekLabel,
  weekExists,
} from './working-days';

/** A date in a definition: an explicit date, or a week (optionally of another year) with an optional weekday. */
export type DateSpec = IsoDate | WeekDateSpec;

export interface WeekDateSpec {
  week: number;
  /** Omitted: the last working day of the week. */
  weekday?: Weekday;
  /** Extension: the ISO week-year, for dates beyond the programme's `year`. Defaults to `year`. */
  year?: number;
}

export interface WeekSpan {
  from: IsoWeek;
  to: IsoWeek;
}

/** The week a date spec refers to, or undefined for an explicit date. */
export function weekOfDateSpec(spec: DateSpec, year: number): IsoWeek | undefined {
  return typeof spec === 'string' ? undefined : { weekYear: spec.year ?? year, week: spec.week };
}

/**
 * Resolves a date spec. Assumes the week exists (validation checks that first).
 * `{ week }` is the last working day of the week; with a weekday it is that day, working or not.
 */
export function resolveDateSpec(spec: DateSpec, year: number, cal: WorkCalendar): IsoDate {
  if (typeof spec === 'string') return spec;
  const weekYear = spec.year ?? year;
  return spec.weekday ? isoWeekDate(weekYear, spec.week, spec.weekday) : cal.lastWorkingDayOfWeek(weekYear, spec.week);
}

/** Parses "12-13", "12" or 12 into week numbers, or undefined when malformed. Does not check the range. */
export function parseWeeksField(weeks: unknown): { first: number; last: number } | undefined {
  if (typeof weeks === 'number') return Number.isInteger(weeks) ? { first: weeks, last: weeks } : undefined;
  if (typeof weeks !== 'string') return undefined;
  const m = /^\s*(\d{1,2})\s*(?:[-–]\s*(\d{1,2})\s*)?$/.exec(weeks);
  if (!m) return undefined;
  const first = Number(m[1]);
  return { first, last: m[2] === undefined ? first : Number(m[2]) };
}

/** The ISO weeks a phase covers: `weeks` of `year`, or `from`/`to` week labels. Undefined when malformed. */
export function phaseWeekSpan(
  phase: { weeks?: unknown; from?: unknown; to?: unknown },
  year: number,
): WeekSpan | undefined {
  if (phase.weeks !== undefined) {
    const w = parseWeeksField(phase.weeks);
    return w && { from: { weekYear: year, week: w.first }, to: { weekYear: year, week: w.last } };
  }
  const from = typeof phase.from === 'string' ? parseWeekLabel(phase.from) : undefined;
  const to = typeof phase.to === 'string' ? parseWeekLabel(phase.to) : undefined;
  return from && to ? { from, to } : undefined;
}

/** True when both weeks of a span exist in their week-years. */
export function weekSpanExists(span: WeekSpan): boolean {
  return weekExists(span.from.weekYear, span.from.week) && weekExists(span.to.weekYear, span.to.week);
}

/** Human-readable week range for tables: '14-16', or '2026-W50–2027-W02' across years. */
export function describeWeekSpan(span: WeekSpan, year: number): string {
  const { from, to } = span;
  if (from.weekYear === year && to.weekYear === year) {
    return from.week === to.week ? String(from.week) : `${from.week}-${to.week}`;
  }
  const label = (w: IsoWeek) => `${w.weekYear}-W${String(w.week).padStart(2, '0')}`;
  return `${label(from)}–${label(to)}`;
}

/** Narrowing helper for loosely typed input. */
export function isDateSpecLike(value: unknown): value is DateSpec {
  if (isValidIsoDate(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    Number.isInteger(v.week) &&
    (v.weekday === undefined || WEEKDAYS.includes(v.weekday as Weekday)) &&
    (v.year === undefined || Number.isInteger(v.year))
  );
}
