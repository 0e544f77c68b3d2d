import ical from 'ical-generator';
import { DateTime } from 'luxon';
import type { ProgrammePlan, ScheduledEvent } from '../../../libs/plan';

/** The kinds that belong in a person's calendar: deadlines and meetings, not the messages. */
const CALENDAR_KINDS = new Set(['phase-due', 'material-due', 'meeting']);

/** Which sub-analyses' deadlines a person follows; undefined means all of them. */
export function followedSubAnalyses(plan: ProgrammePlan, email: string): Set<string> | undefined {
  const who = email.toLowerCase();
  if (plan.secretariat.includes(who)) return undefined;
  return new Set(
    plan.subAnalyses.filter((s) => s.projectLeads.includes(who) || s.projectOwner === who).map((s) => s.id),
  );
}

/**
 * iCalendar of a programme's due dates, material deadlines and meetings as all-day
 * events, taken from the schedule (the same computation the workflows run on).
 * `apiUrl` is the API's public address (…/api); deadlines link to their sub-analysis there.
 */
export function programmeCalendar(
  plan: ProgrammePlan,
  events: ScheduledEvent[],
  apiUrl: string,
  person?: string,
): string {
  const follows = person ? followedSubAnalyses(plan, person) : undefined;
  const calendar = ical({
    name: plan.title,
    prodId: { company: 'Spor', product: 'Spor', language: 'DA' },
  });
  // Not ical-generator's `timezone` option: without a VTIMEZONE generator it writes DTSTAMP
  // as a floating time, which RFC 5545 forbids. All-day events need no zone anyway.
  calendar.x('X-WR-TIMEZONE', plan.timezone);
  for (const e of events) {
    if (!CALENDAR_KINDS.has(e.kind)) continue;
    if (follows && e.kind !== 'meeting' && !(e.subAnalysis && follows.has(e.subAnalysis))) continue;
    const day = DateTime.fromISO(e.date, { zone: plan.timezone });
    calendar.createEvent({
      id: `${e.key}@${plan.programmeId}.spor`,
      start: day,
      end: day.plus({ days: 1 }),
      allDay: true,
      summary: e.title,
      url: e.subAnalysis ? `${apiUrl}/programmes/${plan.programmeId}/sub-analyses/${e.subAnalysis}` : undefined,
    });
  }
  return calendar.toString();
}
