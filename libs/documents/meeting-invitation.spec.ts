import * as ical from 'node-ical';
import { type MeetingInvitation, invitationUid, meetingInvitation } from './meeting-invitation';

const invitation: MeetingInvitation = {
  programmeId: 'aarhus-organisationsanalyse-2025',
  meetingId: 'm2',
  header: {
    committee: 'Økonomiudvalget',
    meetingTitle: 'Møde om organisationsanalysen',
    date: '2025-08-26',
    start: '11:00',
    end: '13:15',
    place: 'Rådhuset, lokale 1128',
  },
  timezone: 'Europe/Copenhagen',
  sequence: 0,
  organizer: { name: 'Udvalgssekretariatet', email: 'sekretariat@example.org' },
  attendees: [{ name: 'Åse Ødegård', email: 'aase@example.org' }, { email: 'bo@example.org' }],
  description: 'Dagsorden og bilag er vedhæftet.',
  url: 'https://spor.example.org/programmes/aarhus-organisationsanalyse-2025/meetings/m2',
  stamp: new Date('2025-08-19T06:00:00Z'),
};

function onlyEvent(text: string): ical.VEvent {
  const events = Object.values(ical.sync.parseICS(text)).filter((c): c is ical.VEvent => c?.type === 'VEVENT');
  expect(events).toHaveLength(1);
  return events[0];
}

const text = (value: unknown) => (typeof value === 'string' ? value : (value as { val: string }).val);

describe('meetingInvitation', () => {
  it('is a request from the secretariat to every committee member, at the meeting time in its zone', () => {
    const ics = meetingInvitation(invitation);
    expect(ics).toContain('METHOD:REQUEST');
    const event = onlyEvent(ics);
    expect(event.uid).toBe('invitation/m2@aarhus-organisationsanalyse-2025.spor');
    expect(event.start.toISOString()).toBe('2025-08-26T09:00:00.000Z'); // 11:00 summer time
    expect(event.end?.toISOString()).toBe('2025-08-26T11:15:00.000Z');
    expect(text(event.summary)).toBe('Økonomiudvalget: Møde om organisationsanalysen');
    expect(text(event.location)).toBe('Rådhuset, lokale 1128');
    expect(text(event.description)).toBe('Dagsorden og bilag er vedhæftet.');
    expect(ics).toMatch(/ORGANIZER;CN="?Udvalgssekretariatet"?:mailto:sekretariat@example\.org/);
    const attendees = ([] as unknown[])
      .concat(event.attendee)
      .map((a) => a as { params: { CN?: string; ROLE: string }; val: string })
      .map((a) => ({ name: a.params.CN, role: a.params.ROLE, address: a.val.toLowerCase() }));
    expect(attendees).toEqual([
      { name: 'Åse Ødegård', role: 'REQ-PARTICIPANT', address: 'mailto:aase@example.org' },
      { name: undefined, role: 'REQ-PARTICIPANT', address: 'mailto:bo@example.org' },
    ]);
    expect(ics).toContain('RSVP=TRUE');
    expect(ics).toContain('SEQUENCE:0');
    expect(ics).toContain('DTSTAMP:20250819T060000Z');
  });

  it('keeps its UID and raises SEQUENCE when the meeting moves, so calendars update it', () => {
    const moved = meetingInvitation({
      ...invitation,
      sequence: 1,
      header: { ...invitation.header, date: '2025-12-02', start: '14:00', end: undefined },
    });
    const event = onlyEvent(moved);
    expect(event.uid).toBe(invitationUid(invitation.programmeId, invitation.meetingId));
    expect(moved).toContain('SEQUENCE:1');
    expect(event.start.toISOString()).toBe('2025-12-02T13:00:00.000Z'); // 14:00 winter time
    expect(event.end?.toISOString()).toBe('2025-12-02T15:00:00.000Z'); // two hours when no end is set
  });

  it('is an all-day event when the meeting has no time yet', () => {
    const { start: _s, end: _e, ...header } = invitation.header;
    const ics = meetingInvitation({ ...invitation, header });
    expect(ics).toContain('DTSTART;VALUE=DATE:20250826');
    expect(ics).toContain('DTEND;VALUE=DATE:20250827');
  });

  it('refuses a time that does not exist', () => {
    expect(() => meetingInvitation({ ...invitation, header: { ...invitation.header, start: '25:00' } })).toThrow(
      /Invalid meeting time/,
    );
  });
});
