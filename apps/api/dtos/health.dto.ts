import { z } from 'zod';

const part = z.enum(['ok', 'down']);

export const healthSchema = z.object({
  status: part,
  temporal: part,
  database: part,
  problems: z.array(z.string()).optional().describe('Why a part is down'),
});
