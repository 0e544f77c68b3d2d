import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express, Request, Response } from 'express';
import { OIDC_COOKIE, OIDC_ROUND_TRIP_TTL_MS, safeNext, secureCookies } from '../../../libs/auth';
import type { SporConfig } from '../../../libs/config';
import { escapeHtml } from '../../../libs/email';
import { SIGN_IN_PAGE } from '../../../libs/texts/sign-in';
import { CONFIG } from '../common/tokens';
import { PAGE_CSP } from '../pages/pages.module';
import { AuthFailures } from './auth-failures.service';
import { OidcRoundTrip, OidcService } from './oidc.service';
import { PeopleDirectory } from './people-directory.service';
import { SessionService, cookie } from './session.service';

const T = SIGN_IN_PAGE;

/**
 * The browser's ways into a session, outside /api because people follow them as links:
 *
 * - `GET /sign-in/<token>?next=` shows a button; `POST` to the same address spends the
 *   link and starts the session. The extra click is on purpose: mail scanners (Safe Links
 *   and the like) open every link in a message, and would spend a link that a GET used.
 * - `GET /auth/oidc/start?next=` and `GET /auth/oidc/callback`: single sign-on.
 *
 * Both end in a redirect to `next` (a path on Spor; anything else becomes '/'), where the
 * page now finds the session. These are plain Express routes like the pages, so the
 * guard does not see them; each refuses by itself.
 */
@Injectable()
export class SignInRoutes implements OnModuleInit {
  private readonly logger = new Logger('SignIn');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(CONFIG) private readonly config: SporConfig,
    private readonly sessions: SessionService,
    private readonly oidc: OidcService,
    private readonly directory: PeopleDirectory,
    private readonly failures: AuthFailures,
  ) {}

  onModuleInit(): void {
    const app = this.adapterHost.httpAdapter.getInstance<Express>();
    const run = (handler: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response) => {
      handler(req, res).catch((err: unknown) => {
        this.logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
        if (!res.headersSent) page(res, 500, T.failedTitle, [T.failed], { href: '/', label: T.toFrontPage });
      });
    };
    app.get(
      '/sign-in/:token',
      run((req, res) => this.confirm(req, res)),
    );
    app.post(
      '/sign-in/:token',
      run((req, res) => this.redeem(req, res)),
    );
    app.get(
      '/auth/oidc/start',
      run((req, res) => this.oidcStart(req, res)),
    );
    app.get(
      '/auth/oidc/callback',
      run((req, res) => this.oidcCallback(req, res)),
    );
  }

  private async confirm(req: Request, res: Response): Promise<void> {
    const next = safeNext(req.query.next);
    const action = `/sign-in/${encodeURIComponent(String(req.params.token))}?next=${encodeURIComponent(next)}`;
    page(res, 200, T.confirmTitle, [T.confirmText], undefined, action);
  }

  private async redeem(req: Request, res: Response): Promise<void> {
    const next = safeNext(req.query.next);
    const again = { href: next, label: T.askAgain };
    // Only Spor's own confirmation page may spend a link, so no other site can sign
    // someone in as somebody else (login CSRF).
    if (!this.sameOrigin(req)) return page(res, 403, T.refusedTitle, [T.crossSite], again);
    const result = await this.sessions.redeemLink(String(req.params.token));
    if ('refused' in result) {
      const wait = await this.failures.record(req.ip);
      if (wait !== undefined) {
        res.setHeader('Retry-After', String(wait));
        return page(res, 429, T.refusedTitle, [T.tooMany], again);
      }
      return page(res, 400, T.refusedTitle, [T.refused[result.refused]], again);
    }
    await this.sessions.start(req, res, result.email, 'email-link');
    res.redirect(303, next);
  }

  /**
   * Whether the POST came from Spor's own page: browsers say so in Sec-Fetch-Site and
   * Origin; a client that sends neither (a script) is not a browser to be tricked.
   */
  private sameOrigin(req: Request): boolean {
    const site = req.header('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
    const origin = req.header('origin');
    if (origin === undefined || origin === 'null') return true;
    const own = [new URL(this.config.publicUrl).origin, `${req.protocol}://${req.header('host') ?? ''}`];
    return own.includes(origin);
  }

  private async oidcStart(req: Request, res: Response): Promise<void> {
    if (!this.oidc.enabled) return page(res, 404, T.oidcOffTitle, [T.oidcOff], { href: '/', label: T.toFrontPage });
    const { url, roundTrip } = await this.oidc.start(safeNext(req.query.next));
    res.cookie(OIDC_COOKIE, JSON.stringify(roundTrip), {
      httpOnly: true,
      // Lax: the provider's redirect back is a top-level GET, which carries it.
      sameSite: 'lax',
      secure: secureCookies(this.config.publicUrl, req.secure),
      path: '/auth/oidc',
      maxAge: OIDC_ROUND_TRIP_TTL_MS,
    });
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(302, url);
  }

  private async oidcCallback(req: Request, res: Response): Promise<void> {
    if (!this.oidc.enabled) return page(res, 404, T.oidcOffTitle, [T.oidcOff], { href: '/', label: T.toFrontPage });
    const retry = { href: '/', label: T.toFrontPage };
    const roundTrip = parseRoundTrip(cookie(req, OIDC_COOKIE));
    res.clearCookie(OIDC_COOKIE, { path: '/auth/oidc', httpOnly: true, sameSite: 'lax' });
    if (!roundTrip) return page(res, 400, T.oidcFailedTitle, [T.oidcFailed], retry);
    const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
    let identity;
    try {
      identity = await this.oidc.finish(query, roundTrip);
    } catch (err) {
      this.logger.warn(`Single sign-on failed: ${err instanceof Error ? err.message : String(err)}`);
      return page(res, 400, T.oidcFailedTitle, [T.oidcFailed], retry);
    }
    if (!identity.email || !identity.emailVerified) return page(res, 403, T.noRoleTitle, [T.unverified], retry);
    const person = await this.directory.person(identity.email);
    if (!person) return page(res, 403, T.noRoleTitle, [T.noRole(identity.email)], retry);
    await this.sessions.start(req, res, person.email, 'oidc');
    res.redirect(303, roundTrip.next);
  }
}

function parseRoundTrip(value: string | undefined): OidcRoundTrip | undefined {
  if (value === undefined) return undefined;
  try {
    const v = JSON.parse(value) as Partial<OidcRoundTrip>;
    const fields = [v.state, v.nonce, v.verifier, v.next];
    if (!fields.every((f) => typeof f === 'string' && f.length > 0)) return undefined;
    return { state: v.state!, nonce: v.nonce!, verifier: v.verifier!, next: safeNext(v.next) };
  } catch {
    return undefined;
  }
}

/** A small page in Spor's style, drawn by the server (no script): a heading, text, and a link or a button. */
function page(
  res: Response,
  status: number,
  title: string,
  paragraphs: string[],
  link?: { href: string; label: string },
  formAction?: string,
): void {
  const e = escapeHtml;
  const body = [
    `<h1 id="title">${e(title)}</h1>`,
    ...paragraphs.map((p) => `<p>${e(p)}</p>`),
    formAction
      ? `<form method="post" action="${e(formAction)}"><button type="submit" class="button button-primary">${e(T.confirmButton)}</button></form>`
      : '',
    link ? `<p><a href="${e(link.href)}">${e(link.label)}</a></p>` : '',
  ].join('\n');
  res.status(status);
  res.setHeader('Content-Security-Policy', PAGE_CSP);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.type('html').send(`<!doctype html>
<html lang="da">
<head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${e(title)} – Spor</title>
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
<link rel="stylesheet" href="/assets/spor.css" /></head>
<body>
<header class="topbar"><div class="topbar-inner"><a class="brand" href="/"><span class="brand-mark" aria-hidden="true"></span>Spor</a></div></header>
<main id="main" class="page"><section class="card signin" aria-labelledby="title">
${body}
</section></main>
</body>
</html>`);
}
