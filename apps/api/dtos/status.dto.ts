import { z } from 'zod';
import type { SubAnalysisSnapshot } from '../../../libs/read-model/contract';
import type { ProgrammeStatus } from '../../../libs/status';
import { OUTCOME_KEYS } from '../../../libs/documents/outcomes';
import { meetingSchema } from './programme.dto';

const isoDate = z.string().describe('YYYY-MM-DD');
const instant = z.string().describe('ISO 8601 instant');

export const phaseSnapshotSchema = z.object({
  code: z.string(),
  title: z.string(),
  state: z.enum(['planned', 'ready', 'active', 'completed']),
  weeks: z.string(),
  after: z.array(z.string()),
  plannedStart: isoDate,
  due: isoDate,
  startWeek: z.string(),
  dueWeek: z.string(),
  actualStart: instant.optional(),
  startedBy: z.string().optional(),
  completedAt: instant.optional(),
  completedBy: z.string().optional(),
  note: z.string().optional(),
  gate: z
    .object({
      meeting: z.string(),
      open: z.boolean(),
      openedAt: instant.optional(),
      openedBy: z.string().optional(),
      reason: z.string().optional(),
    })
    .optional(),
  waitingFor: z.string().optional().describe('Why a planned phase is not ready yet, in Danish'),
});

export const deliverableSnapshotSchema = z.object({
  meeting: z.string(),
  title: z.string(),
  materialDue: isoDate,
  state: z.enum(['missing', 'submitted', 'changes_requested', 'approved']),
  approvedAt: instant.optional(),
});

/** What every sub-analysis action answers: the sub-analysis as its workflow now sees it. */
export const subAnalysisSnapshotSchema = z.object({
  programmeId: z.string(),
  subAnalysisId: z.string(),
  title: z.string(),
  version: z.number().int(),
  asOf: z.string(),
  phases: z.array(phaseSnapshotSchema),
  deliverables: z.array(deliverableSnapshotSchema),
  finished: z.boolean(),
}) satisfies z.ZodType<SubAnalysisSnapshot>;

export const subAnalysisStatusSchema = z.object({
  id: z.string(),
  title: z.string(),
  phases: z.array(
    phaseSnapshotSchema.extend({
      overdueWorkingDays: z.number().int().describe('Working days past the due date, 0 when not overdue'),
    }),
  ),
  deliverables: z.array(deliverableSnapshotSchema),
  nextDeadline: z
    .object({
      kind: z.enum(['phase', 'material']),
      phase: z.string().optional(),
      meeting: z.string().optional(),
      date: isoDate,
      overdue: z.boolean(),
      overdueWorkingDays: z.number().int().describe('Working days past the date, 0 when not overdue'),
    })
    .nullable()
    .describe('The most pressing open deadline: an overdue one first, else the next to come'),
  finished: z.boolean(),
});

export const programmeStatusSchema = z.object({
  programme: z.object({ id: z.string(), title: z.string(), startedAt: instant.nullable() }),
  asOf: instant,
  nextMeeting: meetingSchema.nullable(),
  subAnalyses: z.array(subAnalysisStatusSchema),
}) satisfies z.ZodType<ProgrammeStatus>;

/** A sub-analysis' page: its status, who leads it, and its history. */
export const subAnalysisDetailSchema = subAnalysisStatusSchema.extend({
  track: z.number().int().optional(),
  projectLeads: z.array(z.string()),
  projectOwner: z.string().optional(),
  /** The committee's decisions on the sub-analysis, one per meeting. */
  decisions: z.array(
    z.object({
      meeting: z.string(),
      meetingTitle: z.string(),
      outcome: z.enum(OUTCOME_KEYS),
      input: z.string(),
      decidedAt: instant,
    }),
  ),
  history: z.array(
    z.object({
      at: instant,
      kind: z.string(),
      phase: z.string().nullable(),
      actor: z.string().nullable(),
      text: z.string().describe('Danish'),
    }),
  ),
});
