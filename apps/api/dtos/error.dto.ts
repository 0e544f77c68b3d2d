import { z } from 'zod';

/** One problem with a request, by the path of the field it concerns. */
export const problemSchema = z.object({ path: z.string(), message: z.string() });

/** Every error answer: `{ statusCode, error, message, details }`. */
export const errorSchema = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  details: z.array(problemSchema),
});
