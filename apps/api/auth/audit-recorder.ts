import { randomUUID } from 'node:crypto';
import {
  CallHandler,
  ExecutionContext,
  INestApplication,
  Injectable,
  Logger,
  NestInterceptor,
  createParamDecorator,
} from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { Observable, from, switchMap } from 'rxjs';
import { PROGRAMME_PARAM, bearerToken } from '../../../libs/auth';
import { AuditEntries } from '../../../libs/persistence/repositories';
import type { Acting as MeetingActing } from '../../../workflows/meeting/messages';
import type { ReplayableRequest } from '../common/idempotency.interceptor';
import { withoutSecrets } from '../common/log-redaction';
import { AuditService } from './audit.service';
import { actorName } from './decorators';
import { TokenService } from './token.service';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Routes that take a state-changing method but change nothing, so leave no entry. */
const NOT_AUDITED = new Set(['POST /api/programmes/validate']);

/**
 * A request's place in the audit trail. Its id goes with a change to the workflow, whose
 * read-model activity completes the pending entry when it records the change, so the
 * entry is right even if the API never answers (a crash, a lost connection).
 */
export interface RequestAudit {
  id: string;
  /** True once a pending entry is written. */
  pending: boolean;
  /** Set by a service that found nothing to change (an identical plan change). */
  outcome?: 'unchanged';
}

export interface AuditedRequest extends ReplayableRequest {
  audit?: RequestAudit;
}

/** The request's audit handle in a controller: `@Audit() audit: RequestAudit | undefined`. */
export const Audit = createParamDecorator(
  (_data: unknown, context: ExecutionContext): RequestAudit | undefined =>
    context.switchToHttp().getRequest<AuditedRequest>().audit,
);

/**
 * Who acts, with the request's audit id, as a meeting Update takes them:
 * `@Acting() acting: Acting`. The admin token belongs to no person and acts as 'admin'.
 */
export type Acting = MeetingActing;
export const Acting = createParamDecorator((_data: unknown, context: ExecutionContext): MeetingActing => {
  const req = context.switchToHttp().getRequest<AuditedRequest>();
  // Only on a @Public() route can this happen; that is a programming error, not a 401.
  if (!req.actor) throw new Error('@Acting() used on a route the guard does not authenticate');
  return { by: actorName(req.actor), ...(req.audit ? { requestId: req.audit.id } : {}) };
});

/**
 * Records every state-changing request under /api in the audit trail, once, however it
 * ends: handled, refused by the guard, rejected by validation or the body parser, failed.
 *
 * Two halves. This middleware gives each request an id and hooks `res.end`; the
 * interceptor below writes a `pending` entry once the guard has let the request in and
 * before the handler runs, i.e. before any workflow is asked. As the response goes out,
 * the pending entry is completed with the status, unless the workflow's read-model
 * activity completed it already (an applied change is `ok` whatever the API answers
 * after). Requests that never reached a handler (403, 413, malformed JSON) get their one
 * entry here. Requests without a valid token (401) get none: anyone could fill the table
 * with them, so they are only counted, and the count is logged.
 *
 * Installed in bootstrap.ts before the body parsers, so requests they reject are recorded
 * too. If an entry cannot be written, the error is logged and the response still goes out.
 */
export function installAuditRecorder(app: INestApplication): void {
  const audit = app.get(AuditService);
  const tokens = app.get(TokenService);
  const logger = new Logger('Audit');

  app.use((req: AuditedRequest, res: Response, next: NextFunction) => {
    if (!STATE_CHANGING.has(req.method)) return next();
    req.audit = { id: randomUUID(), pending: false };
    const end = res.end;
    let recorded = false;
    res.end = function (this: Response, ...args: unknown[]) {
      const send = () => (end as (...a: unknown[]) => Response).apply(res, args);
      if (recorded) return send();
      recorded = true;
      record(req, res.statusCode)
        .catch((err: unknown) =>
          logger.error(`Could not record ${req.method} ${withoutSecrets(req.originalUrl)}: ${String(err)}`),
        )
        .finally(send);
      return res;
    } as Response['end'];
    next();
  });

  async function record(req: AuditedRequest, status: number): Promise<void> {
    // A retry answered from its key's first answer changed nothing; the first is recorded.
    if (req.idempotentReplay) return;
    const described = describe(req);
    if (!described) return;
    if (status === 401) {
      audit.countUnauthenticated();
      return;
    }
    if (req.audit?.pending) {
      const outcome = status < 400 ? req.audit.outcome : undefined;
      await audit.complete(req.audit.id, status, outcome);
      return;
    }
    const { [PROGRAMME_PARAM]: programmeId, ...target } = req.routeInfo?.params ?? {};
    const who = req.actor ?? (await identifyAfterTheFact(req));
    await audit.append({
      actorEmail: who?.email ?? null,
      actorAdmin: who?.admin ?? false,
      action: described.action,
      programmeId: programmeId ?? null,
      target,
      status,
    });
  }

  /** For requests that ended before the guard ran (e.g. a 413): who sent them, if their token is valid. */
  async function identifyAfterTheFact(req: AuditedRequest): Promise<{ email: string | null; admin: boolean } | null> {
    const token = bearerToken(req.headers.authorization);
    if (token === undefined) return null;
    const identity = await tokens.identify(token, { touch: false });
    if (identity.kind === 'admin') return { email: null, admin: true };
    if (identity.kind === 'person') return { email: identity.email, admin: false };
    return null;
  }
}

/** The audited action of a request ('POST /api/programmes/:id/start'), or undefined when it is not audited. */
function describe(req: AuditedRequest): { action: string } | undefined {
  if (!STATE_CHANGING.has(req.method)) return undefined;
  const pattern = req.routeInfo?.pattern ?? req.originalUrl.split('?')[0];
  const lower = pattern.toLowerCase();
  if (lower !== '/api' && !lower.startsWith('/api/')) return undefined;
  const action = `${req.method} ${pattern}`;
  return NOT_AUDITED.has(action) ? undefined : { action };
}

/**
 * Writes the pending entry of an authenticated, audited request before its handler runs
 * (after the idempotency interceptor, so a replay writes none).
 */
@Injectable()
export class AuditPendingInterceptor implements NestInterceptor {
  constructor(private readonly entries: AuditEntries) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<AuditedRequest>();
    const described = describe(req);
    if (!described || !req.audit || !req.actor || req.idempotentReplay) return next.handle();
    const { [PROGRAMME_PARAM]: programmeId, ...target } = req.routeInfo?.params ?? {};
    const handle = req.audit;
    return from(
      this.entries.pending({
        actorEmail: req.actor.email,
        actorAdmin: req.actor.admin,
        action: described.action,
        programmeId: programmeId ?? null,
        target,
        requestId: handle.id,
      }),
    ).pipe(
      switchMap(() => {
        handle.pending = true;
        return next.handle();
      }),
    );
  }
}
