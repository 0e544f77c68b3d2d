/**
 * How long material for a committee meeting matters: the one cutoff the workflows, the
 * schedule and the status projection share.
 *
 * Material counts until the meeting day begins. By then the package has gone out
 * (listing what is missing), so reminding or escalating about it, or showing it as the
 * next deadline, helps nobody.
 */
import { type ProgrammePlan, calendarOf } from './plan';

/** Local midnight at the start of the meeting day, in milliseconds. */
export function materialCutoff(plan: ProgrammePlan, meetingId: string): number {
  const meeting = plan.meetings.find((m) => m.id === meetingId);
  if (!meeting) throw new RangeError(`Unknown meeting '${meetingId}'`);
  return calendarOf(plan).atMillis(meeting.date, '00:00');
}

/** Whether material for the meeting still matters at an instant. */
export function materialMatters(plan: ProgrammePlan, meetingId: string, atMs: number): boolean {
  return atMs < materialCutoff(plan, meetingId);
}
