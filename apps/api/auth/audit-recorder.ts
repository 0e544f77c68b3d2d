import { INestApplication, Logger } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { PROGRAMME_PARAM, bearerToken } from '../../../libs/auth';
import { AuditService } from './audit.service';
import type { SporRequest } from './decorators';
import { TokenService } from './token.service';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Routes that take a state-changing method but change nothing, so leave no entry. */
const NOT_AUDITED = new Set(['POST /api/programmes/validate']);

/**
 * Records every state-changing request under /api in the audit trail, however it ends:
 * handled, refused by the guard, rejected by validation or the body parser, or failed.
 *
 * It hooks `res.end` and writes the entry before the response goes out, so a client
 * that got its answer finds the entry already there (as express-session does to save a
 * session). Installed in bootstrap.ts before the body parsers, so requests they reject
 * (413, malformed JSON) are recorded too. If the entry cannot be written, the error is
 * logged and the response still goes out: the change, if any, has happened.
 */
export function installAuditRecorder(app: INestApplication): void {
  const audit = app.get(AuditService);
  const tokens = app.get(TokenService);
  const logger = new Logger('Audit');

  app.use((req: SporRequest, res: Response, next: NextFunction) => {
    if (!STATE_CHANGING.has(req.method)) return next();
    const end = res.end;
    let recorded = false;
    res.end = function (this: Response, ...args: unknown[]) {
      const send = () => (end as (...a: unknown[]) => Response).apply(res, args);
      if (recorded) return send();
      recorded = true;
      record(req, res.statusCode)
        .catch((err: unknown) => logger.error(`Could not record ${req.method} ${req.originalUrl}: ${String(err)}`))
        .finally(send);
      return res;
    } as Response['end'];
    next();
  });

  async function record(req: SporRequest, status: number): Promise<void> {
    const pattern = req.routeInfo?.pattern ?? req.originalUrl.split('?')[0];
    const lower = pattern.toLowerCase();
    if (lower !== '/api' && !lower.startsWith('/api/')) return;
    const action = `${req.method} ${pattern}`;
    if (NOT_AUDITED.has(action)) return;

    const { [PROGRAMME_PARAM]: programmeId, ...target } = req.routeInfo?.params ?? {};
    const who = req.actor ?? (await identifyAfterTheFact(req));
    await audit.append({
      actorEmail: who?.email ?? null,
      actorAdmin: who?.admin ?? false,
      action,
      programmeId: programmeId ?? null,
      target,
      status,
    });
  }

  /** For requests that ended before the guard ran (e.g. a 413): who sent them, if their token is valid. */
  async function identifyAfterTheFact(req: SporRequest): Promise<{ email: string | null; admin: boolean } | null> {
    const token = bearerToken(req.headers.authorization);
    if (token === undefined) return null;
    const identity = await tokens.identify(token, { touch: false });
    if (identity.kind === 'admin') return { email: null, admin: true };
    if (identity.kind === 'person') return { email: identity.email, admin: false };
    return null;
  }
}
