import { z } from 'zod';
import { ACCEPTED_TYPES, type FileKind } from '../../../libs/documents/file-types';
import { AGENDA_METHODS } from '../../../libs/documents/meeting-model';
import { OUTCOME_KEYS } from '../../../libs/documents/outcomes';
import type { MeetingSnapshot } from '../../../libs/read-model/meeting';
import { isValidIsoDate, isValidTimeOfDay } from '../../../libs/plan/working-days';

const isoDate = z.string().describe('YYYY-MM-DD');
const instant = z.string().describe('ISO 8601 instant');
const reason = z.string().trim().min(1, 'must say why').max(2000);
const text = (max: number) => z.string().trim().max(max);

const dateField = z.string().refine(isValidIsoDate, 'must be a date as YYYY-MM-DD').describe('YYYY-MM-DD');
const timeField = z.string().refine(isValidTimeOfDay, 'must be a time as HH:MM').describe('HH:MM, local time');

// ---- Bodies ----

/** PATCH …/meetings/{mid}: what moves, and why; at least one thing must move. */
export const changeMeetingBodySchema = z
  .strictObject({
    date: dateField.optional(),
    time: timeField.optional(),
    place: text(200).min(1, 'must not be empty').optional(),
    materialDue: dateField.optional().describe('YYYY-MM-DD; the material deadline'),
    reason,
  })
  .refine((b) => [b.date, b.time, b.place, b.materialDue].some((v) => v !== undefined), {
    message: 'give at least one of date, time, place or materialDue',
    path: ['date'],
  });

/** The multipart form of an upload, for the OpenAPI document (multer reads it, not zod). */
export const uploadFormSchema = z.object({
  file: z.string().describe('The file (binary): PDF, DOCX, XLSX, PPTX, Markdown or plain text'),
  comment: z.string().max(4000).optional().describe('A note to the secretariat'),
});
/** The text fields beside the file. */
export const uploadFieldsSchema = z.strictObject({ comment: text(4000).optional() });

export const requestChangesBodySchema = z.strictObject({
  comment: text(4000).min(1, 'must say what to change'),
});

export const approveBodySchema = z.strictObject({});

/** PATCH …/items/{sid}: any of the fields; absent ones keep their value. */
export const agendaItemBodySchema = z
  .strictObject({
    title: text(300).min(1, 'must not be empty').optional(),
    background: text(20_000).optional().describe('Baggrund'),
    recommendation: text(4000).optional().describe('Indstilling: "Det indstilles, at udvalget …"'),
    method: z
      .enum([...AGENDA_METHODS, 'droeftelse'])
      // The contract spells drøftelse in ASCII; the agenda keeps the Danish word.
      .transform((m) => (m === 'droeftelse' ? 'drøftelse' : m))
      .optional()
      .describe('orientering, droeftelse (or drøftelse) or beslutning'),
    responsible: text(300).optional().describe('Ansvarlig'),
    minutes: z.number().int().min(1).max(600).optional().describe('Tid afsat, minutter'),
    order: z.number().int().min(1).optional().describe('Place among the items between the standing ones (1 = first)'),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'give at least one field to change', path: [''] });

export const decisionsBodySchema = z.strictObject({
  items: z
    .array(
      z.strictObject({
        subAnalysis: z.string().min(1, 'must name the sub-analysis'),
        outcome: z.enum(OUTCOME_KEYS),
        input: text(20_000).describe("The committee's input, as written in the protocol"),
      }),
    )
    .min(1, 'must hold at least one decision'),
});

export const reopenBodySchema = z.strictObject({ reason });

export const packageQuerySchema = z.strictObject({
  draft: z.enum(['true', 'false']).optional().describe('true (secretariat): the package as it would be sent now'),
});

// ---- Answers ----

const storedFileSchema = z.object({
  sha256: z.string().describe('SHA-256 of the bytes, hex'),
  fileName: z.string().describe('A safe name, never the client path'),
  size: z.number().int(),
  kind: z.enum(Object.keys(ACCEPTED_TYPES) as [FileKind, ...FileKind[]]),
  contentType: z.string(),
});

export const deliverableVersionSchema = storedFileSchema.extend({
  number: z.number().int(),
  submittedAt: instant,
  submittedBy: z.string(),
  comment: z.string().optional(),
});

const deliverableSchema = z.object({
  subAnalysis: z.string(),
  subAnalysisTitle: z.string(),
  title: z.string(),
  state: z.enum(['missing', 'submitted', 'changes_requested', 'approved']),
  versions: z.array(deliverableVersionSchema),
  reviews: z.array(
    z.object({
      at: instant,
      by: z.string(),
      action: z.enum(['approved', 'changes_requested']),
      version: z.number().int(),
      comment: z.string().optional(),
    }),
  ),
  approvedVersion: z.number().int().optional(),
  approvedAt: instant.optional(),
});

export const agendaItemSchema = z.object({
  key: z.string().describe("The sub-analysis id, or 'godkendelse-af-dagsorden' / 'eventuelt'"),
  subAnalysis: z.string().optional(),
  standing: z.boolean(),
  number: z.number().int(),
  title: z.string(),
  background: z.string(),
  recommendation: z.string(),
  method: z.enum(AGENDA_METHODS),
  responsible: z.string(),
  minutes: z.number().int(),
  attachments: z.array(
    z.object({
      number: z.string().describe("'N.M'"),
      title: z.string(),
      subAnalysis: z.string(),
      version: z.number().int().optional(),
      file: storedFileSchema.optional(),
    }),
  ),
});

/** A meeting as its workflow last wrote it (or, before the programme starts, as planned). */
export const meetingDetailSchema = z.object({
  programmeId: z.string(),
  meetingId: z.string(),
  title: z.string(),
  version: z.number().int().describe('0 until the meeting workflow has written'),
  asOf: z.string(),
  date: isoDate,
  time: z.string().optional(),
  durationMinutes: z.number().int().optional(),
  place: z.string().optional(),
  materialDue: isoDate,
  packageDate: isoDate,
  packageAt: instant,
  sequence: z.number().int(),
  changes: z.array(z.object({ at: instant, by: z.string(), reason: z.string(), text: z.string() })),
  deliverables: z.array(deliverableSchema),
  agenda: z.array(agendaItemSchema),
  package: z.object({
    sentAt: instant.optional(),
    zipSha256: z.string().optional(),
    agendaSha256: z.string().optional(),
    reopenedAt: instant.optional(),
    reopenReason: z.string().optional(),
  }),
  decisions: z.array(
    z.object({
      subAnalysis: z.string(),
      outcome: z.enum(OUTCOME_KEYS),
      input: z.string(),
      decidedAt: instant,
      decidedBy: z.string(),
    }),
  ),
  protocol: z.object({ sha256: z.string(), at: instant, number: z.number().int() }).optional(),
}) satisfies z.ZodType<MeetingSnapshot>;

export const meetingListSchema = z.array(meetingDetailSchema);
