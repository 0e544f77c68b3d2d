/**
 * One sub-analysis (analysespor) moving through its phases on the week plan.
 *
 * This file only wires Temporal to the state class (./state.ts): messages to its checks
 * and changes, timers to its next wake-up, activities to its e-mails and read-model
 * records. Every date, reminder and escalation comes from the plan library, the same
 * computation the API's schedule preview runs.
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
import { RECORDING, SENDING } from '../activity-options';
import type { ProgrammeDefinition } from '../../libs/plan/definition';
import type { PlanChangeRecord, SubAnalysisSnapshot } from '../../libs/read-model/contract';
import {
  changePhasePlanUpdate,
  closeGateUpdate,
  completePhaseUpdate,
  openGateUpdate,
  reopenPhaseUpdate,
  startPhaseUpdate,
  stateQuery,
} from './messages';
import { committeeDecisionSignal } from '../meeting/messages';
import { type SubAnalysisCarried, SubAnalysisState } from './state';

export interface SubAnalysisInput {
  programmeId: string;
  subAnalysisId: string;
  definition: ProgrammeDefinition;
  /** Base of links in messages, e.g. http://localhost:3000. */
  publicUrl: string;
  carried?: SubAnalysisCarried;
  /** History length at which the workflow continues as new (default 5,000; tests use less). */
  historyLimit?: number;
}

/** Continue as new well before the history gets heavy (Temporal warns at 10,240 events). */
const HISTORY_LIMIT = 5_000;

const { sendNotification } = proxyActivities<SporActivities>(SENDING);
const { recordSubAnalysis } = proxyActivities<SporActivities>(RECORDING);

export async function subAnalysisWorkflow(input: SubAnalysisInput): Promise<SubAnalysisSnapshot> {
  const { programmeId, subAnalysisId, publicUrl } = input;
  const ids = { programmeId, subAnalysisId, workflowId: workflowInfo().workflowId };
  // Rules that changed while workflows ran: a workflow keeps the ones it started with,
  // across continue-as-new too. Runs carried over before rules were carried had the old ones.
  const rules = input.carried
    ? (input.carried.rules ?? { materialCutoffAtMeetingStart: false, meetingsOwnMaterial: false })
    : {
        materialCutoffAtMeetingStart: patched('material-cutoff-at-meeting-start'),
        meetingsOwnMaterial: patched('meetings-own-material'),
      };
  // The read-model write stays an ordinary activity: as a local activity it stalled every
  // workflow on a worker without a workflow cache (TEMPORAL_MAX_CACHED_WORKFLOWS=0, which
  // the kill tests use), and it bought only part of the complete-phase goal (README).
  const recordReadModel = recordSubAnalysis;
  const state = new SubAnalysisState(ids, input.carried ?? SubAnalysisState.fresh(input.definition, Date.now()), rules);
  // Changed since the loop last looked: any change the state noted after that moment.
  let seenVersion = 0;
  const changed = () => state.version !== seenVersion;

  /**
   * Writes the snapshot and the new history to the read model before anyone is answered;
   * with the API request's id, the same activity completes that request's audit entry.
   */
  const record = async (planChange?: PlanChangeRecord, requestId?: string): Promise<SubAnalysisSnapshot> => {
    const snapshot = state.snapshot(Date.now());
    const history = state.takeHistory();
    if (history.length) {
      const row = { programmeId, subAnalysisId, version: snapshot.version, snapshot };
      await (requestId === undefined
        ? recordReadModel(row, history, planChange)
        : recordReadModel(row, history, planChange, requestId));
    }
    return snapshot;
  };

  setHandler(stateQuery, () => state.snapshot(Date.now()));
  setHandler(committeeDecisionSignal, (decision) => state.committeeDecided(decision, Date.now()));
  setHandler(
    startPhaseUpdate,
    ({ code, by, role, reason, requestId }) => {
      state.startPhase(code, by, Date.now(), role && { role, reason });
      return record(undefined, requestId);
    },
    { validator: ({ code }) => state.checkStart(code) },
  );
  setHandler(
    completePhaseUpdate,
    ({ code, by, note, role, reason, requestId }) => {
      state.completePhase(code, by, note, Date.now(), role && { role, reason });
      return record(undefined, requestId);
    },
    { validator: ({ code }) => state.checkComplete(code) },
  );
  setHandler(
    changePhasePlanUpdate,
    async ({ code, change, reason, by, requestId }) => {
      // A change to the weeks the phase has is no change: no history line, reminders stay.
      // Workflows that ran before recorded it as a change, and replay so.
      if (state.isSamePlan(code, change) && patched('identical-plan-change-is-no-op')) {
        return state.snapshot(Date.now());
      }
      state.changePlan(code, change, reason, by, Date.now());
      return record({ code, change }, requestId);
    },
    { validator: ({ code, change }) => state.checkPlanChange(code, change) },
  );
  setHandler(
    openGateUpdate,
    ({ code, reason, by, requestId }) => {
      state.openGate(code, reason, by, Date.now());
      return record(undefined, requestId);
    },
    { validator: ({ code }) => state.checkOpenGate(code) },
  );
  // Secretariat overrides: handlers added later, so older histories never called them.
  setHandler(
    reopenPhaseUpdate,
    ({ code, reason, by, role, requestId }) => {
      state.reopenPhase(code, by, { role, reason }, Date.now());
      return record(undefined, requestId);
    },
    { validator: ({ code }) => state.checkReopen(code) },
  );
  setHandler(
    closeGateUpdate,
    ({ code, reason, by, role, requestId }) => {
      state.closeGate(code, by, { role, reason }, Date.now());
      return record(undefined, requestId);
    },
    { validator: ({ code }) => state.checkCloseGate(code) },
  );

  if (!input.carried) state.noteStarted(Date.now());
  for (;;) {
    seenVersion = state.version;
    state.startDuePhases(Date.now());
    await record();

    // The clock moves while messages go out, so each event is checked against it in turn.
    for (const event of state.unsentEvents()) {
      if (Date.parse(event.at) > Date.now()) break;
      await sendNotification(state.message(event, publicUrl));
      state.markSent(event.key);
    }
    if (state.finished(Date.now())) break;

    if (workflowInfo().historyLength > (input.historyLimit ?? HISTORY_LIMIT) || workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await record();
      await continueAsNew<typeof subAnalysisWorkflow>({ ...input, carried: state.carried() });
    }

    // Sleep until the next planned start, reminder or escalation, or the end of a
    // meeting's material, or until a message changes the state.
    const next = state.nextWakeUp(Date.now());
    if (next !== undefined) await condition(changed, next - Date.now());
    else await condition(changed);
  }

  state.noteFinished(Date.now());
  await condition(allHandlersFinished);
  return record();
}
