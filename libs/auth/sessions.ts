/**
 * Browser sessions: the names and lifetimes the API and the pages agree on, and the
 * checks on where a sign-in may lead. Pure, so it is tested without a server.
 */

/** The session's secret: HttpOnly, so no script (nor an injected one) can read it. */
export const SESSION_COOKIE = 'spor_session';
/**
 * The CSRF token, readable by the pages' own script, which sends it back in
 * CSRF_HEADER on every state-changing request. Another site can make the browser send
 * the cookies, but cannot read this one to put it in a header; and the API compares the
 * header with the hash kept in the session's row, not with the cookie, so a cookie
 * planted from elsewhere does not help either.
 */
export const CSRF_COOKIE = 'spor_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** The OpenID Connect round trip's state, nonce and PKCE verifier, between start and callback. */
export const OIDC_COOKIE = 'spor_oidc';

/** A sign-in link is good for a quarter of an hour, once. */
export const SIGN_IN_LINK_TTL_MS = 15 * 60_000;
/** A session lasts a working day; then the person signs in again. */
export const SESSION_TTL_MS = 12 * 60 * 60_000;
/** The OIDC round trip must be finished within this. */
export const OIDC_ROUND_TRIP_TTL_MS = 10 * 60_000;

/** Requests that change nothing, which need no CSRF token. */
export function isSafeMethod(method: string): boolean {
  return ['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}

/**
 * Where to go after signing in: a path on Spor itself, or '/' for anything else (another
 * origin, a protocol-relative '//evil.example', a backslash trick, control characters),
 * so a sign-in link can never be made to send someone elsewhere.
 */
export function safeNext(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  if (/[\u0000-\u001f\u007f]/.test(value)) return '/';
  const base = 'http://spor.invalid';
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return '/';
  }
  if (url.origin !== base) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Cookies are Secure when Spor is reached over HTTPS, as it is told by PUBLIC_URL or sees in the request. */
export function secureCookies(publicUrl: string, requestIsHttps: boolean): boolean {
  return requestIsHttps || publicUrl.startsWith('https:');
}
