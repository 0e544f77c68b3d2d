import { HttpException, HttpStatus, ServiceUnavailableException } from '@nestjs/common';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  isGrpcServiceError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { inBothLanguages, summaryInBothLanguages, temporalProblems } from '../../../libs/texts/problems';
import { BadInputException, type Message, type ProblemDetail, StateConflictException } from '../common/errors';

/** Failure types the workflows raise on purpose, answered to the caller. */
export const REFUSED = 'Refused';
export const BAD_INPUT = 'BadInput';

/**
 * gRPC status codes that mean "Temporal did not answer", not "Temporal said no"
 * (@grpc/grpc-js, which names them, is the SDK's dependency, not Spor's):
 * UNAVAILABLE (14), the call never got through, and DEADLINE_EXCEEDED (4), it got no
 * answer in time and may still take effect.
 */
const UNAVAILABLE = 14;
const DEADLINE_EXCEEDED = 4;

/**
 * How long a caller should wait before trying again: the embedded default restarts a
 * crashed Temporal dev server within seconds, a cluster's orchestrator about as fast.
 */
export const RETRY_AFTER_SECONDS = 5;

/** 503 in the contract's shape; the API adds `Retry-After` (see retry-after.interceptor.ts). */
export class TemporalUnavailableException extends ServiceUnavailableException {
  readonly retryAfterSeconds = RETRY_AFTER_SECONDS;

  constructor(message: Message) {
    super({ statusCode: HttpStatus.SERVICE_UNAVAILABLE, error: 'Service Unavailable', message, details: [] });
  }
}

function isProblemList(value: unknown): value is ProblemDetail[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(
      (d) =>
        d !== null &&
        typeof d === 'object' &&
        typeof (d as ProblemDetail).path === 'string' &&
        typeof (d as ProblemDetail).message === 'string',
    )
  );
}

/** The error and its causes, outermost first. */
function* causes(err: unknown): Generator<unknown> {
  const seen = new Set<unknown>();
  for (let e = err; e !== undefined && e !== null && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    yield e;
  }
}

/**
 * Whether the error, or one of its causes, says Temporal could not be reached
 * (`unreachable`: nothing happened) or did not answer in time (`late`: it may still
 * happen); undefined when Temporal did answer.
 */
export function unreachability(err: unknown): 'unreachable' | 'late' | undefined {
  for (const e of causes(err)) {
    if (e instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return 'late';
    if (isGrpcServiceError(e) && e.code === UNAVAILABLE) return 'unreachable';
    if (isGrpcServiceError(e) && e.code === DEADLINE_EXCEEDED) return 'late';
  }
  return undefined;
}

/** Whether the error, or one of its causes, says Temporal could not be reached in time. */
export function isUnreachable(err: unknown): boolean {
  return unreachability(err) !== undefined;
}

/** The 503 for a call that did not reach Temporal (`unreachable`) or got no answer in time (`late`). */
export function temporalUnavailable(what: string, how: 'unreachable' | 'late'): TemporalUnavailableException {
  return new TemporalUnavailableException(
    how === 'unreachable' ? temporalProblems.unreachable(what) : temporalProblems.noAnswerInTime(what),
  );
}

/**
 * The HTTP answer for a failure Temporal reported, decided by the failure's type, never
 * by its text; undefined when it is not one the caller should see (a 500 then).
 * `what` names the workflow for people ("Sub-analysis sbv").
 */
export function httpErrorOf(err: unknown, what: string): HttpException | undefined {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    const failure = err.cause;
    // Workflows refuse in Danish (their histories keep it so); libs/texts adds the English.
    if (failure.type === REFUSED) return new StateConflictException(inBothLanguages(failure.message));
    if (failure.type === BAD_INPUT && isProblemList(failure.details?.[0])) {
      const problems = failure.details[0] as { path: string; message: string }[];
      return new BadInputException(
        problems.map((p) => ({ path: p.path, message: inBothLanguages(p.message) })),
        failure.message ? summaryInBothLanguages(failure.message, problems) : undefined,
      );
    }
    return undefined;
  }
  if (err instanceof WorkflowExecutionAlreadyStartedError)
    return new StateConflictException(`${what} is running already`);
  const how = unreachability(err);
  return how && temporalUnavailable(what, how);
}
