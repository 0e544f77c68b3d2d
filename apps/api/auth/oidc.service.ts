import { Inject, Injectable } from '@nestjs/common';
import type * as Oidc from 'openid-client';
import type { SporConfig } from '../../../libs/config';
import { CONFIG } from '../common/tokens';

/** What the start of a sign-in keeps for its callback (in a short-lived HttpOnly cookie). */
export interface OidcRoundTrip {
  state: string;
  nonce: string;
  verifier: string;
  next: string;
}

/** Who the provider says signed in. */
export interface OidcIdentity {
  email?: string;
  emailVerified: boolean;
}

/**
 * Single sign-on by OpenID Connect (authorization code with PKCE), with openid-client.
 * The library is ESM-only; it is loaded (Node's require of ES modules) only when
 * OIDC_ISSUER is set, and the provider's metadata is discovered on first use and kept.
 */
@Injectable()
export class OidcService {
  private configuration?: Promise<Oidc.Configuration>;

  constructor(@Inject(CONFIG) private readonly config: SporConfig) {}

  get enabled(): boolean {
    return this.config.oidc !== undefined;
  }

  get redirectUri(): string {
    return `${this.config.publicUrl}/auth/oidc/callback`;
  }

  private async client(): Promise<{ lib: typeof Oidc; configuration: Oidc.Configuration }> {
    const lib = await import('openid-client');
    const oidc = this.config.oidc;
    if (!oidc) throw new Error('OIDC is not configured');
    this.configuration ??= (async () => {
      const issuer = new URL(oidc.issuer);
      // Plain HTTP only for a provider on this machine (a test or a local trial).
      const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
      return lib.discovery(
        issuer,
        oidc.clientId,
        undefined,
        lib.ClientSecretBasic(oidc.clientSecret),
        issuer.protocol === 'http:' && loopback ? { execute: [lib.allowInsecureRequests] } : undefined,
      );
    })();
    // A failed discovery (provider down) is tried again on the next sign-in.
    this.configuration.catch(() => (this.configuration = undefined));
    return { lib, configuration: await this.configuration };
  }

  /** Where to send the browser, and what to keep for the callback. */
  async start(next: string): Promise<{ url: string; roundTrip: OidcRoundTrip }> {
    const { lib, configuration } = await this.client();
    const verifier = lib.randomPKCECodeVerifier();
    const roundTrip: OidcRoundTrip = { state: lib.randomState(), nonce: lib.randomNonce(), verifier, next };
    const url = lib.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: 'openid email profile',
      code_challenge: await lib.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: roundTrip.state,
      nonce: roundTrip.nonce,
    });
    return { url: url.href, roundTrip };
  }

  /** Exchanges the code (checking state, nonce and PKCE) and reads the e-mail claims, from the userinfo endpoint if need be. */
  async finish(callbackQuery: string, roundTrip: OidcRoundTrip): Promise<OidcIdentity> {
    const { lib, configuration } = await this.client();
    const current = new URL(`${this.redirectUri}${callbackQuery}`);
    const tokens = await lib.authorizationCodeGrant(configuration, current, {
      pkceCodeVerifier: roundTrip.verifier,
      expectedState: roundTrip.state,
      expectedNonce: roundTrip.nonce,
      idTokenExpected: true,
    });
    let claims: Record<string, unknown> = { ...(tokens.claims() ?? {}) };
    if (typeof claims.email !== 'string') {
      const sub = typeof claims.sub === 'string' ? claims.sub : lib.skipSubjectCheck;
      claims = { ...claims, ...(await lib.fetchUserInfo(configuration, tokens.access_token, sub)) };
    }
    return {
      email: typeof claims.email === 'string' ? claims.email : undefined,
      emailVerified: claims.email_verified === true,
    };
  }
}
