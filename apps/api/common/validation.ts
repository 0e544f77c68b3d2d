import type { z } from 'zod';
import { inBothLanguages } from '../../../libs/texts/problems';
import { BadInputException } from './errors';

/**
 * Parses a request body with a zod schema; every problem comes back at once, by field path,
 * in Danish and English (zod's and the DTOs' English, with its Danish from libs/texts).
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  throw new BadInputException(
    result.error.issues.map((i) => ({
      path: i.path.map((p, n) => (typeof p === 'number' ? `[${p}]` : n === 0 ? String(p) : `.${String(p)}`)).join(''),
      message: inBothLanguages(i.message),
    })),
  );
}
