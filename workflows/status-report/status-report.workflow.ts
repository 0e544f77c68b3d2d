/**
 * A programme's status reports: on its cadence, the leads are asked for their notes two
 * working days before each report (reminded once the day before), and the report is
 * made, stored and sent to the steering group and the secretariat; on demand too,
 * through an Update. This file wires Temporal to the state class (./state.ts).
 */
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { SporActivities } from '../../activities';
import type { ProgrammeDefinition } from '../../libs/plan/definition';
import { DOCUMENTS, RECORDING, SENDING, SENDING_TOGETHER } from '../activity-options';
import { batchesOf } from '../sending';
import { type MadeReportAnswer, giveStatusNoteUpdate, makeReportNowUpdate } from './messages';
import { type StatusReportCarried, StatusReportState, type StatusReportTask } from './state';

export interface StatusReportInput {
  programmeId: string;
  definition: ProgrammeDefinition;
  publicUrl: string;
  carried?: StatusReportCarried;
  historyLimit?: number;
}

const HISTORY_LIMIT = 5_000;

const { sendNotification } = proxyActivities<SporActivities>(SENDING);
const { sendNotifications } = proxyActivities<SporActivities>(SENDING_TOGETHER);
const { recordStatusNote } = proxyActivities<SporActivities>(RECORDING);
const { makeStatusReport } = proxyActivities<SporActivities>(DOCUMENTS);

export async function statusReportWorkflow(input: StatusReportInput): Promise<void> {
  const { programmeId, publicUrl } = input;
  const state = new StatusReportState(
    { programmeId, workflowId: workflowInfo().workflowId },
    input.carried ?? StatusReportState.fresh(Date.now()),
    input.definition,
    publicUrl,
  );
  let seenVersion = 0;
  const changed = () => state.version !== seenVersion;

  /** Makes (or finds made) the report, then sends it; both keyed by the report's id. */
  const report = async (
    id: string,
    kind: 'scheduled' | 'on-demand',
    at: string,
    by?: string,
  ): Promise<MadeReportAnswer> => {
    const made = await makeStatusReport(state.reportRequest(id, kind, at, by));
    await sendNotification(made.message);
    state.markReported(made.at);
    return { id: made.id, at: made.at };
  };

  setHandler(
    giveStatusNoteUpdate,
    async (args) => {
      const note = state.giveNote(args, Date.now());
      await recordStatusNote({
        programmeId,
        subAnalysisId: note.subAnalysis,
        status: note.status,
        text: note.text,
        at: note.at,
        by: note.by,
      });
      return note;
    },
    { validator: (args) => state.checkNote(args) },
  );
  setHandler(
    makeReportNowUpdate,
    ({ by }) => {
      const { id, at } = state.nextOnDemand(Date.now());
      return report(id, 'on-demand', at, by);
    },
    { validator: (_args) => state.checkOnDemand(Date.now()) },
  );

  const perform = async (task: StatusReportTask): Promise<void> => {
    if (task.kind === 'notify') {
      // A round's requests go in batches, one activity each (../sending.ts). Runs that
      // began before this sent one activity per request, and replay so.
      if (patched('status-notes-in-batches')) {
        for (const batch of batchesOf(task.messages)) await sendNotifications(batch);
      } else {
        for (const message of task.messages) await sendNotification(message);
      }
    } else {
      await report(task.id, 'scheduled', task.at);
    }
    state.markDone(task.key);
  };

  for (;;) {
    seenVersion = state.version;
    for (const task of state.tasks(Date.now())) await perform(task);
    if (state.finished(Date.now())) break;

    if (workflowInfo().historyLength > (input.historyLimit ?? HISTORY_LIMIT) || workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof statusReportWorkflow>({ ...input, carried: state.carried() });
    }
    const next = state.nextWakeUp(Date.now());
    if (next !== undefined) await condition(changed, next - Date.now());
    else await condition(changed, Math.max(1, state.endsAtMs - Date.now()));
  }
  await condition(allHandlersFinished);
}
