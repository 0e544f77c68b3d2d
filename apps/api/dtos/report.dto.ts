import { z } from 'zod';
import { NOTE_MAX_LENGTH } from '../../../workflows/status-report/messages';

const instant = z.string().describe('ISO 8601 instant');
const reportStatus = z.enum(['on-track', 'at-risk', 'late']).describe('På sporet, Risiko, Forsinket');

/** A lead's own word on a sub-analysis before a status report. */
export const statusNoteBodySchema = z.strictObject({
  status: reportStatus,
  text: z.string().trim().min(1, 'must say something').max(NOTE_MAX_LENGTH).describe('One to three sentences'),
});

export const statusNoteSchema = z.object({
  subAnalysis: z.string(),
  status: reportStatus,
  text: z.string(),
  at: instant,
  by: z.string(),
});

export const statusNoteAnswerSchema = z.object({
  note: statusNoteSchema.nullable().describe('The latest note, or null when none was given'),
});

export const reportSummarySchema = z.object({
  id: z.string().describe("The report's day, with -N for the N-th report made on demand that day"),
  at: instant,
  kind: z.enum(['scheduled', 'on-demand']),
  createdBy: z.string().nullable(),
  links: z.object({ json: z.string(), html: z.string(), pdf: z.string(), page: z.string() }),
});

export const reportListSchema = z.array(reportSummarySchema).describe('Newest first');

const subAnalysisReport = z.looseObject({
  id: z.string(),
  title: z.string(),
  status: reportStatus,
  statusLabel: z.string(),
  statusReasons: z.array(z.string()),
  note: z
    .looseObject({ status: reportStatus, text: z.string(), at: instant, disagrees: z.boolean() })
    .nullable()
    .describe("The lead's note given since the previous report, or null (ingen bemærkning)"),
  phases: z.array(z.looseObject({ code: z.string(), state: z.string(), overdueWorkingDays: z.number().int() })),
  changes: z.array(z.looseObject({ kind: z.string(), text: z.string() })).nullable(),
});

/** A stored report: made once, never recomputed (libs/reports StatusReport). */
export const reportDetailSchema = reportSummarySchema.extend({
  report: z.looseObject({
    format: z.number().int(),
    programme: z.object({ id: z.string(), title: z.string() }),
    at: instant,
    date: z.string(),
    week: z.number().int(),
    counts: z.object({ 'on-track': z.number().int(), 'at-risk': z.number().int(), late: z.number().int() }),
    subAnalyses: z.array(subAnalysisReport),
    statusRules: z.array(z.string()),
  }),
});
