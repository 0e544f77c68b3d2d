import { emailWithinLimits } from '../../../libs/plan/text-limits';
import { z } from 'zod';
import type { ProgrammePlan } from '../../../libs/plan';
import { programmeSchema } from '../../../libs/plan/definition';
import { problemSchema } from './error.dto';

const isoDate = z.string().describe('YYYY-MM-DD');
const instant = z.string().describe('ISO 8601 instant');

/**
 * A programme definition in the programme format; the same schema checks it (with the
 * cross-field rules of libs/plan/validate.ts on top).
 */
export const definitionSchema = programmeSchema;

const reminders = z.object({
  beforeDue: z.array(z.number().int()),
  onDueDay: z.boolean(),
  overdueEvery: z.number().int(),
  time: z.string(),
});

export const meetingSchema = z.object({
  id: z.string(),
  title: z.string(),
  date: isoDate,
  materialDue: isoDate,
  packageDate: isoDate,
  week: z.number().int(),
});

/** The plan computed from a definition: every date the programme runs on. */
export const planSchema = z.object({
  programmeId: z.string(),
  title: z.string(),
  year: z.number().int(),
  timezone: z.string(),
  holidays: z.enum(['dk', 'none']),
  closedDays: z.array(isoDate),
  packageLeadDays: z.number().int(),
  reminders,
  statusReports: z
    .object({ every: z.enum(['week', 'fortnight', 'month']), weekday: z.string(), time: z.string() })
    .optional(),
  subAnalyses: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      track: z.number().int().optional(),
      drivingDepartment: z.string().optional(),
      departments: z.array(z.string()),
      phases: z.array(
        z.object({
          code: z.string(),
          title: z.string(),
          description: z.string().optional(),
          after: z.array(z.string()),
          gate: z.object({ meeting: z.string() }).optional(),
          weeks: z.string(),
          plannedStart: isoDate,
          due: isoDate,
          startWeek: z.string(),
          dueWeek: z.string(),
          plannedStartAt: instant,
          overdueFrom: instant,
        }),
      ),
      deliverables: z.array(
        z.object({ meeting: z.string(), title: z.string(), materialDue: isoDate, producedBy: z.array(z.string()) }),
      ),
      projectLeads: z.array(z.string()),
      projectOwner: z.string().optional(),
      reminders,
    }),
  ),
  meetings: z.array(meetingSchema),
  secretariat: z.array(z.string()),
  steeringGroup: z.array(z.string()),
  committee: z.array(z.string()),
  people: z.record(z.string(), z.string()),
  starts: isoDate,
  ends: isoDate,
}) satisfies z.ZodType<Omit<ProgrammePlan, 'statusReports'>>;

const programmeSummary = z.object({
  id: z.string(),
  title: z.string(),
  year: z.number().int(),
  startedAt: instant.nullable(),
  createdAt: instant,
  plan: planSchema,
});

export const programmeListSchema = z.array(programmeSummary);

export const programmeViewSchema = programmeSummary.extend({ definition: programmeSchema });

export const validationAnswerSchema = z.object({
  valid: z.boolean(),
  errors: z.array(problemSchema),
  warnings: z.array(problemSchema),
  plan: planSchema.nullable().describe('null when the definition is not valid'),
});

export const programmeStartedSchema = z.object({
  programmeId: z.string(),
  workflowId: z.string(),
  startedAt: instant,
  subAnalyses: z.array(z.string()).describe('The sub-analyses whose workflows run; each accepts actions at once'),
});

/** One event of the schedule; kinds and fields may grow as the schedule does. */
export const scheduledEventSchema = z.looseObject({
  key: z.string(),
  kind: z.string(),
  at: instant,
  date: isoDate,
  week: z.number().int(),
  subAnalysis: z.string().optional(),
  phase: z.string().optional(),
  meeting: z.string().optional(),
  recipients: z.array(z.string()),
  due: isoDate.optional(),
  overdueWorkingDays: z.number().int().optional(),
  daysBefore: z.number().int().optional(),
  title: z.string().describe('Danish'),
  allDay: z.boolean(),
  notify: z.boolean(),
});

export const scheduleSchema = z.array(scheduledEventSchema);

const notification = z.object({
  key: z.string(),
  kind: z.string(),
  subAnalysis: z.string().nullable(),
  recipients: z.array(z.string()),
  subject: z.string(),
  dueAt: instant,
  sentAt: instant.nullable(),
});

export const notificationsSchema = z.object({
  sent: z.array(notification),
  upcoming: z.array(notification),
});

export const calendarQuerySchema = z.object({
  person: z
    .email('must be an e-mail address')
    .refine(emailWithinLimits, 'must be at most 254 characters, with at most 64 before the @')
    .optional(),
});
