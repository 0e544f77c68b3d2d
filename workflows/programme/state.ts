/**
 * The state of one programme: which workflows it starts, with which input, and whether
 * they run yet. Pure, unit-tested beside it; meetings and status reports join here.
 */
import type { ProgrammeDefinition } from '../../libs/plan/definition';
import { meetingWorkflowId, statusReportWorkflowId, subAnalysisWorkflowId } from '../ids';
import type { MeetingInput } from '../meeting/meeting.workflow';
import type { StatusReportInput } from '../status-report/status-report.workflow';
import type { SubAnalysisInput } from '../sub-analysis/sub-analysis.workflow';
import type { SubAnalysesStarted } from './messages';

export interface ProgrammeInput {
  programmeId: string;
  definition: ProgrammeDefinition;
  /** Base of links in messages. */
  publicUrl: string;
}

export class ProgrammeState {
  private started: string[] | undefined;

  constructor(private readonly input: ProgrammeInput) {}

  /** One sub-analysis workflow per analysespor, each with only its own part of the definition. */
  subAnalysisWorkflows(): { workflowId: string; input: SubAnalysisInput }[] {
    const { programmeId, definition, publicUrl } = this.input;
    return definition.subAnalyses.map((s) => ({
      workflowId: subAnalysisWorkflowId(programmeId, s.id),
      // Only its own analysespor: the rest would make every child's input, and so the
      // programme's history, grow with the square of the programme's size.
      // The same holds for the people: only those this analysespor and the programme's
      // bodies name (at 1,000 sub-analyses the whole list made the start one task of
      // ~80 MB of commands, which Temporal refuses).
      input: { programmeId, subAnalysisId: s.id, definition: onlySubAnalysis(definition, s), publicUrl },
    }));
  }

  /** One meeting workflow per committee meeting, each with the definition it needs. */
  meetingWorkflows(): { workflowId: string; input: MeetingInput }[] {
    const { programmeId, definition, publicUrl } = this.input;
    return definition.committee.meetings.map((m) => ({
      workflowId: meetingWorkflowId(programmeId, m.id),
      input: { programmeId, meetingId: m.id, definition, publicUrl },
    }));
  }

  /** The programme's one status-report workflow. */
  statusReportWorkflow(): { workflowId: string; input: StatusReportInput } {
    const { programmeId, definition, publicUrl } = this.input;
    return { workflowId: statusReportWorkflowId(programmeId), input: { programmeId, definition, publicUrl } };
  }

  markSubAnalysesStarted(): void {
    this.started = this.input.definition.subAnalyses.map((s) => s.id);
  }

  /** The answer to `subAnalysesStarted`, once there is one. */
  subAnalysesStarted(): SubAnalysesStarted | undefined {
    return this.started && { subAnalyses: this.started };
  }
}

/** The definition with only `sub` and the people it, the secretariat, the steering group and the committee name. */
function onlySubAnalysis(definition: ProgrammeDefinition, sub: ProgrammeDefinition['subAnalyses'][number]) {
  const named = new Set([
    ...definition.secretariat,
    ...definition.steeringGroup.members,
    ...definition.committee.members,
    ...sub.projectLeads,
    ...(sub.projectOwner ? [sub.projectOwner] : []),
  ]);
  const people = Object.fromEntries(Object.entries(definition.people).filter(([key]) => named.has(key)));
  return { ...definition, people, subAnalyses: [sub] };
}
