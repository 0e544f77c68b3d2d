import { z } from 'zod';

export { subAnalysisDetailSchema, subAnalysisSnapshotSchema } from './status.dto';

const reason = z.string().trim().min(1, 'must say why').max(2000);

export const completePhaseBodySchema = z.strictObject({ note: z.string().max(4000).optional() });

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
