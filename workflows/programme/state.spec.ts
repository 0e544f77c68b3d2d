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
