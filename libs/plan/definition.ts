/**
 * The programme definition format (shared/specs/programme-format.md) as a zod
 * schema, and the TypeScript types of a checked definition.
 *
 * The schema checks shape, types and formats. Everything that needs more than
 * one field at a time (references, uniqueness, cycles, weeks of the year,
 * dates in order) is checked in validate.ts.
 *
 * Objects are strict so unknown fields show up as issues; validate.ts turns
 * those into warnings (extensions are allowed, typos should be visible).
 */
import { z } from 'zod';
import { WEEKDAYS, isValidIsoDate, isValidTimeOfDay, isValidTimeZone } from './working-days';
import { parseWeeksField } from './dates';

export const DEFAULT_TIMEZONE = 'Europe/Copenhagen';
export const DEFAULT_PACKAGE_LEAD_DAYS = 5;
export const DEFAULT_REMINDERS = { beforeDue: [5, 1], onDueDay: true, overdueEvery: 5, time: '09:00' } as const;
export const MIN_YEAR = 1970;
export const MAX_YEAR = 2200;

/** Programme ids: also used in URLs. */
export const PROGRAMME_ID = /^[a-z0-9-]{3,64}$/;
/** Sub-analysis and meeting ids: URL segments and parts of event keys, so no '/'. */
export const LOCAL_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** Phase codes ("1", "2A", "3"): parts of event keys and URLs. */
export const PHASE_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;
const WEEK_LABEL = /^\d{4}-W\d{1,2}$/;

/**
 * A specific message for a field's problems, except when the field is missing:
 * that falls through to the generic "Required field … is missing" (validate.ts).
 */
const msg =
  (message: string) =>
  (issue: { input?: unknown }): string | undefined =>
    issue.input === undefined ? undefined : message;

const text = z
  .string()
  .trim()
  .min(1, { error: msg('Must not be empty.') });

const programmeId = z.string().regex(PROGRAMME_ID, {
  error: msg('Must be 3–64 characters of lowercase letters a–z, digits and hyphens.'),
});

const localId = z.string().regex(LOCAL_ID, {
  error: msg('Must be lowercase letters a–z, digits and hyphens (at most 64), starting with a letter or digit.'),
});

/** YAML reads `code: 1` as a number; codes are text, so numbers are accepted and turned into text. */
const phaseCode = z
  .union([z.string(), z.number().int().nonnegative()])
  .transform(String)
  .pipe(
    z.string().regex(PHASE_CODE, {
      error: msg('A phase code must be letters, digits, ".", "_" or "-" (at most 32), such as "2A".'),
    }),
  );

const personRef = z.string().min(1, { error: msg('Must name a key under people.') });

const year = z
  .number()
  .int({ error: msg('Must be a whole year such as 2025.') })
  .min(MIN_YEAR, { error: msg(`Must be a year from ${MIN_YEAR} to ${MAX_YEAR}.`) })
  .max(MAX_YEAR, { error: msg(`Must be a year from ${MIN_YEAR} to ${MAX_YEAR}.`) });

const isoDate = z.string().refine(isValidIsoDate, { error: msg('Must be a real date written YYYY-MM-DD.') });

const weekday = z.enum(WEEKDAYS, { error: msg(`Must be a weekday in English: ${WEEKDAYS.join(', ')}.`) });

const timeOfDay = z
  .string()
  .refine(isValidTimeOfDay, { error: msg('Must be a time of day written HH:MM, such as "09:00".') });

/** Week numbers are checked against the year in validate.ts; here only their type. */
const weekNumber = z.number().int({ error: msg('A week number must be a whole number.') });

const weekDate = z.strictObject({
  week: weekNumber,
  weekday: weekday.optional(),
  year: year.optional(),
});

const dateSpec = z.union([isoDate, weekDate], {
  error: msg('Must be a date (YYYY-MM-DD) or a week, such as { week: 32 } or { week: 35, weekday: monday }.'),
});

const weeksField = z
  .union([z.string(), z.number().int()])
  .transform(String)
  .pipe(
    z.string().refine((w) => parseWeeksField(w) !== undefined, {
      error: msg('Must be a week or a range of weeks, such as "14" or "14-16".'),
    }),
  );

const weekLabel = z
  .string()
  .regex(WEEK_LABEL, { error: msg('Must be an ISO week written YYYY-Www, such as 2026-W50.') });

const person = z.strictObject({
  name: text,
  email: z.email({ error: msg('Must be a valid e-mail address.') }),
});

const reminderFields = {
  beforeDue: z.array(
    z
      .number()
      .int({ error: msg('Must be a whole number of working days.') })
      .min(1, { error: msg('Must be at least 1 working day (use onDueDay for the due day itself).') })
      .max(250, { error: msg('Must be at most 250 working days.') }),
  ),
  onDueDay: z.boolean(),
  overdueEvery: z
    .number()
    .int({ error: msg('Must be a whole number of working days.') })
    .min(0, { error: msg('Must be 0 (escalate once) or more working days.') })
    .max(250, { error: msg('Must be at most 250 working days.') }),
  time: timeOfDay,
};

const reminders = z
  .strictObject({
    beforeDue: reminderFields.beforeDue.default([...DEFAULT_REMINDERS.beforeDue]),
    onDueDay: reminderFields.onDueDay.default(DEFAULT_REMINDERS.onDueDay),
    overdueEvery: reminderFields.overdueEvery.default(DEFAULT_REMINDERS.overdueEvery),
    time: reminderFields.time.default(DEFAULT_REMINDERS.time),
  })
  .prefault({});

/** A sub-analysis may override any of the programme's reminder settings. */
const reminderOverride = z.strictObject({
  beforeDue: reminderFields.beforeDue.optional(),
  onDueDay: reminderFields.onDueDay.optional(),
  overdueEvery: reminderFields.overdueEvery.optional(),
  time: reminderFields.time.optional(),
});

const phase = z.strictObject({
  code: phaseCode,
  title: text,
  /** Extension: a longer description of the phase. */
  description: text.optional(),
  weeks: weeksField.optional(),
  from: weekLabel.optional(),
  to: weekLabel.optional(),
  after: z.array(phaseCode).default([]),
  gate: z.strictObject({ meeting: localId }).optional(),
});

const deliverable = z.strictObject({
  meeting: localId,
  title: text,
  /** Extension: the phase whose work the material is; see validate.ts for the default. */
  producedBy: phaseCode.optional(),
});

const subAnalysis = z.strictObject({
  id: localId,
  title: text,
  track: z
    .number()
    .int()
    .positive({ error: msg('A track number must be a positive whole number.') })
    .optional(),
  drivingDepartment: text.optional(),
  departments: z.array(text).default([]),
  projectOwner: personRef.optional(),
  projectLeads: z.array(personRef).min(1, { error: msg('Every sub-analysis needs at least one project lead.') }),
  reminders: reminderOverride.optional(),
  phases: z.array(phase).min(1, { error: msg('A sub-analysis needs at least one phase.') }),
  deliverables: z.array(deliverable).default([]),
});

const meeting = z.strictObject({
  id: localId,
  title: text,
  date: dateSpec,
  materialDue: dateSpec,
  /** Start, local time. */
  time: timeOfDay.optional(),
  /** How long, e.g. "2h", "90m" or "1h30m". */
  duration: z
    .string()
    .regex(/^(?=\d)(\d+h)?(\d+m)?$/, { error: msg('Must be hours and minutes such as 2h, 90m or 1h30m.') })
    .optional(),
  place: text.optional(),
});

const statusReports = z.strictObject({
  every: z.enum(['week', 'fortnight', 'month'], { error: msg('Must be week, fortnight or month.') }),
  weekday: weekday.default('monday'),
  time: timeOfDay.default('08:00'),
});

export const programmeSchema = z.strictObject({
  id: programmeId,
  title: text,
  year,
  timezone: z
    .string()
    .refine(isValidTimeZone, { error: msg('Must be an IANA time zone such as Europe/Copenhagen.') })
    .default(DEFAULT_TIMEZONE),
  holidays: z.enum(['dk', 'none'], { error: msg('Must be dk (Danish public holidays) or none.') }).default('dk'),
  closedDays: z.array(isoDate).default([]),
  people: z.record(z.string().min(1, { error: msg('A person key must not be empty.') }), person),
  secretariat: z.array(personRef).min(1, { error: msg('The programme needs at least one secretariat member.') }),
  steeringGroup: z.strictObject({
    name: text,
    members: z.array(personRef).min(1, { error: msg('The steering group needs at least one member.') }),
    statusReports: statusReports.optional(),
  }),
  committee: z.strictObject({
    name: text,
    members: z.array(personRef).min(1, { error: msg('The committee needs at least one member.') }),
    packageLeadDays: z
      .number()
      .int({ error: msg('Must be a whole number of working days.') })
      .min(0, { error: msg('Must be 0 or more working days.') })
      .max(60, { error: msg('Must be at most 60 working days.') })
      .default(DEFAULT_PACKAGE_LEAD_DAYS),
    meetings: z.array(meeting).default([]),
  }),
  reminders,
  subAnalyses: z.array(subAnalysis).min(1, { error: msg('A programme needs at least one sub-analysis.') }),
});

/** A checked definition with defaults filled in. */
export type ProgrammeDefinition = z.output<typeof programmeSchema>;
/** What an author may write (defaults optional, codes as numbers allowed). */
export type ProgrammeDefinitionInput = z.input<typeof programmeSchema>;
export type PersonDefinition = ProgrammeDefinition['people'][string];
export type SubAnalysisDefinition = ProgrammeDefinition['subAnalyses'][number];
export type PhaseDefinition = SubAnalysisDefinition['phases'][number];
export type DeliverableDefinition = SubAnalysisDefinition['deliverables'][number];
export type MeetingDefinition = ProgrammeDefinition['committee']['meetings'][number];
export type ReminderSettings = ProgrammeDefinition['reminders'];
export type ReminderOverride = NonNullable<SubAnalysisDefinition['reminders']>;
export type StatusReportSettings = NonNullable<ProgrammeDefinition['steeringGroup']['statusReports']>;
