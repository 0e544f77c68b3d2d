/**
 * Danish wording for dates and counts in texts people read. Own name tables
 * rather than Intl, so the output does not depend on the ICU data present.
 */
import { IsoDate, dayNumber, fromDayNumber, isoWeekOf, isoWeekday } from '../plan/working-days';
import { MONTH_NAMES, WEEKDAY_NAMES, WORKING_DAYS } from './labels';

/** 'onsdag 16. april 2025 (uge 16)'. */
export function danishDate(date: IsoDate): string {
  return `${danishDateWithoutWeek(date)} (uge ${isoWeekOf(date).week})`;
}

/** 'onsdag 16. april 2025'. */
export function danishDateWithoutWeek(date: IsoDate): string {
  const canonical = fromDayNumber(dayNumber(date));
  const [year, month, day] = canonical.split('-').map(Number);
  return `${WEEKDAY_NAMES[isoWeekday(canonical) - 1]} ${day}. ${MONTH_NAMES[month - 1]} ${year}`;
}

/** '1 arbejdsdag', '5 arbejdsdage'. */
export function workingDaysText(n: number): string {
  return `${n} ${n === 1 ? WORKING_DAYS.one : WORKING_DAYS.other}`;
}
