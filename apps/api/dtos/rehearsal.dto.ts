import { z } from 'zod';
import { STEP_ACTIONS } from '../../../libs/rehearsal/scenario';

const step = z
  .looseObject({
    at: z.string().describe("A date ('2026-04-08') or an ISO week date ('2026-W15-3')"),
    do: z.enum(STEP_ACTIONS),
    subAnalysis: z.string().optional(),
    phase: z.string().optional(),
    meeting: z.string().optional(),
    outcome: z.string().optional().describe("For 'decide': godkendt (default), droeftet, …"),
    weeks: z.string().optional().describe("For 'move': the phase's new weeks, e.g. '18-22'"),
    comment: z.string().optional().describe("Required for 'request-changes'"),
  })
  .describe('One thing people do, on a day');

/** What to rehearse: a definition as sent to POST /api/programmes, or a stored programme. */
export const rehearseBodySchema = z.strictObject({
  definition: z
    .unknown()
    .optional()
    .describe('A programme definition (JSON, or YAML as a string); or give programmeId'),
  programmeId: z.string().min(1).optional().describe('A stored programme'),
  scenario: z
    .unknown()
    .optional()
    .describe('Steps that differ from the plan; checked step by step, every problem by path'),
  include: z
    .strictObject({
      bodies: z.boolean().optional().describe("Each e-mail's plain text"),
      documents: z
        .boolean()
        .optional()
        .describe('Each document (PDF, zip) inline as base64; also renders every status report'),
    })
    .optional(),
});

/** The documented shape of the body's scenario (the body takes anything there and checks it by path). */
export const scenarioSchema = z.array(step);

const event = z.looseObject({
  at: z.string().describe('ISO 8601 instant in the programme zone'),
  date: z.string(),
  week: z.number().int(),
  type: z.enum(['email', 'document', 'history', 'step', 'refused']),
  kind: z.string(),
  subAnalysis: z.string().optional(),
  phase: z.string().optional(),
  meeting: z.string().optional(),
  recipients: z.array(z.string()).optional(),
  subject: z.string().optional(),
  body: z.string().optional(),
  fileName: z.string().optional(),
  sha256: z.string().optional(),
  content: z.string().optional(),
  text: z.string().optional(),
  by: z.string().optional(),
  step: z.union([z.number().int(), z.literal('plan')]).optional(),
});

export const rehearsalSchema = z.object({
  events: z.array(event).describe('In time order'),
  summary: z.looseObject({
    programmeId: z.string(),
    year: z.number().int(),
    writtenFor: z.number().int().optional().describe('Set when the programme was moved to a later year to lie ahead'),
    from: z.string(),
    until: z.string(),
    emails: z.number().int(),
    emailsPerPerson: z.record(z.string(), z.number().int()),
    escalations: z.array(z.looseObject({ at: z.string(), kind: z.string() })),
    overdue: z.array(z.looseObject({ subAnalysis: z.string(), due: z.string() })),
    documents: z.number().int(),
    refused: z.number().int(),
    tookMs: z.number().int(),
  }),
});
