import { BadRequestException, ConflictException, HttpException, HttpStatus } from '@nestjs/common';
import { type Said, said, summaryInBothLanguages, toDanish } from '../../../libs/texts/problems';

/**
 * What a person is told. A `Said` carries Danish and English and the error filter picks
 * one by `Accept-Language`; a plain string is shown as it is (kept for texts that are
 * the same in both, such as a file name).
 */
export type Message = string | Said;

/** One problem with a request, by the path of the field it concerns. */
export interface ProblemDetail {
  path: string;
  message: Message;
}

const joined = (details: ProblemDetail[], language: keyof Said): string =>
  details
    .map((d) => {
      // A plain string is English from below the API (libs/plan, zod); libs/texts has its Danish.
      const text =
        typeof d.message === 'string' ? (language === 'da' ? toDanish(d.message) : d.message) : d.message[language];
      return d.path ? `${d.path}: ${text}` : text;
    })
    .join('; ');

/** 400 listing every problem, in the contract's `details` shape. */
export class BadInputException extends BadRequestException {
  constructor(details: ProblemDetail[], message?: Message) {
    super({
      statusCode: HttpStatus.BAD_REQUEST,
      error: 'Bad Request',
      message: message ?? said(joined(details, 'da'), joined(details, 'en')),
      details,
    });
  }
}

/** 409: not possible in the current state; the message says why. */
export class StateConflictException extends ConflictException {
  constructor(message: Message) {
    super({ statusCode: HttpStatus.CONFLICT, error: 'Conflict', message, details: [] });
  }
}

/** Any status, in the contract's shape, with a message for people. */
export class ProblemException extends HttpException {
  constructor(status: number, message: Message, details: ProblemDetail[] = []) {
    super({ statusCode: status, message, details }, status);
  }
}

export function isHttpException(err: unknown): err is HttpException {
  return err instanceof HttpException;
}

/**
 * 400 for a change the API checks before a workflow sees it (a plan or meeting change),
 * worded as the workflow's own `badInput` words it (workflows/failures.ts): the summary,
 * then every problem by path, in the language asked for.
 */
export function invalidChange(summary: string, problems: { path: string; message: string }[]): BadInputException {
  const message = `${summary}: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`;
  return new BadInputException(problems, summaryInBothLanguages(message, problems));
}
