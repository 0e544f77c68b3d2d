import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import {
  AccessRule,
  PROGRAMME_PARAM,
  SUB_ANALYSIS_PARAM,
  bearerToken,
  describeRules,
  permits,
} from '../../../libs/auth';
import { ALLOW_KEY, Actor, PUBLIC_KEY, SporRequest } from './decorators';
import { PeopleDirectory } from './people-directory.service';
import { TokenService } from './token.service';

/**
 * The one gate every request passes (registered as APP_GUARD). Deny by default: an
 * endpoint must say who may call it with @Allow(...) or be marked @Public().
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
      throw new ForbiddenException('This endpoint has no access rule, so it is closed to everyone');
    }

    const target = { programme: params[PROGRAMME_PARAM], subAnalysis: params[SUB_ANALYSIS_PARAM] };
    if (!permits(rules, actor, target)) throw new ForbiddenException(describeRules(rules, target));
    const { programme } = target;
    if (
      programme !== undefined &&
      !actor.roles.some((r) => r.programme === programme) &&
      !(await this.directory.programmeExists(programme))
    ) {
      throw new NotFoundException(`There is no programme "${programme}"`);
    }
    return true;
  }

  private async authenticate(req: SporRequest, res: Response): Promise<Actor> {
    const refuse = (message: string): never => {
      res.setHeader('WWW-Authenticate', 'Bearer realm="spor"');
      throw new UnauthorizedException(message);
    };
    const header = req.headers.authorization;
    const token = bearerToken(header);
    if (token === undefined) {
      return refuse(
        header === undefined
          ? 'This needs a token: send "Authorization: Bearer <token>"'
          : 'The Authorization header must be "Bearer <token>"',
      );
    }
    const identity = await this.tokens.identify(token);
    switch (identity.kind) {
      case 'admin':
        return { email: null, admin: true, roles: [] };
      case 'person':
        return { email: identity.email, admin: false, roles: await this.directory.rolesOf(identity.email) };
      case 'revoked':
        return refuse('This token has been revoked');
      case 'unknown':
        return refuse('This token is not valid');
    }
  }
}

/** The matched Express route's pattern, e.g. '/api/programmes/:id/start'. */
function routePattern(req: SporRequest): string {
  const route: unknown = req.route;
  const path = route !== null && typeof route === 'object' ? (route as { path?: unknown }).path : undefined;
  return typeof path === 'string' ? path : req.path;
}
