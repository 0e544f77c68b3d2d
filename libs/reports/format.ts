/**
 * Compact Danish date forms for tables and the chart, where danishDate's full form
 * ('tirsdag 8. april 2025 (uge 15)') does not fit.
 */
import type { IsoDate } from '../plan/working-days';
import { MONTH_NAMES } from '../texts/labels';

/** '08.04.2025'. */
export function compactDate(date: IsoDate): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

/** '2. jun.' */
export function shortDate(date: IsoDate): string {
  const [, month, day] = date.split('-').map(Number);
  return `${day}. ${MONTH_NAMES[month - 1].slice(0, 3)}.`;
}
