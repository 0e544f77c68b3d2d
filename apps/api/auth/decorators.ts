import { SetMetadata, applyDecorators, createParamDecorator } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import { ApiErrors } from '../dtos/openapi';
import type { Request } from 'express';
import type { AccessRule, RoleAssignment } from '../../../libs/auth';

export const ALLOW_KEY = 'spor:allow';
export const PUBLIC_KEY = 'spor:public';

/** Who made a request, as the guard established it. */
export interface Actor {
  /** Lower-case; null for the admin token, which belongs to no person. */
  email: string | null;
  admin: boolean;
  /** Every role the person holds, in every programme (empty for the admin, who needs none). */
  roles: RoleAssignment[];
}

/** Who acts, as workflows and stored answers name them: the admin token acts as 'admin'. */
export const actorName = (actor: Actor): string => actor.email ?? 'admin';

/** Where the guard leaves what it learnt, for controllers (@Actor()) and the audit recorder. */
export interface SporRequest extends Request {
  actor?: Actor;
  /** The matched route's pattern and parameters, kept because Express may change req.params later. */
  routeInfo?: { pattern: string; params: Record<string, string> };
}

/**
 * Who may call an endpoint (on a controller: all its endpoints; on a method: that one,
 * replacing the controller's). Any one matching rule lets a request through; the admin
 * passes all. An endpoint with neither @Allow nor @Public refuses everyone.
 *
 *   @Allow('secretariat')                 // secretariat of :id
 *   @Allow('lead')                        // project lead/owner of :sid in :id
 *   @Allow('steering', 'secretariat')
 */
export function Allow(...rules: [AccessRule, ...AccessRule[]]): ClassDecorator & MethodDecorator {
  return applyDecorators(
    SetMetadata(ALLOW_KEY, rules),
    ApiBearerAuth(),
    // Readers of the OpenAPI document see who may call what.
    ApiExtension('x-spor-allow', rules),
    ApiErrors({
      401: 'No token, or an unknown or revoked one',
      403: `Allowed: ${rules.join(', ')} (and the admin)`,
    }),
  );
}

/** An endpoint anyone may call without a token (GET /health). */
export function Public(): ClassDecorator & MethodDecorator {
  return SetMetadata(PUBLIC_KEY, true);
}

/** The authenticated actor, in a controller method's parameters: `@Actor() actor: Actor`. */
export const Actor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<SporRequest>().actor;
  // Only on a @Public() route can this happen; that is a programming error, not a 401.
  if (!actor) throw new Error('@Actor() used on a route the guard does not authenticate');
  return actor;
});
