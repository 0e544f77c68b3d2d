import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import {
  WorkCalendar,
  addDays,
  danishPublicHolidays,
  dayNumber,
  fromDayNumber,
  isValidIsoDate,
  isoWeekDate,
  isoWeekOf,
  midnightAfter,
  weeksInYear,
} from './working-days';
import { danishDate } from '../texts/dates';

const dk = new WorkCalendar({ timezone: 'Europe/Copenhagen', holidays: 'dk' });
const names = (year: number) => danishPublicHolidays(year).map((h) => `${h.date} ${h.name}`);

/**
 * Denmark's public holidays by date-holidays, an independent, widely used source,
 * filtered to the days the programme format counts (it also lists observances).
 */
const reference = new Holidays('DK', { types: ['public'] });
// By date-holidays' own rule names, which are stable where its display names vary.
const COUNTED = new Set([
  '01-01',
  'easter -3',
  'easter -2',
  'easter',
  'easter 1',
  'easter 26',
  'easter 39',
  'easter 49',
  'easter 50',
  '12-25',
  '12-26',
]);
function referenceHolidays(year: number): string[] {
  return reference
    .getHolidays(year)
    .filter((h) => {
      const rule = h.rule.replace(/ prior to \d+$/, '');
      return h.type === 'public' && COUNTED.has(rule) && !(rule === 'easter 26' && year > 2023);
    })
    .map((h) => h.date.slice(0, 10))
    .sort();
}

describe('day numbers and ISO weeks', () => {
  it('round-trips dates and rejects impossible ones', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(dayNumber('2024-02-29'))).toBe('2024-02-29');
    expect(isValidIsoDate('2025-02-29')).toBe(false);
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2025-4-1')).toBe(false);
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });

  it('agrees with luxon on the ISO week of every day 1995–2045', () => {
    for (let n = dayNumber('1995-01-01'); n <= dayNumber('2045-12-31'); n++) {
      const date = fromDayNumber(n);
      const dt = DateTime.fromISO(date, { zone: 'UTC' });
      const mine = isoWeekOf(date);
      if (mine.weekYear !== dt.weekYear || mine.week !== dt.weekNumber) throw new Error(`week of ${date}`);
    }
  });

  it('agrees with luxon on the number of weeks and on week dates', () => {
    for (let year = 1990; year <= 2100; year++) {
      expect(weeksInYear(year)).toBe(DateTime.fromObject({ weekYear: year, weekNumber: 1 }).weeksInWeekYear);
      const monday = DateTime.fromObject({ weekYear: year, weekNumber: 10, weekday: 1 }, { zone: 'UTC' });
      expect(isoWeekDate(year, 10, 1)).toBe(monday.toISODate());
    }
  });

  it('knows the years with week 53', () => {
    expect(weeksInYear(2020)).toBe(53);
    expect(weeksInYear(2026)).toBe(53);
    expect(weeksInYear(2032)).toBe(53);
    expect(weeksInYear(2025)).toBe(52);
    expect(weeksInYear(2027)).toBe(52);
    expect(isoWeekDate(2026, 53, 'friday')).toBe('2027-01-01');
    expect(isoWeekOf('2027-01-03')).toEqual({ weekYear: 2026, week: 53 });
    expect(isoWeekOf('2024-12-30')).toEqual({ weekYear: 2025, week: 1 });
  });
});

describe('Danish public holidays', () => {
  it('lists exactly the holidays of the format in 2025', () => {
    expect(names(2025)).toEqual([
      '2025-01-01 Nytårsdag',
      '2025-04-17 Skærtorsdag',
      '2025-04-18 Langfredag',
      '2025-04-20 Påskedag',
      '2025-04-21 2. påskedag',
      '2025-05-29 Kristi himmelfartsdag',
      '2025-06-08 Pinsedag',
      '2025-06-09 2. pinsedag',
      '2025-12-25 Juledag',
      '2025-12-26 2. juledag',
    ]);
  });

  it('has store bededag only before 2024', () => {
    expect(names(2023)).toContain('2023-05-05 Store bededag');
    expect(names(2023)).toHaveLength(11);
    expect(names(2024).some((n) => n.includes('Store bededag'))).toBe(false);
    expect(names(2024)).toHaveLength(10);
  });

  it('places Easter right, early and late', () => {
    const easterOf = (year: number) => danishPublicHolidays(year).find((h) => h.name === 'Påskedag')!.date;
    expect(easterOf(2025)).toBe('2025-04-20');
    expect(easterOf(2024)).toBe('2024-03-31');
    expect(easterOf(2016)).toBe('2016-03-27');
    expect(easterOf(2038)).toBe('2038-04-25');
    expect(easterOf(2019)).toBe('2019-04-21');
  });

  it('agrees with date-holidays for every year from 1990 to 2100', () => {
    for (let year = 1990; year <= 2100; year++) {
      const ours = danishPublicHolidays(year).map((h) => h.date);
      expect({ year, dates: ours }).toEqual({ year, dates: referenceHolidays(year) });
      expect(danishPublicHolidays(year).some((h) => h.name === 'Store bededag')).toBe(year <= 2023);
    }
  });

  it('does not count observances as holidays', () => {
    for (const date of ['2025-06-05', '2025-12-24', '2025-12-31', '2025-05-01', '2025-03-03']) {
      expect(dk.isWorkingDay(date)).toBe(true);
    }
  });
});

describe('working days', () => {
  it('skips weekends and holidays', () => {
    expect(dk.isWorkingDay('2025-05-29')).toBe(false); // Kristi himmelfartsdag
    expect(dk.isWorkingDay('2025-06-09')).toBe(false); // 2. pinsedag
    expect(dk.isWorkingDay('2025-05-30')).toBe(true);
    expect(dk.nonWorkingReason('2025-05-29')).toBe('Kristi himmelfartsdag');
    expect(dk.nonWorkingReason('2025-05-31')).toBe('lørdag');
  });

  it('adds and subtracts working days', () => {
    expect(dk.addWorkingDays('2025-06-02', -5)).toBe('2025-05-23');
    expect(dk.addWorkingDays('2025-04-16', 1)).toBe('2025-04-22');
    expect(dk.addWorkingDays('2025-04-22', -1)).toBe('2025-04-16');
    expect(dk.addWorkingDays('2025-04-19', 0)).toBe('2025-04-19');
    expect(dk.nextWorkingDayAfter('2026-12-23')).toBe('2026-12-24');
    expect(dk.nextWorkingDayAfter('2026-12-24')).toBe('2026-12-28');
    expect(dk.addWorkingDays('2027-01-04', -1)).toBe('2026-12-31');
    expect(dk.workingDaysBetween('2025-04-16', '2025-04-22')).toBe(1);
    expect(dk.workingDaysBetween('2025-04-22', '2025-04-16')).toBe(0);
  });

  it('finds the first and last working day of a week', () => {
    expect(dk.lastWorkingDayOfWeek(2025, 16)).toBe('2025-04-16');
    expect(dk.firstWorkingDayOfWeek(2025, 17)).toBe('2025-04-22');
    expect(dk.lastWorkingDayOfWeek(2026, 53)).toBe('2026-12-31');
  });

  it('honours holidays: none and closed days', () => {
    const none = new WorkCalendar({ timezone: 'Europe/Copenhagen', holidays: 'none', closedDays: ['2025-06-05'] });
    expect(none.isWorkingDay('2025-04-18')).toBe(true);
    expect(none.isWorkingDay('2025-06-05')).toBe(false);
    expect(none.nonWorkingReason('2025-06-05')).toBe('lukkedag');
    expect(none.lastWorkingDayOfWeek(2025, 16)).toBe('2025-04-18');
  });

  it('moves past a fully closed week', () => {
    const closed = ['2025-03-10', '2025-03-11', '2025-03-12', '2025-03-13', '2025-03-14'];
    const cal = new WorkCalendar({ timezone: 'Europe/Copenhagen', holidays: 'dk', closedDays: closed });
    expect(cal.firstWorkingDayOfWeek(2025, 11)).toBe('2025-03-17');
    expect(cal.lastWorkingDayOfWeek(2025, 11)).toBe('2025-03-07');
  });
});

describe('instants', () => {
  it('keeps local time across the DST changes', () => {
    expect(dk.at('2025-03-28', '09:00')).toBe('2025-03-28T09:00:00+01:00');
    expect(dk.at('2025-03-31', '09:00')).toBe('2025-03-31T09:00:00+02:00');
    expect(dk.at('2025-10-24', '09:00')).toBe('2025-10-24T09:00:00+02:00');
    expect(dk.at('2025-10-27', '09:00')).toBe('2025-10-27T09:00:00+01:00');
  });

  it('moves a time in the spring gap forward', () => {
    expect(dk.at('2025-03-30', '02:30')).toBe('2025-03-30T03:30:00+02:00');
  });

  it('gives the midnight after a date and reads instants in any offset', () => {
    expect(midnightAfter('Europe/Copenhagen', '2025-03-29')).toBe('2025-03-30T00:00:00+01:00');
    expect(midnightAfter('Europe/Copenhagen', '2025-04-16')).toBe('2025-04-17T00:00:00+02:00');
    expect(dk.dateOf('2025-04-16T22:30:00Z')).toBe('2025-04-17');
    expect(dk.normalise('2025-04-16T22:30:00Z')).toBe('2025-04-17T00:30:00+02:00');
    expect(() => dk.millis('not an instant')).toThrow(RangeError);
  });

  it('writes Danish dates', () => {
    expect(danishDate('2025-04-16')).toBe('onsdag 16. april 2025 (uge 16)');
    expect(danishDate('2027-01-01')).toBe('fredag 1. januar 2027 (uge 53)');
  });
});
