/**
 * The kinds of scheduled events and which workflow sends an e-mail for each: the one
 * map the schedule (its `notify` flag), the notifications view and the tests read.
 * A kind no workflow sends yet is a calendar item only, so nothing promises an e-mail
 * that never leaves.
 */

export type ScheduledEventKind =
  | 'phase-start'
  | 'phase-due'
  | 'phase-reminder'
  | 'phase-escalation'
  | 'material-due'
  | 'material-reminder'
  | 'material-escalation'
  | 'package-dispatch'
  | 'meeting'
  | 'status-report';

/** The workflows that send messages (folders under workflows/). */
export type SendingWorkflow = 'sub-analysis' | 'meeting' | 'status-report';

export const SENDER_OF: Readonly<Record<ScheduledEventKind, SendingWorkflow | null>> = {
  'phase-reminder': 'sub-analysis',
  'phase-escalation': 'sub-analysis',
  // Programmes started before meetings had workflows of their own: their sub-analyses.
  'material-reminder': 'meeting',
  'material-escalation': 'meeting',
  'package-dispatch': 'meeting',
  // Status reports are scheduled, but no workflow sends them yet.
  'status-report': null,
  'phase-start': null,
  'phase-due': null,
  'material-due': null,
  meeting: null,
};

/** Whether some workflow sends an e-mail for events of this kind. */
export function isNotifying(kind: ScheduledEventKind): boolean {
  return SENDER_OF[kind] !== null;
}

/** The kinds a given workflow sends. */
export function kindsSentBy(workflow: SendingWorkflow): ScheduledEventKind[] {
  return (Object.keys(SENDER_OF) as ScheduledEventKind[]).filter((k) => SENDER_OF[k] === workflow);
}
