/**
 * A meeting as it stands before its workflow has written anything (the programme has
 * not started): the plan's dates, every deliverable missing, the agenda from the
 * definition's defaults. Pure, and free of heavy imports, so the meeting workflow may
 * build its first snapshot with it too.
 */
import { standingItems } from '../documents/meeting-model';
import type { ProgrammePlan } from '../plan/plan';
import { packageDispatch } from '../plan/schedule';
import type { AgendaItem, MeetingDeliverable, MeetingSnapshot } from './meeting';

/** Keys of the standing items, as the API's `items/{sid}` accepts them. */
export const FIRST_STANDING_ITEM = 'godkendelse-af-dagsorden';
export const LAST_STANDING_ITEM = 'eventuelt';

/** Minutes set aside for a sub-analysis' item unless the secretariat says otherwise. */
export const DEFAULT_ITEM_MINUTES = 15;

/** The deliverables due at a meeting, in the definition's order of sub-analyses, all missing. */
export function plannedDeliverables(plan: ProgrammePlan, meetingId: string): MeetingDeliverable[] {
  return plan.subAnalyses.flatMap((sub) =>
    sub.deliverables
      .filter((d) => d.meeting === meetingId)
      .map((d): MeetingDeliverable => ({
        subAnalysis: sub.id,
        subAnalysisTitle: sub.title,
        title: d.title,
        state: 'missing',
        versions: [],
        reviews: [],
      })),
  );
}

/**
 * The default agenda: 'Godkendelse af dagsorden', one item per deliverable (its material
 * as attachment N.1, missing until approved), 'Eventuelt'.
 */
export function defaultAgenda(
  plan: ProgrammePlan,
  deliverables: readonly MeetingDeliverable[],
  committee?: string,
): AgendaItem[] {
  const { first, last } = standingItems(committee);
  const standing = (key: string, draft: typeof first, number: number): AgendaItem => ({
    key,
    standing: true,
    number,
    title: draft.title,
    background: draft.background ?? '',
    recommendation: draft.recommendation ?? '',
    method: draft.method === 'drøftelse' ? 'droeftelse' : draft.method,
    responsible: '',
    minutes: draft.minutes ?? 5,
    attachments: [],
  });
  const items = deliverables.map((d, i): AgendaItem => {
    const sub = plan.subAnalyses.find((s) => s.id === d.subAnalysis);
    const owner = sub?.projectOwner ?? sub?.projectLeads[0];
    const number = i + 2;
    return {
      key: d.subAnalysis,
      subAnalysis: d.subAnalysis,
      standing: false,
      number,
      title: d.subAnalysisTitle,
      background: '',
      recommendation: '',
      method: 'orientering',
      responsible: (owner && plan.people[owner]) ?? sub?.drivingDepartment ?? '',
      minutes: DEFAULT_ITEM_MINUTES,
      attachments: [{ number: `${number}.1`, title: d.title, subAnalysis: d.subAnalysis }],
    };
  });
  return [
    standing(FIRST_STANDING_ITEM, first, 1),
    ...items,
    standing(LAST_STANDING_ITEM, last, deliverables.length + 2),
  ];
}

/** The snapshot of a meeting whose workflow has not started; undefined for an unknown meeting. */
export function notStartedMeeting(
  plan: ProgrammePlan,
  meetingId: string,
  options: { committee?: string; asOf?: string } = {},
): MeetingSnapshot | undefined {
  const meeting = plan.meetings.find((m) => m.id === meetingId);
  if (!meeting) return undefined;
  const deliverables = plannedDeliverables(plan, meetingId);
  const packageAt = packageDispatch(plan, meetingId).at;
  return {
    programmeId: plan.programmeId,
    meetingId,
    title: meeting.title,
    version: 0,
    asOf: options.asOf ?? plan.starts,
    date: meeting.date,
    ...(meeting.time !== undefined && { time: meeting.time }),
    ...(meeting.durationMinutes !== undefined && { durationMinutes: meeting.durationMinutes }),
    ...(meeting.place !== undefined && { place: meeting.place }),
    materialDue: meeting.materialDue,
    packageDate: meeting.packageDate,
    packageAt,
    sequence: 0,
    changes: [],
    deliverables,
    agenda: defaultAgenda(plan, deliverables, options.committee),
    package: {},
    decisions: [],
  };
}
