import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import {
  AccessRule,
  PROGRAMME_PARAM,
  SUB_ANALYSIS_PARAM,
  CSRF_HEADER,
  bearerToken,
  describeRules,
  isSafeMethod,
  permits,
} from '../../../libs/auth';
import { AUTH, type Said, describeRulesDa, said } from '../../../libs/texts/problems';
import { ProblemException } from '../common/errors';
import { AuthFailures } from './auth-failures.service';
import { ALLOW_KEY, Actor, PUBLIC_KEY, SporRequest } from './decorators';
import { PeopleDirectory } from './people-directory.service';
import { SessionService } from './session.service';
import { TokenService } from './token.service';

/**
 * The one gate every request passes (registered as APP_GUARD). Deny by default: an
 * endpoint must say who may call it with @Allow(...) or be marked @Public().
 *
 * A request is authenticated by its bearer token (scripts) or, without an Authorization
 * header, by its session cookie (the pages); a state-changing request made with the
 * cookie must also carry the session's CSRF token (403 without it). Failed
 * authentication is counted per client address (AuthFailures): past the limit it is
 * answered 429 instead of 401, while valid credentials from that address still pass.
 *
 * 401: no token, or an unknown or revoked one. 403: a valid token whose person the
 * endpoint's rules do not allow. An unknown programme (`:id`) is a 404 only for those
 * who would be allowed whatever the programme (the admin, or an 'authenticated' rule);
 * everyone else gets the 403 they would get for any programme they have no role in, so
 * the answer does not reveal which programme ids exist.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly directory: PeopleDirectory,
    private readonly sessions: SessionService,
    private readonly failures: AuthFailures,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Spor serves only HTTP; anything else would need its own thought before it is let in.
    if (context.getType() !== 'http') return false;
    const req = context.switchToHttp().getRequest<SporRequest>();
    const params: Record<string, string> = { ...(req.params as Record<string, string>) };
    req.routeInfo = { pattern: routePattern(req), params };

    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets)) return true;

    const actor = await this.authenticate(req, context.switchToHttp().getResponse<Response>());
    req.actor = actor;

    const rules = this.reflector.getAllAndOverride<AccessRule[] | undefined>(ALLOW_KEY, targets) ?? [];
    if (rules.length === 0) {
      throw new ProblemException(HttpStatus.FORBIDDEN, AUTH.noRule);
    }

    const target = { programme: params[PROGRAMME_PARAM], subAnalysis: params[SUB_ANALYSIS_PARAM] };
    if (!permits(rules, actor, target)) {
      throw new ProblemException(
        HttpStatus.FORBIDDEN,
        said(describeRulesDa(rules, target), describeRules(rules, target)),
      );
    }
    const { programme } = target;
    if (
      programme !== undefined &&
      !actor.roles.some((r) => r.programme === programme) &&
      !(await this.directory.programmeExists(programme))
    ) {
      throw new ProblemException(HttpStatus.NOT_FOUND, AUTH.noSuchProgramme(programme));
    }
    return true;
  }

  private async authenticate(req: SporRequest, res: Response): Promise<Actor> {
    const refuse = (message: Said): never => {
      res.setHeader('WWW-Authenticate', 'Bearer realm="spor"');
      throw new ProblemException(HttpStatus.UNAUTHORIZED, message);
    };
    /** A failure that guessing could produce: counted, and 429 once the address is over the limit. */
    const fail = async (message: Said): Promise<never> => {
      const wait = await this.failures.record(req.ip);
      if (wait !== undefined) {
        res.setHeader('Retry-After', String(wait));
        throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, AUTH.tooManyFailures);
      }
      return refuse(message);
    };
    const header = req.headers.authorization;
    if (header === undefined) return this.bySession(req, res, refuse, fail);
    const token = bearerToken(header);
    if (token === undefined) return fail(AUTH.badHeader);
    const identity = await this.tokens.identify(token);
    switch (identity.kind) {
      case 'admin':
        return { email: null, admin: true, roles: [] };
      case 'person':
        return { email: identity.email, admin: false, roles: await this.directory.rolesOf(identity.email) };
      case 'revoked':
        return fail(AUTH.revoked);
      case 'unknown':
        return fail(AUTH.unknownToken);
    }
  }

  /** The pages' way in: the session cookie, and for a state-changing request its CSRF token. */
  private async bySession(
    req: SporRequest,
    res: Response,
    refuse: (message: Said) => never,
    fail: (message: Said) => Promise<never>,
  ): Promise<Actor> {
    const session = await this.sessions.identify(req);
    if (session === 'none') return refuse(AUTH.noCredentials);
    if (session === undefined) {
      // The browser keeps an ended session's cookie until told otherwise; the pages cannot (it is HttpOnly).
      this.sessions.forget(req, res);
      return fail(AUTH.sessionEnded);
    }
    if (!isSafeMethod(req.method) && !this.sessions.csrfMatches(session, req.header(CSRF_HEADER))) {
      throw new ProblemException(HttpStatus.FORBIDDEN, AUTH.csrfMissing);
    }
    return { email: session.email, admin: false, roles: await this.directory.rolesOf(session.email) };
  }
}

/** The matched Express route's pattern, e.g. '/api/programmes/:id/start'. */
function routePattern(req: SporRequest): string {
  const route: unknown = req.route;
  const path = route !== null && typeof route === 'object' ? (route as { path?: unknown }).path : undefined;
  return typeof path === 'string' ? path : req.path;
}
