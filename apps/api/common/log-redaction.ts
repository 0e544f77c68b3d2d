/**
 * What the request log may say about an address. Some addresses are secrets themselves:
 * a sign-in link's token (`/sign-in/<token>`), a calendar feed's (`/api/calendar/<secret>.ics`),
 * and the code and state single sign-on brings back (`/auth/oidc/callback?code=…&state=…`).
 * Anyone who reads the logs could use them, so they are blotted out before a line is
 * written; the rest of the address stays, for finding the request.
 */
const HIDDEN = '[redacted]';

/**
 * Path patterns whose secret part is replaced; the first group is kept. Express matches
 * routes without regard to case or a trailing slash, so these do too.
 */
const SECRET_PATHS: readonly RegExp[] = [
  /^(\/sign-in\/)[^/?#]+/i,
  /^(\/api\/calendar\/)[^/?#]+?(?=\.ics\/?(?:[?#]|$))/i,
];

/** Query parameters that carry a secret wherever they appear (also in a redirect's address). */
const SECRET_PARAMS = new Set(['code', 'state', 'nonce', 'token', 'secret', 'id_token', 'access_token']);

/** The address, absolute (a redirect's) or a path, with its secrets blotted out. */
export function withoutSecrets(url: string): string {
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url)?.[0];
  if (origin) return origin + withoutSecrets(url.slice(origin.length));
  const q = url.indexOf('?');
  let path = q === -1 ? url : url.slice(0, q);
  const query = q === -1 ? '' : url.slice(q + 1);
  for (const pattern of SECRET_PATHS) path = path.replace(pattern, `$1${HIDDEN}`);
  if (!query) return path;
  const params = query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq === -1 ? pair : pair.slice(0, eq);
      return eq !== -1 && SECRET_PARAMS.has(decodeURIComponentSafe(name).toLowerCase()) ? `${name}=${HIDDEN}` : pair;
    })
    .join('&');
  return `${path}?${params}`;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The request as the log shows it (pino-http's serializer): its address without secrets,
 * and without the parsed query and route parameters, which would repeat them.
 */
export function loggedRequest<R extends { url: string; query?: unknown; params?: unknown }>(
  req: R,
): Omit<R, 'query' | 'params'> {
  const { query: _query, params: _params, ...rest } = req;
  return { ...rest, url: withoutSecrets(req.url) };
}

/**
 * The response as the log shows it: a redirect's address (single sign-on's start sends
 * the provider its state and nonce in it) without secrets.
 */
export function loggedResponse<R extends { headers?: Record<string, unknown> }>(res: R): R {
  const location = res.headers?.location;
  if (typeof location !== 'string') return res;
  return { ...res, headers: { ...res.headers, location: withoutSecrets(location) } };
}
