/**
 * Calendar arithmetic for programme plans: ISO weeks, Danish public holidays,
 * working days and local instants.
 *
 * Dates are 'YYYY-MM-DD' strings. Internally they are handled as day numbers
 * (days since 1970-01-01) because the schedule does a lot of day stepping and
 * string/luxon round trips would be slow. Only conversions to and from
 * instants go through luxon, since they need the IANA time-zone rules.
 *
 * Everything here is deterministic (no clock, no randomness, no I/O) so it can
 * run inside a Temporal workflow.
 */
import { gregorianEaster } from 'date-easter';
import { DateTime, IANAZone } from 'luxon';

/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;
/** An ISO 8601 instant with offset, e.g. '2025-04-09T09:00:00+02:00'. */
export type Instant = string;

/** Weekday names in ISO order: index 0 is Monday (ISO weekday 1). */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

export type Weekday = (typeof WEEKDAYS)[number];

export interface IsoWeek {
  weekYear: number;
  week: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEK_LABEL = /^(\d{4})-W(\d{1,2})$/;

// ---------------------------------------------------------------------------
// Day numbers

/** Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(n: number): { year: number; month: number; day: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function dayNumber(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
  return daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function fromDayNumber(n: number): IsoDate {
  const { year, month, day } = civilFromDays(n);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** True for a well-formed 'YYYY-MM-DD' string naming a real calendar day. */
export function isValidIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  return fromDayNumber(daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]))) === value;
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(dayNumber(date) + n);
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday. */
function weekdayOfDay(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

export function isoWeekday(date: IsoDate): number {
  return weekdayOfDay(dayNumber(date));
}

export function weekdayName(date: IsoDate): Weekday {
  return WEEKDAYS[isoWeekday(date) - 1];
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0; // 'YYYY-MM-DD' sorts lexically
}

// ---------------------------------------------------------------------------
// ISO weeks

/** Day number of the Monday of ISO week 1: the week holding 4 January. */
function week1Monday(weekYear: number): number {
  const jan4 = daysFromCivil(weekYear, 1, 4);
  return jan4 - (weekdayOfDay(jan4) - 1);
}

/** 52 or 53. */
export function weeksInYear(weekYear: number): number {
  return (week1Monday(weekYear + 1) - week1Monday(weekYear)) / 7;
}

function weekDayNumber(weekYear: number, week: number, isoWeekdayNumber: number): number {
  return week1Monday(weekYear) + (week - 1) * 7 + (isoWeekdayNumber - 1);
}

/** The date of a weekday (1 = Monday … 7 = Sunday, or a name) in an ISO week. */
export function isoWeekDate(weekYear: number, week: number, weekday: number | Weekday = 1): IsoDate {
  const wd = typeof weekday === 'number' ? weekday : WEEKDAYS.indexOf(weekday) + 1;
  return fromDayNumber(weekDayNumber(weekYear, week, wd));
}

function isoWeekOfDay(n: number): IsoWeek {
  const year = civilFromDays(n).year;
  if (n >= week1Monday(year + 1)) return { weekYear: year + 1, week: 1 };
  const start = week1Monday(year);
  if (n < start) return { weekYear: year - 1, week: Math.floor((n - week1Monday(year - 1)) / 7) + 1 };
  return { weekYear: year, week: Math.floor((n - start) / 7) + 1 };
}

export function isoWeekOf(date: IsoDate): IsoWeek {
  return isoWeekOfDay(dayNumber(date));
}

export function weekExists(weekYear: number, week: number): boolean {
  return Number.isInteger(week) && week >= 1 && week <= weeksInYear(weekYear);
}

/** '2025-W07' style label. */
export function weekLabel(w: IsoWeek): string {
  return `${w.weekYear}-W${pad2(w.week)}`;
}

/** Parses '2026-W50' (or '2026-W5'); undefined when malformed. Does not check that the week exists. */
export function parseWeekLabel(label: string): IsoWeek | undefined {
  const m = WEEK_LABEL.exec(label);
  return m ? { weekYear: Number(m[1]), week: Number(m[2]) } : undefined;
}

export function compareWeeks(a: IsoWeek, b: IsoWeek): number {
  return a.weekYear !== b.weekYear ? a.weekYear - b.weekYear : a.week - b.week;
}

// ---------------------------------------------------------------------------
// Danish public holidays

export interface Holiday {
  date: IsoDate;
  name: string;
}

/**
 * The holidays the programme format counts: fixed dates, and days counted from Easter
 * Sunday. Easter itself comes from date-easter. (date-holidays, which the tests check
 * this against, would pull moment and every locale into each workflow's sandbox.)
 */
const FIXED_HOLIDAYS: readonly [monthDay: string, name: string][] = [
  ['01-01', 'Nytårsdag'],
  ['12-25', 'Juledag'],
  ['12-26', '2. juledag'],
];
const EASTER_HOLIDAYS: readonly [daysFromEaster: number, name: string][] = [
  [-3, 'Skærtorsdag'],
  [-2, 'Langfredag'],
  [0, 'Påskedag'],
  [1, '2. påskedag'],
  [26, 'Store bededag'],
  [39, 'Kristi himmelfartsdag'],
  [49, 'Pinsedag'],
  [50, '2. pinsedag'],
];

/** Store bededag was abolished as a public holiday from 2024. */
const LAST_YEAR_WITH_STORE_BEDEDAG = 2023;

const holidaysByYear = new Map<number, readonly Holiday[]>();

function easterSunday(year: number): IsoDate {
  const { month, day } = gregorianEaster(year);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Danish public holidays of a calendar year, as the programme format defines them. Cached per year. */
export function danishPublicHolidays(year: number): readonly Holiday[] {
  const cached = holidaysByYear.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const list: Holiday[] = [
    ...FIXED_HOLIDAYS.map(([monthDay, name]) => ({ date: `${String(year).padStart(4, '0')}-${monthDay}`, name })),
    ...EASTER_HOLIDAYS.filter(([, name]) => name !== 'Store bededag' || year <= LAST_YEAR_WITH_STORE_BEDEDAG).map(
      ([offset, name]) => ({ date: addDays(easter, offset), name }),
    ),
  ];
  list.sort((a, b) => compareDates(a.date, b.date));
  const frozen = Object.freeze(list);
  holidaysByYear.set(year, frozen);
  return frozen;
}

const holidayDays = new Map<number, string>(); // day number → name, for every loaded year
const loadedHolidayYears = new Set<number>();

function ensureHolidayYear(year: number): void {
  if (loadedHolidayYears.has(year)) return;
  for (const h of danishPublicHolidays(year)) holidayDays.set(dayNumber(h.date), h.name);
  loadedHolidayYears.add(year);
}

function danishHolidayName(n: number): string | undefined {
  ensureHolidayYear(civilFromDays(n).year);
  return holidayDays.get(n);
}

// ---------------------------------------------------------------------------
// Working days and instants

export type HolidaySet = 'dk' | 'none';

export interface CalendarSpec {
  timezone: string;
  holidays: HolidaySet;
  closedDays?: readonly IsoDate[];
}

/** Upper bound on day stepping, so a calendar with no working days cannot loop forever. */
const MAX_SEARCH_DAYS = 3660;

/** An instant in a zone, in the three forms the schedule needs. */
export interface LocalInstant {
  iso: Instant;
  ms: number;
  /** The local date. */
  date: IsoDate;
}

/**
 * Memoised zone conversions (pure, so safe to share). Bounded so a
 * long-running worker does not grow it forever.
 */
const instantCache = new Map<string, LocalInstant>();
const INSTANT_CACHE_LIMIT = 50_000;

function memo(key: string, compute: () => LocalInstant): LocalInstant {
  let hit = instantCache.get(key);
  if (!hit) {
    hit = compute();
    if (instantCache.size >= INSTANT_CACHE_LIMIT) instantCache.clear();
    instantCache.set(key, hit);
  }
  return hit;
}

export function isValidTimeZone(zone: unknown): zone is string {
  return typeof zone === 'string' && zone.length > 0 && IANAZone.isValidZone(zone);
}

/** 'HH:MM' 00:00–23:59. */
export function isValidTimeOfDay(value: unknown): value is string {
  return typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

/**
 * Working-day arithmetic and local instants for one programme: its time zone,
 * holiday set and extra closed days.
 */
export class WorkCalendar {
  readonly timezone: string;
  readonly holidays: HolidaySet;
  private readonly closed: ReadonlySet<number>;

  constructor(spec: CalendarSpec) {
    this.timezone = spec.timezone;
    this.holidays = spec.holidays;
    this.closed = new Set((spec.closedDays ?? []).filter(isValidIsoDate).map(dayNumber));
  }

  /** Why a date is not a working day ('lørdag', a holiday's name, 'lukkedag'), or undefined if it is one. */
  nonWorkingReason(date: IsoDate): string | undefined {
    return this.reasonForDay(dayNumber(date));
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.isWorkingDayNumber(dayNumber(date));
  }

  /** Moves n working days forward (n > 0) or back (n < 0); n = 0 returns the date unchanged. */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    let d = dayNumber(date);
    const step = n < 0 ? -1 : 1;
    for (let left = Math.abs(n); left > 0;) {
      d += step;
      if (this.isWorkingDayNumber(d)) left--;
    }
    return fromDayNumber(d);
  }

  nextWorkingDayAfter(date: IsoDate): IsoDate {
    return this.addWorkingDays(date, 1);
  }

  /** The date itself if it is a working day, else the next working day. */
  workingDayOnOrAfter(date: IsoDate): IsoDate {
    return fromDayNumber(this.seekWorkingDay(dayNumber(date), 1));
  }

  /** The date itself if it is a working day, else the previous working day. */
  workingDayOnOrBefore(date: IsoDate): IsoDate {
    return fromDayNumber(this.seekWorkingDay(dayNumber(date), -1));
  }

  /** First working day of an ISO week (or later, if the whole week is closed). */
  firstWorkingDayOfWeek(weekYear: number, week: number): IsoDate {
    return fromDayNumber(this.seekWorkingDay(weekDayNumber(weekYear, week, 1), 1));
  }

  /** Last working day of an ISO week (or earlier, if the whole week is closed). */
  lastWorkingDayOfWeek(weekYear: number, week: number): IsoDate {
    return fromDayNumber(this.seekWorkingDay(weekDayNumber(weekYear, week, 7), -1));
  }

  /** Working days d with from < d ≤ to; 0 when to ≤ from. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    let count = 0;
    for (let d = dayNumber(from) + 1, end = dayNumber(to); d <= end; d++) {
      if (this.isWorkingDayNumber(d)) count++;
    }
    return count;
  }

  /** The instant of a local time of day ('HH:MM') on a date, in this calendar's zone. */
  at(date: IsoDate, time: string): Instant {
    return this.localInstant(date, time).iso;
  }

  /** Milliseconds since the epoch of a local time on a date. */
  atMillis(date: IsoDate, time: string): number {
    return this.localInstant(date, time).ms;
  }

  /** Local midnight at the start of a date. */
  startOfDay(date: IsoDate): Instant {
    return this.localInstant(date, '00:00').iso;
  }

  /** A local time on a date as both ISO text and milliseconds (cached: schedules ask for the same ones often). */
  localInstant(date: IsoDate, time: string): LocalInstant {
    return memo(`${this.timezone}|${date}|${time}`, () => {
      const { year, month, day } = civilFromDays(dayNumber(date));
      const [hour, minute] = time.split(':').map(Number);
      // luxon moves a local time that falls in a DST gap forward, which is what a reminder should do.
      const dt = DateTime.fromObject({ year, month, day, hour, minute }, { zone: this.timezone });
      if (!dt.isValid) throw new RangeError(`Invalid local time ${date} ${time} in ${this.timezone}`);
      return { iso: dt.toISO({ suppressMilliseconds: true }) as Instant, ms: dt.toMillis(), date };
    });
  }

  /** Milliseconds since the epoch; an instant without offset is read as local time. Throws on garbage. */
  millis(instant: Instant): number {
    return this.read(instant).ms;
  }

  /** The local date an instant falls on in this calendar's zone. */
  dateOf(instant: Instant | number): IsoDate {
    return this.read(instant).date;
  }

  /** Rewrites any instant as ISO 8601 with this zone's offset. */
  normalise(instant: Instant | number): Instant {
    return this.read(instant).iso;
  }

  private read(instant: Instant | number): LocalInstant {
    return memo(`${this.timezone}|${instant}`, () => {
      const dt =
        typeof instant === 'number'
          ? DateTime.fromMillis(instant, { zone: this.timezone })
          : DateTime.fromISO(instant, { zone: this.timezone });
      if (!dt.isValid) throw new RangeError(`Not an ISO 8601 instant: ${instant}`);
      return {
        iso: dt.toISO({ suppressMilliseconds: true }) as Instant,
        ms: dt.toMillis(),
        date: dt.toISODate() as IsoDate,
      };
    });
  }

  private reasonForDay(n: number): string | undefined {
    const wd = weekdayOfDay(n);
    if (wd === 6) return 'lørdag';
    if (wd === 7) return 'søndag';
    if (this.holidays === 'dk') {
      const name = danishHolidayName(n);
      if (name) return name;
    }
    return this.closed.has(n) ? 'lukkedag' : undefined;
  }

  private isWorkingDayNumber(n: number): boolean {
    return this.reasonForDay(n) === undefined;
  }

  private seekWorkingDay(n: number, step: 1 | -1): number {
    for (let i = 0; i < MAX_SEARCH_DAYS; i++, n += step) {
      if (this.isWorkingDayNumber(n)) return n;
    }
    throw new RangeError('No working day found within ten years');
  }
}

/** Local midnight at the start of the day after `date` in `timezone`: when a deadline on `date` has passed. */
export function midnightAfter(timezone: string, date: IsoDate): Instant {
  return new WorkCalendar({ timezone, holidays: 'none' }).startOfDay(addDays(date, 1));
}
