/**
 * Workflow ids are derived from the programme and sub-analysis ids, so that starting
 * anything twice finds the running workflow instead of starting a second one.
 */
export function programmeWorkflowId(programmeId: string): string {
  return `programme/${programmeId}`;
}

export function subAnalysisWorkflowId(programmeId: string, subAnalysisId: string): string {
  return `programme/${programmeId}/sub-analysis/${subAnalysisId}`;
}
export function meetingWorkflowId(programmeId: string, meetingId: string): string {
  return `programme/${programmeId}/meeting/${meetingId}`;
}

/** The one status-report workflow of a programme. */
export function statusReportWorkflowId(programmeId: string): string {
  return `programme/${programmeId}/status-reports`;
}
