import { HttpStatus } from '@nestjs/common';
import { ServiceError, WorkflowExecutionAlreadyStartedError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { RETRY_AFTER_SECONDS, TemporalUnavailableException, httpErrorOf } from './temporal-errors';

/** What a failed Update looks like to the client: the handler's or validator's ApplicationFailure as its cause. */
const updateFailed = (failure: ApplicationFailure) => new WorkflowUpdateFailedError('Workflow Update failed', failure);

const answer = (err: unknown) => {
  const http = httpErrorOf(err, 'Sub-analysis sbv');
  return http && { status: http.getStatus(), body: http.getResponse() };
};

describe('mapping Temporal failures to HTTP answers', () => {
  it("answers a validator's refusal with 409 and its reason, in Danish and English", () => {
    const refused = updateFailed(ApplicationFailure.nonRetryable('Fase 2A er allerede i gang', 'Refused'));
    expect(answer(refused)).toEqual({
      status: HttpStatus.CONFLICT,
      body: {
        statusCode: 409,
        error: 'Conflict',
        message: { da: 'Fase 2A er allerede i gang', en: 'Phase 2A is active already' },
        details: [],
      },
    });
  });

  it('answers BadInput with 400 and the details by path', () => {
    const details = [{ path: 'weeks', message: 'Must be a week or a range of weeks, such as "14" or "14-16".' }];
    const message = `Den ændrede plan er ikke gyldig: weeks: ${details[0].message}`;
    const bad = updateFailed(ApplicationFailure.create({ message, type: 'BadInput', details: [details] }));
    const danish = 'Skal være en uge eller et interval af uger, fx "14" eller "14-16".';
    expect(answer(bad)).toEqual({
      status: HttpStatus.BAD_REQUEST,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: {
          da: `Den ændrede plan er ikke gyldig: weeks: ${danish}`,
          en: `The changed plan is not valid: weeks: ${details[0].message}`,
        },
        details: [{ path: 'weeks', message: { da: danish, en: details[0].message } }],
      },
    });
  });

  it('leaves other failures to the 500 handler, whatever their text says', () => {
    expect(answer(updateFailed(ApplicationFailure.nonRetryable('Refused: no', 'SomethingElse')))).toBeUndefined();
    // BadInput without problem details is a workflow bug, not the caller's input.
    expect(answer(updateFailed(ApplicationFailure.create({ message: 'x', type: 'BadInput' })))).toBeUndefined();
    expect(answer(new Error('workflow execution already completed'))).toBeUndefined();
  });

  it('answers a second start with 409', () => {
    const err = new WorkflowExecutionAlreadyStartedError('started', 'wf', 'programmeWorkflow');
    expect(answer(err)?.status).toBe(HttpStatus.CONFLICT);
  });

  /** What the SDK throws when a gRPC call fails: a ServiceError whose cause is grpc-js' error. */
  const grpcFailure = (code: number) =>
    new ServiceError('Failed to start Workflow', {
      cause: Object.assign(new Error(`${code} gRPC`), { code, details: 'gRPC', metadata: {} }),
    });

  it('answers a server that cannot be reached with 503, Retry-After and a message in both languages', () => {
    const err = httpErrorOf(grpcFailure(14), 'Sub-analysis sbv');
    expect(err).toBeInstanceOf(TemporalUnavailableException);
    expect((err as TemporalUnavailableException).retryAfterSeconds).toBe(RETRY_AFTER_SECONDS);
    expect(err?.getResponse()).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: {
        da: expect.stringMatching(/^Temporal, som kører arbejdsgangene, svarer ikke.*Intet er ændret/),
        en: expect.stringMatching(/^Sub-analysis sbv: Temporal, which runs the workflows, did not answer\. Nothing/),
      },
      details: [],
    });
  });

  it('answers a call past its deadline with 503 that does not promise nothing happened', () => {
    const err = httpErrorOf(grpcFailure(4), 'Sub-analysis sbv');
    expect(err?.getStatus()).toBe(HttpStatus.SERVICE_UNAVAILABLE);
    expect(err?.getResponse()).toMatchObject({ message: { en: expect.stringMatching(/may still take effect/) } });
  });
});
