/**
 * The sub-analysis workflow's messages: the API imports these, never the workflow file.
 * Every Update answers the new snapshot, written to the read model before the answer.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { PhaseWeeksChange } from '../../libs/plan/changes';
import type { SubAnalysisSnapshot } from '../../libs/read-model/contract';
import type { ActingRole } from '../../libs/texts/history';

export type { ActingRole } from '../../libs/texts/history';

export interface PhaseActionArgs {
  code: string;
  /** E-mail of the person acting (the API has checked their role). */
  by: string;
  note?: string;
  /**
   * The role the person acted in. Updates sent before overrides existed carry none, and
   * their history lines stay as they were written.
   */
  role?: ActingRole;
  /** Why the secretariat acted on a lead's behalf (the API requires it then). */
  reason?: string;
  /** The API request's id: the read-model activity completes its audit entry with the change. */
  requestId?: string;
}

/** A secretariat override that undoes something: reopening a phase, closing a gate. */
export interface OverrideArgs {
  code: string;
  reason: string;
  by: string;
  role: ActingRole;
  /** The API request's id, as for phase actions. */
  requestId?: string;
}

export interface PhasePlanChangeArgs {
  code: string;
  change: PhaseWeeksChange;
  reason: string;
  by: string;
  requestId?: string;
}

export interface GateOpenArgs {
  code: string;
  reason: string;
  by: string;
  requestId?: string;
}

export const startPhaseUpdate = defineUpdate<SubAnalysisSnapshot, [PhaseActionArgs]>('startPhase');
export const completePhaseUpdate = defineUpdate<SubAnalysisSnapshot, [PhaseActionArgs]>('completePhase');
export const changePhasePlanUpdate = defineUpdate<SubAnalysisSnapshot, [PhasePlanChangeArgs]>('changePhasePlan');
export const openGateUpdate = defineUpdate<SubAnalysisSnapshot, [GateOpenArgs]>('openGate');
/** Makes a completed phase active again (refused once a phase waiting for it has started). */
export const reopenPhaseUpdate = defineUpdate<SubAnalysisSnapshot, [OverrideArgs]>('reopenPhase');
/** Closes a gate opened by mistake (refused once its phase has started). */
export const closeGateUpdate = defineUpdate<SubAnalysisSnapshot, [OverrideArgs]>('closeGate');
export const stateQuery = defineQuery<SubAnalysisSnapshot>('state');
