import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import {
  CSRF_COOKIE,
  SESSION_COOKIE,
  SESSION_TTL_MS,
  SIGN_IN_LINK_TTL_MS,
  generateToken,
  hashToken,
  normalizeEmail,
  sameHash,
  secureCookies,
} from '../../../libs/auth';
import type { SporConfig } from '../../../libs/config';
import { type LinkRefusal, SessionEntity, Sessions } from '../../../libs/persistence';
import { CONFIG } from '../common/tokens';

/** Spent and expired links and sessions are forgotten a day after they expire. */
const SWEEP_GRACE_MS = 24 * 60 * 60_000;

/**
 * Sign-in links and browser sessions. Secrets are made here, handed out once (in an
 * e-mail, in a cookie) and kept only as SHA-256 hashes, like API tokens.
 */
@Injectable()
export class SessionService {
  private readonly store: Sessions;

  constructor(
    dataSource: DataSource,
    @Inject(CONFIG) private readonly config: SporConfig,
  ) {
    this.store = new Sessions(dataSource);
  }

  /** A new one-time link secret for `email`. */
  async newLink(email: string, now = new Date()): Promise<string> {
    await this.store.sweep(now, SWEEP_GRACE_MS);
    const token = generateToken();
    await this.store.addLink(normalizeEmail(email), hashToken(token), now, SIGN_IN_LINK_TTL_MS);
    return token;
  }

  redeemLink(token: string, now = new Date()): Promise<{ email: string } | { refused: LinkRefusal }> {
    return this.store.redeemLink(hashToken(token), now);
  }

  /** Starts a session for `email` and gives the browser its cookies. */
  async start(req: Request, res: Response, email: string, method: 'email-link' | 'oidc'): Promise<void> {
    const now = new Date();
    const token = generateToken();
    const csrf = generateToken();
    await this.store.addSession({
      email: normalizeEmail(email),
      tokenHash: hashToken(token),
      csrfHash: hashToken(csrf),
      method,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
    });
    const common = {
      sameSite: 'lax' as const,
      secure: secureCookies(this.config.publicUrl, req.secure),
      path: '/',
      maxAge: SESSION_TTL_MS,
    };
    res.cookie(SESSION_COOKIE, token, { ...common, httpOnly: true });
    res.cookie(CSRF_COOKIE, csrf, { ...common, httpOnly: false });
  }

  /** The live session the request's cookie names, if any. */
  async identify(req: Request): Promise<SessionEntity | undefined | 'none'> {
    const token = cookie(req, SESSION_COOKIE);
    if (token === undefined) return 'none';
    return this.store.activeSession(hashToken(token), new Date());
  }

  /** Whether the request's CSRF header matches the session's token. */
  csrfMatches(session: SessionEntity, header: string | undefined): boolean {
    return typeof header === 'string' && header.length > 0 && sameHash(session.csrfHash, hashToken(header));
  }

  /** Ends the session on the server and tells the browser to forget its cookies. */
  async end(req: Request, res: Response, session: SessionEntity | undefined): Promise<void> {
    if (session) await this.store.endSession(session.id, new Date());
    this.forget(req, res);
  }

  forget(req: Request, res: Response): void {
    const options = { sameSite: 'lax' as const, secure: secureCookies(this.config.publicUrl, req.secure), path: '/' };
    res.clearCookie(SESSION_COOKIE, { ...options, httpOnly: true });
    res.clearCookie(CSRF_COOKIE, options);
  }
}

/** A cookie's value, as cookie-parser (installed in bootstrap.ts) left it. */
export function cookie(req: Request, name: string): string | undefined {
  const value: unknown = (req as { cookies?: Record<string, unknown> }).cookies?.[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
