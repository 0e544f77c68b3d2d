/**
 * One programme: starts a sub-analysis workflow per analysespor and waits for them.
 * Meetings and status reports join this workflow as they are built. The state lives
 * in ./state.ts; this file wires it to Temporal.
 */
import { ParentClosePolicy, condition, patched, setHandler, startChild } from '@temporalio/workflow';
import { meetingWorkflow } from '../meeting/meeting.workflow';
import { subAnalysisWorkflow } from '../sub-analysis/sub-analysis.workflow';
import { subAnalysesStartedUpdate } from './messages';
import { type ProgrammeInput, ProgrammeState } from './state';

export type { ProgrammeInput } from './state';

export interface ProgrammeResult {
  subAnalyses: { id: string; finished: boolean }[];
}

export async function programmeWorkflow(input: ProgrammeInput): Promise<ProgrammeResult> {
  const state = new ProgrammeState(input);
  // The API waits on this Update before it answers a start, so that every sub-analysis
  // accepts actions by then.
  setHandler(subAnalysesStartedUpdate, async () => {
    await condition(() => state.subAnalysesStarted() !== undefined);
    return state.subAnalysesStarted()!;
  });

  const children = await Promise.all(
    state.subAnalysisWorkflows().map(({ workflowId, input: childInput }) =>
      startChild(subAnalysisWorkflow, {
        workflowId,
        args: [childInput],
        // Sub-analyses live on their own: each continues as new on its own schedule.
        parentClosePolicy: ParentClosePolicy.ABANDON,
      }),
    ),
  );
  // Programmes started before meetings had workflows of their own go on without them.
  if (patched('meeting-workflows')) {
    await Promise.all(
      state.meetingWorkflows().map(({ workflowId, input: meetingInput }) =>
        startChild(meetingWorkflow, {
          workflowId,
          args: [meetingInput],
          parentClosePolicy: ParentClosePolicy.ABANDON,
        }),
      ),
    );
  }
  state.markSubAnalysesStarted();
  const results = await Promise.all(children.map((c) => c.result()));
  return { subAnalyses: results.map((r) => ({ id: r.subAnalysisId, finished: r.finished })) };
}
