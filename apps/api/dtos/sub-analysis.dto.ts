import { z } from 'zod';
import { problemSchema } from './error.dto';
import { subAnalysisSnapshotSchema } from './status.dto';

export { subAnalysisDetailSchema, subAnalysisSnapshotSchema } from './status.dto';

const reason = z.string().trim().min(1, 'must say why').max(2000);

/** Why the secretariat acts on a lead's behalf: required then, optional for a lead. */
const overrideReason = reason
  .optional()
  .describe("Required when the secretariat acts on the lead's behalf; recorded in the history");

export const startPhaseBodySchema = z.strictObject({ reason: overrideReason });

export const completePhaseBodySchema = z.strictObject({
  note: z.string().max(4000).optional(),
  reason: overrideReason,
});

/** Reopening a completed phase, or closing a gate opened by mistake: always with a reason. */
export const overrideBodySchema = z.strictObject({ reason });

/** A plan change answers the new state and what validating the changed definition warns about. */
export const planChangeAnswerSchema = subAnalysisSnapshotSchema.extend({
  warnings: z
    .array(problemSchema)
    .describe(
      'Warnings the changed programme gives when validated, e.g. a phase planned before its predecessor is due',
    ),
});

export const openGateBodySchema = z.strictObject({ reason });

export const changePlanBodySchema = z
  .strictObject({
    weeks: z.string().optional().describe('The new weeks, e.g. "15-17"; or give from and to'),
    from: z.string().optional().describe('First ISO week, e.g. 2026-W50'),
    to: z.string().optional().describe('Last ISO week, e.g. 2027-W02'),
    reason,
  })
  .refine((b) => (b.weeks !== undefined) !== (b.from !== undefined || b.to !== undefined), {
    message: 'give either weeks, or from and to',
    path: ['weeks'],
  })
  .refine((b) => b.weeks !== undefined || (b.from !== undefined && b.to !== undefined), {
    message: 'from and to go together',
    path: ['to'],
  });
