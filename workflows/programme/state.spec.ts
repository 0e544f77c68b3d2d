import { defaultDefinition } from '../../libs/plan/test-fixtures';
import { ProgrammeState } from './state';

describe('ProgrammeState', () => {
  const definition = defaultDefinition();
  const state = new ProgrammeState({ programmeId: 'aarhus', definition, publicUrl: 'https://spor.example.org' });

  it('starts one workflow per sub-analysis, ids from the domain, each with only its own part', () => {
    const workflows = state.subAnalysisWorkflows();
    expect(workflows.map((w) => w.workflowId)).toEqual(
      definition.subAnalyses.map((s) => `programme/aarhus/sub-analysis/${s.id}`),
    );
    for (const w of workflows) {
      expect(w.input.definition.subAnalyses.map((s) => s.id)).toEqual([w.input.subAnalysisId]);
      expect(w.input.definition.committee).toEqual(definition.committee);
      // Only the people its analysespor and the programme's bodies name.
      const sub = w.input.definition.subAnalyses[0];
      for (const lead of sub.projectLeads) expect(w.input.definition.people[lead]).toEqual(definition.people[lead]);
      const others = definition.subAnalyses.filter((s) => s.id !== sub.id).flatMap((s) => s.projectLeads);
      for (const other of others.filter((p) => !sub.projectLeads.includes(p) && !definition.secretariat.includes(p))) {
        if (!definition.steeringGroup.members.includes(other) && !definition.committee.members.includes(other)) {
          expect(w.input.definition.people[other]).toBeUndefined();
        }
      }
    }
  });

  it('starts one status-report workflow for the programme, with the whole definition', () => {
    expect(state.statusReportWorkflow()).toEqual({
      workflowId: 'programme/aarhus/status-reports',
      input: { programmeId: 'aarhus', definition, publicUrl: 'https://spor.example.org' },
    });
  });

  it('answers that its sub-analyses run only once they do', () => {
    expect(state.subAnalysesStarted()).toBeUndefined();
    state.markSubAnalysesStarted();
    expect(state.subAnalysesStarted()).toEqual({ subAnalyses: definition.subAnalyses.map((s) => s.id) });
  });
});
