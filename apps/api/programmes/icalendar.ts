import ical, { type ICalCalendar } from 'ical-generator';
import { DateTime } from 'luxon';
import type { PlannedMeeting, ProgrammePlan, ScheduledEvent } from '../../../libs/plan';
import { calendarTexts } from '../../../libs/texts/calendar';

/** The kinds that belong in a person's calendar: deadlines and meetings, not the messages. */
const CALENDAR_KINDS = new Set(['phase-due', 'material-due', 'meeting']);

/** A meeting with a start time but no duration is shown as this long. */
const DEFAULT_MEETING_MINUTES = 120;

/** Which sub-analyses' deadlines a person follows; undefined means all of them. */
export function followedSubAnalyses(plan: ProgrammePlan, email: string): Set<string> | undefined {
  const who = email.toLowerCase();
  if (plan.secretariat.includes(who)) return undefined;
  return new Set(
    plan.subAnalyses.filter((s) => s.projectLeads.includes(who) || s.projectOwner === who).map((s) => s.id),
  );
}

/** One calendar item, as any calendar shows it; `shown` changes exactly when it does. */
export interface CalendarItem {
  uid: string;
  /** The schedule's key: the UID's stable part. */
  key: string;
  summary: string;
  /** The page it concerns (not the API's JSON). */
  url?: string;
  location?: string;
  allDay: boolean;
  start: DateTime;
  end: DateTime;
  shown: string;
}

/**
 * The deadlines and meetings of one programme that `person` follows (all of them without
 * a person), each linking to its page: the sub-analysis page for a deadline, the meeting
 * page for a meeting. Meetings with a start time are timed, with their place.
 */
export function calendarItems(
  plan: ProgrammePlan,
  events: ScheduledEvent[],
  publicUrl: string,
  person?: string,
): CalendarItem[] {
  const follows = person ? followedSubAnalyses(plan, person) : undefined;
  const meetings = new Map(plan.meetings.map((m) => [m.id, m]));
  const page = `${publicUrl}/programmes/${encodeURIComponent(plan.programmeId)}`;
  const items: CalendarItem[] = [];
  for (const e of events) {
    if (!CALENDAR_KINDS.has(e.kind)) continue;
    if (follows && e.kind !== 'meeting' && !(e.subAnalysis && follows.has(e.subAnalysis))) continue;
    const meeting = e.kind === 'meeting' && e.meeting ? meetings.get(e.meeting) : undefined;
    const url =
      e.kind === 'meeting' && e.meeting
        ? `${page}/meetings/${encodeURIComponent(e.meeting)}`
        : e.subAnalysis
          ? `${page}/sub-analyses/${encodeURIComponent(e.subAnalysis)}`
          : undefined;
    const { start, end, allDay } = meeting?.time ? meetingTimes(plan, meeting) : wholeDay(plan, e.date);
    const location = meeting?.place;
    const summary = e.title;
    items.push({
      uid: `${e.key}@${plan.programmeId}.spor`,
      key: e.key,
      summary,
      url,
      location,
      allDay,
      start,
      end,
      shown: JSON.stringify([summary, url, location, allDay, start.toISO(), end.toISO()]),
    });
  }
  return items;
}

function wholeDay(plan: ProgrammePlan, date: string) {
  const day = DateTime.fromISO(date, { zone: plan.timezone });
  return { start: day, end: day.plus({ days: 1 }), allDay: true };
}

function meetingTimes(plan: ProgrammePlan, meeting: PlannedMeeting) {
  const start = DateTime.fromISO(`${meeting.date}T${meeting.time}`, { zone: plan.timezone });
  return { start, end: start.plus({ minutes: meeting.durationMinutes ?? DEFAULT_MEETING_MINUTES }), allDay: false };
}

function newCalendar(name: string, timezone: string): ICalCalendar {
  const calendar = ical({ name, prodId: { company: 'Spor', product: 'Spor', language: 'DA' } });
  // Not ical-generator's `timezone` option: without a VTIMEZONE generator it writes DTSTAMP
  // as a floating time, which RFC 5545 forbids. All-day events need no zone, and timed
  // ones are written in UTC.
  calendar.x('X-WR-TIMEZONE', timezone);
  return calendar;
}

function addItems(calendar: ICalCalendar, items: CalendarItem[], sequences?: Map<string, number>): void {
  for (const item of items) {
    calendar.createEvent({
      id: item.uid,
      sequence: sequences?.get(item.key) ?? 0,
      start: item.start,
      end: item.end,
      allDay: item.allDay,
      summary: item.summary,
      location: item.location,
      url: item.url,
      // Some calendar apps show no URL property; the description carries the link too.
      description: item.url ? calendarTexts.openPage(item.url) : undefined,
    });
  }
}

/**
 * iCalendar of a programme's due dates, material deadlines and meetings as all-day
 * events, taken from the schedule (the same computation the workflows run on).
 * `apiUrl` is the API's public address (…/api); deadlines link to their sub-analysis there.
 * (The personal feeds below link to the pages and time the meetings; this file keeps
 * its shape for the scripts that read it.)
 */
export function programmeCalendar(
  plan: ProgrammePlan,
  events: ScheduledEvent[],
  apiUrl: string,
  person?: string,
): string {
  const follows = person ? followedSubAnalyses(plan, person) : undefined;
  const calendar = newCalendar(plan.title, plan.timezone);
  for (const e of events) {
    if (!CALENDAR_KINDS.has(e.kind)) continue;
    if (follows && e.kind !== 'meeting' && !(e.subAnalysis && follows.has(e.subAnalysis))) continue;
    const { start, end } = wholeDay(plan, e.date);
    calendar.createEvent({
      id: `${e.key}@${plan.programmeId}.spor`,
      start,
      end,
      allDay: true,
      summary: e.title,
      url: e.subAnalysis ? `${apiUrl}/programmes/${plan.programmeId}/sub-analyses/${e.subAnalysis}` : undefined,
    });
  }
  return calendar.toString();
}

/** One programme's part of a person's feed, with each event's stored SEQUENCE. */
export interface FeedPart {
  items: CalendarItem[];
  sequences: Map<string, number>;
}

/** A person's own feed: their deadlines and meetings across every programme they are in. */
export function personalCalendar(name: string, timezone: string, parts: FeedPart[]): string {
  const calendar = newCalendar(calendarTexts.feedName(name), timezone);
  for (const part of parts) addItems(calendar, part.items, part.sequences);
  return calendar.toString();
}
