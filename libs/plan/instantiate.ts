/**
 * Re-dating a programme for another year: the same plan by ISO week.
 *
 * - Week numbers stay; weeks that do not exist in the new year (53) become
 *   the year's last week.
 * - Explicit dates become the same ISO weekday of the same week, the week-year
 *   moved by the difference in years (Monday 2 June 2025, week 23, becomes
 *   Monday of week 23 in the new year).
 * - `from`/`to` week labels and a date's `year` move by the same difference.
 * - closedDays keep their day and month instead: closures are usually fixed
 *   calendar days (5 June, 24 December). 29 February is dropped in other years.
 * - The id's '-<year>' suffix becomes the new year (or is appended), and the
 *   old year in the title is replaced.
 */
import {
  IsoDate,
  IsoWeek,
  isValidIsoDate,
  isoWeekDate,
  isoWeekOf,
  isoWeekday,
  parseWeekLabel,
  weekLabel,
  weeksInYear,
} from './working-days';
import { DateSpec, parseWeeksField } from './dates';
import { ProgrammeDefinition } from './definition';
import { computePlan } from './plan';

export function instantiateForYear(def: ProgrammeDefinition, year: number): ProgrammeDefinition {
  const shift = year - def.year;
  if (shift === 0) return def;
  const moveWeek = (w: IsoWeek): IsoWeek => clampWeek({ weekYear: w.weekYear + shift, week: w.week });

  const moveDateSpec = (spec: DateSpec): DateSpec => {
    if (typeof spec === 'string') {
      const moved = moveWeek(isoWeekOf(spec));
      return isoWeekDate(moved.weekYear, moved.week, isoWeekday(spec));
    }
    const weekYear = (spec.year ?? def.year) + shift;
    const week = clampWeek({ weekYear, week: spec.week }).week;
    return { ...spec, week, ...(spec.year !== undefined && { year: weekYear }) };
  };

  const moveWeeksField = (weeks: string): string => {
    const parsed = parseWeeksField(weeks);
    if (!parsed) return weeks;
    const last = weeksInYear(year);
    if (parsed.first <= last && parsed.last <= last) return weeks;
    const first = Math.min(parsed.first, last);
    const end = Math.min(parsed.last, last);
    return first === end ? String(first) : `${first}-${end}`;
  };

  const moveLabel = (label: string | undefined): string | undefined => {
    const parsed = label === undefined ? undefined : parseWeekLabel(label);
    return parsed ? weekLabel(moveWeek(parsed)) : label;
  };

  return {
    ...def,
    id: renameId(def.id, def.year, year),
    title: def.title.replace(new RegExp(`\\b${def.year}\\b`, 'g'), String(year)),
    year,
    closedDays: def.closedDays.map((d) => sameDayInYear(d, shift)).filter((d): d is IsoDate => d !== undefined),
    committee: {
      ...def.committee,
      meetings: def.committee.meetings.map((m) => ({
        ...m,
        date: moveDateSpec(m.date),
        materialDue: moveDateSpec(m.materialDue),
      })),
    },
    subAnalyses: def.subAnalyses.map((sub) => ({
      ...sub,
      phases: sub.phases.map((p) => ({
        ...p,
        ...(p.weeks !== undefined && { weeks: moveWeeksField(p.weeks) }),
        ...(p.from !== undefined && { from: moveLabel(p.from) }),
        ...(p.to !== undefined && { to: moveLabel(p.to) }),
      })),
    })),
  };
}

/**
 * The instance a new user should see on `today`: the definition itself while
 * its last meeting is still ahead, otherwise the first later year whose last
 * meeting is on or after today.
 */
export function upcomingInstance(def: ProgrammeDefinition, today: IsoDate): ProgrammeDefinition {
  if (!isValidIsoDate(today)) throw new RangeError(`Not a date (YYYY-MM-DD): ${today}`);
  if (lastMeetingOrEnd(def) >= today) return def;
  const todayYear = Number(today.slice(0, 4));
  // A programme may end in the year after its `year`, so the year before today's is a candidate too.
  let candidate = def;
  for (let y = Math.max(def.year + 1, todayYear - 1); y <= todayYear + 2; y++) {
    candidate = instantiateForYear(def, y);
    if (lastMeetingOrEnd(candidate) >= today) return candidate;
  }
  return candidate;
}

function lastMeetingOrEnd(def: ProgrammeDefinition): IsoDate {
  const plan = computePlan(def);
  return plan.meetings.length > 0 ? plan.meetings[plan.meetings.length - 1].date : plan.ends;
}

function clampWeek(w: IsoWeek): IsoWeek {
  return { weekYear: w.weekYear, week: Math.min(w.week, weeksInYear(w.weekYear)) };
}

function sameDayInYear(date: IsoDate, shift: number): IsoDate | undefined {
  const moved = `${String(Number(date.slice(0, 4)) + shift).padStart(4, '0')}${date.slice(4)}`;
  return isValidIsoDate(moved) ? moved : undefined;
}

/** 'x-2025' → 'x-2027'; ids without the year get it appended (kept within the 64-character limit). */
function renameId(id: string, from: number, to: number): string {
  const suffix = `-${from}`;
  const base = id.endsWith(suffix) ? id.slice(0, -suffix.length) : id;
  return `${base.slice(0, 64 - `-${to}`.length)}-${to}`;
}
