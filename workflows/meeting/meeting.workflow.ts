/**
 * One committee meeting: collects and reviews the material, reminds the leads whose
 * material is missing or sent back, sends the package on its day, and passes the
 * committee's decisions on to the sub-analyses (whose gates they open) with the
 * Beslutningsprotokol. This file wires Temporal to the state class (./state.ts).
 */
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { SporActivities } from '../../activities';
import { DOCUMENTS, RECORDING, SENDING, SENDING_TOGETHER } from '../activity-options';
import type { ProgrammeDefinition } from '../../libs/plan/definition';
import type { MeetingSnapshot } from '../../libs/read-model/meeting';
import {
  approveDeliverableUpdate,
  changeMeetingUpdate,
  committeeDecisionSignal,
  meetingQuery,
  recordDecisionsUpdate,
  reopenMeetingUpdate,
  requestChangesUpdate,
  setAgendaItemUpdate,
  submitDeliverableUpdate,
} from './messages';
import { type MeetingCarried, MeetingState, type MeetingTask } from './state';
import { batchesOf, runsOf } from '../sending';

/** An e-mail the meeting has to send (several due together go in one batch). */
type Notice = Extract<MeetingTask, { kind: 'notify' }>;
const isNotice = (task: MeetingTask): task is Notice => task.kind === 'notify';

export interface MeetingInput {
  programmeId: string;
  meetingId: string;
  definition: ProgrammeDefinition;
  publicUrl: string;
  carried?: MeetingCarried;
  historyLimit?: number;
}

const HISTORY_LIMIT = 5_000;

const { sendNotification } = proxyActivities<SporActivities>(SENDING);
const { sendNotifications } = proxyActivities<SporActivities>(SENDING_TOGETHER);
const { recordMeeting } = proxyActivities<SporActivities>(RECORDING);
const { assemblePackage, renderProtocol } = proxyActivities<SporActivities>(DOCUMENTS);

export async function meetingWorkflow(input: MeetingInput): Promise<MeetingSnapshot> {
  const { programmeId, meetingId, publicUrl } = input;
  const ids = { programmeId, meetingId, workflowId: workflowInfo().workflowId };
  const state = new MeetingState(
    ids,
    input.carried ?? MeetingState.fresh(input.definition, meetingId, Date.now()),
    publicUrl,
  );
  let recordedVersion = -1;
  let seenVersion = 0;
  const changed = () => state.version !== seenVersion;

  /**
   * Writes the snapshot (and history lines for the sub-analyses) before anyone is answered.
   * With an API request's id, the write also completes that request's audit entry.
   */
  const record = async (requestId?: string): Promise<MeetingSnapshot> => {
    const snapshot = state.snapshot(Date.now());
    const history = state.takeHistory();
    if (snapshot.version !== recordedVersion || history.length || requestId !== undefined) {
      recordedVersion = snapshot.version;
      // Without an id the call stays as it was, so that running workflows replay unchanged.
      await (requestId === undefined ? recordMeeting(snapshot, history) : recordMeeting(snapshot, history, requestId));
    }
    return snapshot;
  };

  setHandler(meetingQuery, () => state.snapshot(Date.now()));
  setHandler(
    submitDeliverableUpdate,
    ({ subAnalysis, file, comment, by, requestId }) => {
      state.submit(subAnalysis, file, comment, by, Date.now());
      return record(requestId);
    },
    { validator: ({ subAnalysis }) => state.checkSubmit(subAnalysis) },
  );
  setHandler(
    approveDeliverableUpdate,
    ({ subAnalysis, by, requestId }) => {
      state.approve(subAnalysis, by, Date.now());
      return record(requestId);
    },
    { validator: ({ subAnalysis }) => state.checkApprove(subAnalysis) },
  );
  setHandler(
    requestChangesUpdate,
    ({ subAnalysis, comment, by, requestId }) => {
      state.requestChanges(subAnalysis, comment!.trim(), by, Date.now());
      return record(requestId);
    },
    { validator: ({ subAnalysis, comment }) => state.checkRequestChanges(subAnalysis, comment) },
  );
  setHandler(
    setAgendaItemUpdate,
    ({ item, settings, requestId }) => {
      state.setAgendaItem(item, settings);
      return record(requestId);
    },
    { validator: ({ item }) => state.checkAgendaItem(item) },
  );
  setHandler(
    changeMeetingUpdate,
    (change) => {
      state.change(change, Date.now());
      return record(change.requestId);
    },
    { validator: (change) => state.checkChange(change) },
  );
  setHandler(
    reopenMeetingUpdate,
    ({ reason, by, requestId }) => {
      state.reopen(reason, by, Date.now());
      return record(requestId);
    },
    { validator: (_args) => state.checkReopen() },
  );
  setHandler(
    recordDecisionsUpdate,
    ({ requestId, ...args }) => {
      state.recordDecisions(args, Date.now(), patched('decisions-queue-for-their-protocol'));
      return record(requestId);
    },
    { validator: (args) => state.checkDecisions(args) },
  );

  const sendNotices = async (notices: Notice[]): Promise<void> => {
    for (const batch of batchesOf(notices)) {
      await sendNotifications(batch.map((n) => n.message));
      for (const n of batch) if (n.eventKey) state.markDone(n.eventKey);
    }
  };

  const perform = async (task: MeetingTask): Promise<void> => {
    if (task.kind === 'notify') {
      await sendNotification(task.message);
      if (task.eventKey) state.markDone(task.eventKey);
    } else if (task.kind === 'package') {
      const snapshot = state.snapshot(Date.now());
      const assembled = await assemblePackage({
        programmeId,
        meetingId,
        details: state.details(),
        agenda: snapshot.agenda,
        createdAt: task.event.at,
      });
      await sendNotification({
        ...state.packageMessage(task.event),
        attachments: [
          { filename: assembled.agendaFileName, sha256: assembled.agendaSha256, contentType: 'application/pdf' },
        ],
        calendar: assembled.invitation,
      });
      state.markDone(task.event.key);
      state.markPackageSent(assembled.zipSha256, assembled.agendaSha256, Date.now());
    } else {
      // Each sub-analysis hears of its decision first; its gate opens from there.
      for (const { subAnalysisWorkflow, decision } of task.decisions) {
        try {
          await getExternalWorkflowHandle(subAnalysisWorkflow).signal(committeeDecisionSignal, decision);
        } catch {
          // A sub-analysis whose workflow has finished (its phases all done) has no gate
          // left to open; the decision stands on the meeting and in the protocol.
        }
      }
      const snapshot = state.snapshot(Date.now());
      const protocol = await renderProtocol({
        details: state.details(),
        agenda: snapshot.agenda,
        decisions: snapshot.decisions,
        createdAt: new Date(Date.now()).toISOString(),
      });
      await sendNotification({
        ...state.protocolMessage(task.number, Date.now()),
        attachments: [
          {
            filename: `Beslutningsprotokol - ${snapshot.title}.pdf`,
            sha256: protocol.sha256,
            contentType: 'application/pdf',
          },
        ],
      });
      state.markProtocolSent(task.number, protocol.sha256, Date.now());
    }
  };

  if (!input.carried) state.noteStarted();
  for (;;) {
    seenVersion = state.version;
    await record();
    const tasks = state.tasks(Date.now());
    // E-mails next to each other go in batches, one activity each (../sending.ts); the
    // package and the protocol wait for what comes before them. Runs that began before
    // this sent one activity per e-mail, and replay so.
    if (patched('meeting-notices-in-batches')) {
      for (const run of runsOf(tasks, isNotice)) {
        if (run.every(isNotice)) await sendNotices(run);
        else await perform(run[0]);
      }
    } else {
      for (const task of tasks) await perform(task);
    }
    await record();
    if (state.finished()) break;

    if (workflowInfo().historyLength > (input.historyLimit ?? HISTORY_LIMIT) || workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await record();
      await continueAsNew<typeof meetingWorkflow>({ ...input, carried: state.carried() });
    }

    const next = state.nextWakeUp(Date.now());
    if (next !== undefined) await condition(changed, next - Date.now());
    else await condition(changed);
  }
  await condition(allHandlersFinished);
  return record();
}
