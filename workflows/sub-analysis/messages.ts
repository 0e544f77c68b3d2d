/**
 * The sub-analysis workflow's messages: the API imports these, never the workflow file.
 * Every Update answers the new snapshot, written to the read model before the answer.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { PhaseWeeksChange } from '../../libs/plan/changes';
import type { SubAnalysisSnapshot } from '../../libs/read-model/contract';

export interface PhaseActionArgs {
  code: string;
  /** E-mail of the person acting (the API has checked their role). */
  by: string;
  note?: string;
  /** The API request's id: the read-model activity completes its audit entry with the change. */
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
export const stateQuery = defineQuery<SubAnalysisSnapshot>('state');
