/**
 * The programme workflow's messages, imported by the API.
 */
import { defineUpdate } from '@temporalio/workflow';

export interface SubAnalysesStarted {
  /** Ids of the sub-analyses whose workflows are running. */
  subAnalyses: string[];
}

/**
 * Answers once every sub-analysis workflow of the programme has started, so that the
 * API's `POST …/start` returns only when each sub-analysis accepts its actions.
 */
export const subAnalysesStartedUpdate = defineUpdate<SubAnalysesStarted>('subAnalysesStarted');
