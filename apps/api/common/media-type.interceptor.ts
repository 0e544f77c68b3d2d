import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { requestProblems } from '../../../libs/texts/problems';
import { ProblemException } from './errors';

/** Where @ApiConsumes keeps its media types (@nestjs/swagger's DECORATORS.API_CONSUMES, not exported). */
const API_CONSUMES = 'swagger/apiConsumes';

const ACCEPTS_KEY = 'spor:accepts';

/**
 * The media types a route reads, when they are more than it documents with @ApiConsumes
 * (a definition: YAML also as application/x-yaml, text/yaml or text/plain).
 */
export const Accepts = (...types: string[]) => SetMetadata(ACCEPTS_KEY, types);

/**
 * 415 for a body in a media type the route does not take, before anything reads it:
 * JSON everywhere, unless the route lists others with @Accepts or @ApiConsumes (a
 * definition's YAML, an upload's multipart form), so the OpenAPI document and the check say the same. Without
 * it, a form or YAML body reaches the JSON-only handlers as no body at all and is answered
 * with a misleading 400 about missing fields.
 */
@Injectable()
export class MediaTypeInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    if (!hasBody(req)) return next.handle();
    const targets = [context.getHandler(), context.getClass()];
    const accepted = this.reflector.getAllAndOverride<string[] | undefined>(ACCEPTS_KEY, targets) ??
      this.reflector.getAllAndOverride<string[] | undefined>(API_CONSUMES, targets) ?? ['application/json'];
    if (req.is(accepted) === false) {
      const given = req.headers['content-type'] ?? '(none)';
      const message = requestProblems.unsupportedMediaType(given.split(';')[0], accepted);
      throw new ProblemException(415, message, [{ path: 'Content-Type', message }]);
    }
    return next.handle();
  }
}

/** A body is coming: chunked, or a length above zero (clients send `Content-Length: 0` with no body). */
function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}
