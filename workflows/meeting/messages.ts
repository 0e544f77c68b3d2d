/**
 * The meeting workflow's messages: the API imports these, never the workflow file.
 * Every Update answers the meeting's new snapshot, written to the read model first.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { MeetingChange } from '../../libs/plan/changes';
import type { AgendaItemSettings, DecisionOutcome, MeetingSnapshot, StoredFile } from '../../libs/read-model/meeting';

/**
 * Who acts, and the API request's id when an API request sent the Update: the read-model
 * activity completes that request's audit entry with the change it records.
 */
export interface Acting {
  by: string;
  requestId?: string;
}

export interface SubmitDeliverableArgs extends Acting {
  subAnalysis: string;
  /** Already in the file store, its type found from its content. */
  file: StoredFile;
  comment?: string;
}

export interface ReviewArgs extends Acting {
  subAnalysis: string;
  /** Required when asking for changes; e-mailed to the leads. */
  comment?: string;
}

export interface AgendaItemArgs extends Acting {
  /** A sub-analysis id, or 'godkendelse-af-dagsorden' / 'eventuelt'. */
  item: string;
  settings: AgendaItemSettings;
}

export interface MeetingChangeArgs extends MeetingChange, Acting {
  reason: string;
}

/** The change itself, without who made it, why, and the request that asked. */
export function whatChanges(change: MeetingChangeArgs): MeetingChange {
  const { reason: _reason, by: _by, requestId: _requestId, ...what } = change;
  return what;
}

export interface DecisionsArgs extends Acting {
  items: { subAnalysis: string; outcome: DecisionOutcome; input: string }[];
}

export interface ReopenArgs extends Acting {
  reason: string;
}

export const submitDeliverableUpdate = defineUpdate<MeetingSnapshot, [SubmitDeliverableArgs]>('submitDeliverable');
export const approveDeliverableUpdate = defineUpdate<MeetingSnapshot, [ReviewArgs]>('approveDeliverable');
export const requestChangesUpdate = defineUpdate<MeetingSnapshot, [ReviewArgs]>('requestChanges');
export const setAgendaItemUpdate = defineUpdate<MeetingSnapshot, [AgendaItemArgs]>('setAgendaItem');
export const changeMeetingUpdate = defineUpdate<MeetingSnapshot, [MeetingChangeArgs]>('changeMeeting');
export const recordDecisionsUpdate = defineUpdate<MeetingSnapshot, [DecisionsArgs]>('recordDecisions');
export const reopenMeetingUpdate = defineUpdate<MeetingSnapshot, [ReopenArgs]>('reopenMeeting');
export const meetingQuery = defineQuery<MeetingSnapshot>('meeting');

/**
 * Sent by a meeting workflow to a sub-analysis workflow when the committee has decided
 * on its agenda item: opening outcomes open the gates that wait on the meeting.
 */
export interface CommitteeDecision {
  meeting: string;
  meetingTitle: string;
  outcome: DecisionOutcome;
  input: string;
  decidedAt: string;
  by: string;
}
export const committeeDecisionSignal = defineSignal<[CommitteeDecision]>('committeeDecision');
