import { BadRequestException, ConflictException, HttpException, HttpStatus } from '@nestjs/common';

/** One problem with a request, by the path of the field it concerns. */
export interface ProblemDetail {
  path: string;
  message: string;
}

/** 400 listing every problem, in the contract's `details` shape. */
export class BadInputException extends BadRequestException {
  constructor(details: ProblemDetail[], message?: string) {
    super({
      statusCode: HttpStatus.BAD_REQUEST,
      error: 'Bad Request',
      message: message ?? details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; '),
      details,
    });
  }
}

/** 409: not possible in the current state; the message says why. */
export class StateConflictException extends ConflictException {
  constructor(message: string) {
    super({ statusCode: HttpStatus.CONFLICT, error: 'Conflict', message, details: [] });
  }
}

export function isHttpException(err: unknown): err is HttpException {
  return err instanceof HttpException;
}
