import { createHash } from 'node:crypto';
import { CallHandler, ExecutionContext, HttpException, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { Observable, from, of, switchMap } from 'rxjs';
import { type Claim, IdempotentRequests, type StoredAnswer } from '../../../libs/persistence/repositories';
import { requestProblems } from '../../../libs/texts/problems';
import { type SporRequest, actorName } from '../auth/decorators';
import { ProblemException } from './errors';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY_SHAPE = /^[\x21-\x7e]{1,200}$/;

/** What the audit recorder needs to know: this request was answered from a key's first answer. */
export interface ReplayableRequest extends SporRequest {
  idempotentReplay?: boolean;
}

/**
 * `Idempotency-Key` on state-changing requests: the first request with a key is handled
 * and its answer kept (per person, in the database, for a day); a retry with the same key
 * and the same method, path and body gets that answer again and changes nothing. The key
 * reused for a different request is a 422; a retry while the first is still being handled
 * is a 409. Answers of 5xx are not kept: the request failed, and a retry may try again.
 * Routes anyone may call without a token (@Public) have no person to keep keys for, so
 * the header is ignored there.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(private readonly store: IdempotentRequests) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<ReplayableRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    const key = req.headers[IDEMPOTENCY_HEADER];
    if (key === undefined || !STATE_CHANGING.has(req.method) || !req.actor) return next.handle();
    if (typeof key !== 'string' || !KEY_SHAPE.test(key)) {
      throw new ProblemException(400, requestProblems.idempotencyKeyInvalid, [
        { path: 'Idempotency-Key', message: requestProblems.idempotencyKeyInvalid },
      ]);
    }
    const actor = actorName(req.actor);
    const request = { actor, key, method: req.method, path: req.originalUrl, fingerprint: fingerprintOf(req) };
    return from(this.store.claim(request)).pipe(
      switchMap((claim: Claim) => {
        switch (claim.kind) {
          case 'first':
            this.keepAnswer(res, actor, key);
            return next.handle();
          case 'replay':
            req.idempotentReplay = true;
            res.setHeader('Idempotent-Replayed', 'true');
            return replay(claim.answer);
          case 'busy':
            throw new ProblemException(409, requestProblems.idempotencyKeyBusy);
          case 'mismatch':
            throw new ProblemException(422, requestProblems.idempotencyKeyReused, [
              { path: 'Idempotency-Key', message: requestProblems.idempotencyKeyReused },
            ]);
        }
      }),
    );
  }

  /**
   * Keeps the answer as it is sent: `res.end` is wrapped so the answer is stored before
   * it leaves (a client that got it and retries finds it), whether the handler or the
   * error filter wrote it, and even when the client has gone away meanwhile.
   */
  private keepAnswer(res: Response, actor: string, key: string): void {
    const { store, logger } = this;
    const end = res.end;
    let kept = false;
    res.end = function (this: Response, ...args: unknown[]) {
      const send = () => (end as (...a: unknown[]) => Response).apply(res, args);
      if (kept) return send();
      kept = true;
      const status = res.statusCode;
      const chunk = args[0];
      const body = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : null;
      const contentType = res.getHeader('content-type');
      void (
        status >= 500
          ? store.release(actor, key)
          : store.answer(actor, key, {
              status,
              contentType: typeof contentType === 'string' ? contentType : null,
              body,
            })
      )
        .catch((err: unknown) => logger.error(`Could not keep the answer for a key: ${String(err)}`))
        .finally(send);
      return res;
    } as Response['end'];
  }
}

/** The first answer again: errors through the error filter (same shape), the rest as the route answers. */
function replay(answer: StoredAnswer): Observable<unknown> {
  const json = answer.contentType?.includes('json') ?? false;
  const body: unknown =
    answer.body === null || answer.body === '' ? undefined : json ? JSON.parse(answer.body) : answer.body;
  if (answer.status >= 400) {
    throw new HttpException(body as Record<string, unknown>, answer.status);
  }
  return of(body);
}

/**
 * What makes two requests the same: method, path, media type and body. Multipart bodies
 * are not read yet when this runs, so their length stands in for them.
 */
function fingerprintOf(req: SporRequest): string {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const body =
    type === 'multipart/form-data' ? `length:${req.headers['content-length'] ?? ''}` : JSON.stringify(req.body ?? null);
  return createHash('sha256').update(`${req.method}\n${req.originalUrl}\n${type}\n${body}`).digest('hex');
}
