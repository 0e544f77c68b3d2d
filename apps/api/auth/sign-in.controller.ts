import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Logger, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CSRF_HEADER, normalizeEmail, safeNext } from '../../../libs/auth';
import type { SporConfig } from '../../../libs/config';
import { AUTH } from '../../../libs/texts/problems';
import { BadInputException, ProblemException } from '../common/errors';
import { CONFIG } from '../common/tokens';
import { emailLinkAcceptedSchema, emailLinkBodySchema, signInOptionsSchema } from '../dtos/auth.dto';
import { ApiErrors, ApiJsonBody, ApiJsonResponse } from '../dtos/openapi';
import { AuthFailures } from './auth-failures.service';
import { Public } from './decorators';
import { PeopleDirectory } from './people-directory.service';
import { SessionService } from './session.service';
import { SignInMail } from './sign-in-mail.service';

/** Links asked for per client address, and per e-mail address, in their windows. */
export const EMAIL_LINK_LIMITS = {
  perClient: { limit: 30, windowMs: 10 * 60_000 },
  perAddress: { limit: 3, windowMs: 15 * 60_000 },
} as const;

@ApiTags('people')
@Controller('auth')
export class SignInController {
  private readonly logger = new Logger('SignIn');

  constructor(
    @Inject(CONFIG) private readonly config: SporConfig,
    private readonly sessions: SessionService,
    private readonly directory: PeopleDirectory,
    private readonly mail: SignInMail,
    private readonly limits: AuthFailures,
  ) {}

  @Post('email-link')
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Sends a one-time sign-in link to a person named in a programme; the answer is the same for every address',
  })
  @ApiJsonBody(emailLinkBodySchema)
  @ApiJsonResponse(202, emailLinkAcceptedSchema, 'Taken; a link is on its way if the address belongs to someone')
  @ApiErrors({ 400: 'Not an e-mail address', 429: 'Too many links asked for from this client address' })
  async emailLink(@Body() body: unknown, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const parsed = emailLinkBodySchema.safeParse(body ?? {});
    if (!parsed.success) {
      // The one thing to get right here is the address; say so in the reader's language.
      throw new BadInputException(
        parsed.error.issues.map((i) => ({
          path: i.path.join('.'),
          message: i.path[0] === 'email' || i.path.length === 0 ? AUTH.badEmail : i.message,
        })),
      );
    }
    const { email, next } = parsed.data;
    const p = EMAIL_LINK_LIMITS.perClient;
    const wait = await this.limits.limit(`email-link-client:${req.ip ?? 'unknown'}`, p.limit, p.windowMs);
    if (wait !== undefined) {
      res.setHeader('Retry-After', String(wait));
      throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, AUTH.tooManyLinks);
    }
    // Answered before anything is looked up or sent, so neither the answer nor its timing
    // tells whether the address is known.
    void this.sendLink(normalizeEmail(email), safeNext(next)).catch((err: unknown) =>
      this.logger.error(`A sign-in link could not be sent: ${err instanceof Error ? err.message : String(err)}`),
    );
    return { accepted: true as const };
  }

  /** The link goes only to people in a definition, and at most a few times per window, whatever was asked. */
  private async sendLink(email: string, next: string): Promise<void> {
    const a = EMAIL_LINK_LIMITS.perAddress;
    if ((await this.limits.limit(`email-link-address:${email}`, a.limit, a.windowMs)) !== undefined) return;
    const person = await this.directory.person(email);
    if (!person) return;
    const token = await this.sessions.newLink(person.email);
    const href = `${this.config.publicUrl}/sign-in/${token}?next=${encodeURIComponent(next)}`;
    await this.mail.send(person, href);
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: "Ends the browser's session on the server and clears its cookies" })
  @ApiNoContentResponse({ description: 'Signed out (or was not signed in); no body' })
  @ApiErrors({ 403: 'A signed-in browser sent no CSRF token (X-CSRF-Token)' })
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const session = await this.sessions.identify(req);
    if (session !== 'none' && session !== undefined && !this.sessions.csrfMatches(session, req.header(CSRF_HEADER))) {
      throw new ProblemException(HttpStatus.FORBIDDEN, AUTH.csrfMissing);
    }
    await this.sessions.end(req, res, session === 'none' ? undefined : session);
  }

  @Get('options')
  @Public()
  @ApiOperation({ summary: 'How people may sign in here: by e-mail link, and by single sign-on when it is set up' })
  @ApiJsonResponse(200, signInOptionsSchema, 'The ways to sign in')
  options() {
    return { emailLink: true, oidc: this.config.oidc !== undefined };
  }
}
