import type { z } from 'zod';
import { emailWithinLimits, hasControlCharacters, stringsIn } from '../../../libs/plan/text-limits';
import { inBothLanguages, requestProblems } from '../../../libs/texts/problems';
import { BadInputException, type ProblemDetail } from './errors';

const pathOf = (parts: readonly PropertyKey[]) =>
  parts.map((p, n) => (typeof p === 'number' ? `[${p}]` : n === 0 ? String(p) : `.${String(p)}`)).join('');

/**
 * Parses a request body (or query) with a zod schema; every problem comes back at once,
 * by field path, in Danish and English (zod's and the DTOs' English, with its Danish from
 * libs/texts). Before the schema, limits that hold for every request: no control
 * characters in any text (tabs and line breaks aside), and any field named `email`
 * within RFC 5321's lengths.
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const limits = textLimitProblems(body);
  const result = schema.safeParse(body ?? {});
  if (result.success && limits.length === 0) return result.data;
  const problems = result.success
    ? []
    : result.error.issues.map((i) => ({ path: pathOf(i.path), message: inBothLanguages(i.message) }) as ProblemDetail);
  const seen = new Set(limits.map((l) => l.path));
  throw new BadInputException([...limits, ...problems.filter((p) => !seen.has(p.path))]);
}

/** Control characters and over-long e-mail addresses anywhere in a request's values. */
export function textLimitProblems(body: unknown): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  for (const { path, text, key } of stringsIn(body)) {
    if (hasControlCharacters(text)) problems.push({ path: pathOf(path), message: requestProblems.controlCharacters });
    else if (key === 'email' && !emailWithinLimits(text)) {
      problems.push({ path: pathOf(path), message: requestProblems.emailTooLong });
    }
  }
  return problems;
}
