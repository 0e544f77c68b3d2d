/**
 * The status-report workflow's messages, imported by the API. Each Update answers once
 * what it did is in the database (the note in `status_note`, the report in
 * `status_report` and sent).
 */
import { defineUpdate } from '@temporalio/workflow';
import type { ReportStatus } from '../../libs/reports/rag';

/** Notes are one to three sentences; this keeps a pasted document out. */
export const NOTE_MAX_LENGTH = 600;

export interface StatusNoteArgs {
  subAnalysis: string;
  status: ReportStatus;
  /** One to three sentences. */
  text: string;
  by: string;
}

export interface GivenStatusNote {
  subAnalysis: string;
  status: ReportStatus;
  text: string;
  at: string;
  by: string;
}

export interface ReportNowArgs {
  by: string;
}

export interface MadeReportAnswer {
  id: string;
  at: string;
}

export const giveStatusNoteUpdate = defineUpdate<GivenStatusNote, [StatusNoteArgs]>('giveStatusNote');
/** Makes and sends a report now, under the next on-demand id: once, whatever retries happen. */
export const makeReportNowUpdate = defineUpdate<MadeReportAnswer, [ReportNowArgs]>('makeReportNow');
