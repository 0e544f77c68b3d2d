/**
 * One programme: starts a sub-analysis workflow per analysespor and waits for them.
 * Meetings and status reports join this workflow as they are built.
 */
import { ParentClosePolicy, condition, setHandler, startChild } from '@temporalio/workflow';
import type { ProgrammeDefinition } from '../../libs/plan/definition';
import { subAnalysisWorkflowId } from '../ids';
import { subAnalysisWorkflow } from '../sub-analysis/sub-analysis.workflow';
import { subAnalysesStartedUpdate } from './messages';

export interface ProgrammeInput {
  programmeId: string;
  definition: ProgrammeDefinition;
  /** Base of links in messages. */
  publicUrl: string;
}

export interface ProgrammeResult {
  subAnalyses: { id: string; finished: boolean }[];
}

export async function programmeWorkflow(input: ProgrammeInput): Promise<ProgrammeResult> {
  // The API waits on this Update before it answers a start, so that every sub-analysis
  // accepts actions by then.
  let started: string[] | undefined;
  setHandler(subAnalysesStartedUpdate, async () => {
    await condition(() => started !== undefined);
    return { subAnalyses: started! };
  });

  const children = await Promise.all(
    input.definition.subAnalyses.map((s) =>
      startChild(subAnalysisWorkflow, {
        workflowId: subAnalysisWorkflowId(input.programmeId, s.id),
        args: [
          {
            programmeId: input.programmeId,
            subAnalysisId: s.id,
            // Only its own analysespor: the rest would make every child's input, and so
            // the programme's history, grow with the square of the programme's size.
            definition: { ...input.definition, subAnalyses: [s] },
            publicUrl: input.publicUrl,
          },
        ],
        // Sub-analyses live on their own: each continues as new on its own schedule.
        parentClosePolicy: ParentClosePolicy.ABANDON,
      }),
    ),
  );
  started = input.definition.subAnalyses.map((s) => s.id);
  const results = await Promise.all(children.map((c) => c.result()));
  return { subAnalyses: results.map((r) => ({ id: r.subAnalysisId, finished: r.finished })) };
}
