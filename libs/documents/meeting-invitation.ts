/**
 * The calendar invitation sent with the meeting package (iCalendar, METHOD:REQUEST).
 * Its UID is fixed per programme and meeting, so an invitation sent again with a
 * higher SEQUENCE (the meeting moved) updates the event people already have.
 */
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { MeetingHeader } from './meeting-model';

/** How long a meeting with a start but no end is taken to last. */
export const DEFAULT_MEETING_HOURS = 2;

export interface Person {
  name?: string;
  email: string;
}

export interface MeetingInvitation {
  programmeId: string;
  meetingId: string;
  header: Pick<MeetingHeader, 'committee' | 'meetingTitle' | 'date' | 'start' | 'end' | 'place'>;
  /** The programme's time zone, in which `start` and `end` are read. */
  timezone: string;
  /** 0 for the first invitation; one more for every change people must see. */
  sequence: number;
  /** The secretariat, who answers for the meeting. */
  organizer: Person;
  /** The committee members. */
  attendees: Person[];
  description?: string;
  url?: string;
  /** When the invitation is issued (DTSTAMP). */
  stamp: Date;
}

/** The event's UID: distinct from the subscription calendar's, stable across changes. */
export function invitationUid(programmeId: string, meetingId: string): string {
  return `invitation/${meetingId}@${programmeId}.spor`;
}

export function meetingInvitation(invitation: MeetingInvitation): string {
  const { header, timezone } = invitation;
  const calendar = ical({
    name: header.committee,
    prodId: { company: 'Spor', product: 'Spor', language: 'DA' },
    method: ICalCalendarMethod.REQUEST,
  });
  const day = DateTime.fromISO(header.date, { zone: timezone });
  // Times go out in UTC: correct in every client without a VTIMEZONE block.
  const timed = header.start
    ? {
        start: at(header.date, header.start, timezone),
        end: header.end
          ? at(header.date, header.end, timezone)
          : at(header.date, header.start, timezone).plus({ hours: DEFAULT_MEETING_HOURS }),
      }
    : undefined;
  calendar.createEvent({
    id: invitationUid(invitation.programmeId, invitation.meetingId),
    sequence: invitation.sequence,
    stamp: invitation.stamp,
    ...(timed
      ? { start: timed.start.toJSDate(), end: timed.end.toJSDate() }
      : { start: day, end: day.plus({ days: 1 }), allDay: true }),
    summary: `${header.committee}: ${header.meetingTitle}`,
    location: header.place,
    description: invitation.description,
    url: invitation.url,
    status: ICalEventStatus.CONFIRMED,
    organizer: { name: invitation.organizer.name ?? invitation.organizer.email, email: invitation.organizer.email },
    attendees: invitation.attendees.map((person) => ({
      email: person.email,
      name: person.name,
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: true,
    })),
  });
  return calendar.toString();
}

function at(date: string, time: string, zone: string): DateTime {
  const moment = DateTime.fromISO(`${date}T${time}`, { zone });
  if (!moment.isValid) throw new Error(`Invalid meeting time ${date} ${time} in ${zone}: ${moment.invalidExplanation}`);
  return moment;
}
