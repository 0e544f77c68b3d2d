import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { type Observable, catchError, throwError } from 'rxjs';
import { TemporalUnavailableException } from './temporal-errors';

/**
 * Tells a caller that met a Temporal outage when to try again (`Retry-After`), so scripts
 * and the pages can wait instead of giving up. The error filter then writes the body.
 */
@Injectable()
export class RetryAfterInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((err: unknown) => {
        if (err instanceof TemporalUnavailableException && context.getType() === 'http') {
          const res = context.switchToHttp().getResponse<Response>();
          if (!res.headersSent) res.setHeader('Retry-After', String(err.retryAfterSeconds));
        }
        return throwError(() => err);
      }),
    );
  }
}
