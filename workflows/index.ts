// Every workflow the worker runs; each lives in its own file with its messages beside it.
export { programmeWorkflow } from './programme/programme.workflow';
export { subAnalysisWorkflow } from './sub-analysis/sub-analysis.workflow';
export { meetingWorkflow } from './meeting/meeting.workflow';
