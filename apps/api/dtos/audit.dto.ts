import { z } from 'zod';

export const auditListSchema = z.array(
  z.object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string().nullable(),
    admin: z.boolean(),
    action: z.string().describe("Method and route, e.g. 'POST /api/programmes/:id/start'"),
    programme: z.string().nullable(),
    target: z.record(z.string(), z.string()).nullable(),
    status: z.number().int(),
    outcome: z.enum(['ok', 'unchanged', 'refused', 'rejected', 'failed', 'pending']),
  }),
);
