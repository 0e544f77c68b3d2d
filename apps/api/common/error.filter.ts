import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { type Language, inLanguage, isSaid, requestProblems, toDanish } from '../../../libs/texts/problems';

/** Plain strings are English (Nest's defaults, libs/plan); libs/texts knows their Danish. */
const plain = (text: string, language: Language) => (language === 'da' ? toDanish(text) : text);

/**
 * Every error leaves in the contract's shape: `{ statusCode, error, message, details }`.
 * Express' own body-parser errors (bad JSON, too large) arrive as plain errors with a
 * status and become 400/413 here instead of a 500.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const { status, body } = this.toBody(exception, languageOf(host.switchToHttp().getRequest<Request>()));
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (!res.headersSent) res.status(status).json(body);
  }

  private toBody(exception: unknown, language: Language): { status: number; body: Record<string, unknown> } {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      const r = typeof raw === 'string' ? { message: raw } : (raw as Record<string, unknown>);
      const message = Array.isArray(r.message)
        ? r.message.join('; ')
        : isSaid(r.message)
          ? r.message[language]
          : plain(String(r.message ?? exception.message), language);
      return {
        status,
        body: {
          statusCode: status,
          error: r.error ?? reason(status),
          message,
          // A 400 always names what was wrong, even when Nest raised it (e.g. unparseable JSON).
          details:
            Array.isArray(r.details) && r.details.length
              ? (r.details as { path: string; message: unknown }[]).map((d) => ({
                  path: d.path,
                  message: isSaid(d.message) ? inLanguage(d.message, language) : plain(String(d.message), language),
                }))
              : status === HttpStatus.BAD_REQUEST
                ? [{ path: '', message }]
                : [],
        },
      };
    }
    const e = exception as { status?: number; statusCode?: number; type?: string; message?: string };
    const status = e?.status ?? e?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message =
        e.type === 'entity.parse.failed'
          ? requestProblems.bodyNotJson[language]
          : e.type === 'entity.too.large'
            ? requestProblems.bodyTooLarge[language]
            : (e.message ?? reason(status));
      const shown = plain(message, language);
      return {
        status,
        body: { statusCode: status, error: reason(status), message: shown, details: [{ path: '', message: shown }] },
      };
    }
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: {
        statusCode: 500,
        error: 'Internal Server Error',
        message: plain('Something went wrong on our side', language),
        details: [],
      },
    };
  }
}

export function reason(status: number): string {
  const names: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    409: 'Conflict',
    413: 'Payload Too Large',
    408: 'Request Timeout',
    415: 'Unsupported Media Type',
    422: 'Unprocessable Content',
    431: 'Request Header Fields Too Large',
    429: 'Too Many Requests',
    503: 'Service Unavailable',
  };
  return names[status] ?? 'Error';
}

/**
 * The language a person asked for: `da` (the contract) when `Accept-Language` prefers
 * Danish to English, English otherwise, so scripts that send nothing keep English.
 */
export function languageOf(req: Pick<Request, 'acceptsLanguages'> | undefined): Language {
  const best = req?.acceptsLanguages?.('en', 'da');
  return best === 'da' ? 'da' : 'en';
}
