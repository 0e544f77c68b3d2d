// Dates as people read them, in the words of libs/texts (served as texts.js). The same
// formats as libs/texts/dates.ts, which the pages test holds this module to.
import { MONTH_NAMES, WEEKDAY_NAMES, WORKING_DAYS } from './texts.js';

/** 'YYYY-MM-DD' as a UTC midnight. */
function dayOf(iso) {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function isoWeek(iso) {
  const date = dayOf(iso);
  // The week belongs to the year of its thursday, and counts from that year's first one.
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7) + 3);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  return Math.floor((date.getTime() - yearStart) / 86400000 / 7) + 1;
}

/** 'mandag 2. juni 2025' */
export function dateText(iso) {
  const date = dayOf(iso);
  const weekday = WEEKDAY_NAMES[(date.getUTCDay() + 6) % 7];
  return `${weekday} ${date.getUTCDate()}. ${MONTH_NAMES[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** 'mandag 2. juni 2025 (uge 23)' */
export function dateWithWeek(iso) {
  return `${dateText(iso)} (uge ${isoWeek(iso)})`;
}

/** '2025-W12' → 'uge 12' */
function weekLabel(label) {
  const match = /W(\d+)$/.exec(label || '');
  return match ? `uge ${Number(match[1])}` : label;
}

/** 'uge 12-13' or 'uge 12' from a phase's first and last week. */
export function weeksText(phase) {
  const from = weekLabel(phase.startWeek);
  const to = weekLabel(phase.dueWeek);
  return from === to ? from : `${from}–${to.replace('uge ', '')}`;
}

/** The local date of an instant in the programme's time zone, as 'YYYY-MM-DD'. */
export function localDate(instant, timeZone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(instant),
  );
}

/** 'mandag 2. juni 2025 kl. 09.15' in the programme's time zone. */
export function instantText(instant, timeZone) {
  const time = new Intl.DateTimeFormat('da-DK', { timeZone, hour: '2-digit', minute: '2-digit' }).format(
    new Date(instant),
  );
  return `${dateText(localDate(instant, timeZone))} kl. ${time}`;
}

/** 'i dag', 'i morgen', 'om 5 dage', 'for 2 dage siden'. */
export function relativeDay(iso, today) {
  const days = Math.round((dayOf(iso) - dayOf(today)) / 86400000);
  if (days === 0) return 'i dag';
  if (days === 1) return 'i morgen';
  if (days === -1) return 'i går';
  return days > 0 ? `om ${days} dage` : `for ${-days} dage siden`;
}

/** '1 arbejdsdag', '5 arbejdsdage'. */
export function workingDays(n) {
  return `${n} ${n === 1 ? WORKING_DAYS.one : WORKING_DAYS.other}`;
}
