// The API under /api, with the person's token as the bearer token (never in a URL), or
// else with the session cookie a sign-in link or single sign-on gave, plus its CSRF token
// on every request that changes something.

const TOKEN_KEY = 'spor.token';
const CSRF_COOKIE = 'spor_csrf';

/** The session's CSRF token; its cookie is there exactly while a session is (the session's own cookie is HttpOnly). */
export function csrfToken() {
  const found = document.cookie.split('; ').find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  return found ? decodeURIComponent(found.slice(CSRF_COOKIE.length + 1)) : null;
}

/** The headers and credentials that authenticate a request: the token if one is kept, else the session. */
function credentials(method, withToken) {
  if (withToken) return { headers: { authorization: `Bearer ${withToken}` }, credentials: 'omit' };
  const csrf = csrfToken();
  const changes = !['GET', 'HEAD'].includes(method.toUpperCase());
  return { headers: csrf && changes ? { 'x-csrf-token': csrf } : {}, credentials: 'same-origin' };
}

export class ApiError extends Error {
  constructor(status, body) {
    super(body && typeof body.message === 'string' ? body.message : `HTTP ${status}`);
    this.status = status;
    this.details = body && Array.isArray(body.details) ? body.details : [];
  }
}

export function token() {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function keepToken(value) {
  localStorage.setItem(TOKEN_KEY, value);
}

export function forgetToken() {
  try {
    localStorage.removeItem(TOKEN_KEY);
  } catch {
    // Nothing stored, nothing to remove.
  }
}

export async function api(method, path, body, withToken = token()) {
  const auth = credentials(method, withToken);
  const headers = { accept: 'application/json', 'accept-language': 'da', ...auth.headers };
  // A form (a file upload) travels as multipart, its boundary set by the browser.
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  // One key per action: should the request be sent again (a retry on a flaky network),
  // the API answers as the first time and changes nothing twice. randomUUID exists only
  // on https and localhost; elsewhere the request goes without a key.
  const key = method === 'GET' ? undefined : globalThis.crypto?.randomUUID?.();
  if (key) headers['idempotency-key'] = key;
  const res = await fetch(`/api${path}`, {
    method,
    headers,
    body: body === undefined || isForm ? body : JSON.stringify(body),
    cache: 'no-store',
    credentials: auth.credentials,
  });
  const text = await res.text();
  let data;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

export const enc = encodeURIComponent;

/**
 * Fetches a file from the API with the token and hands it to the browser as a download
 * under the name the API gives it: a plain link could not carry the token.
 */
export async function download(path, fallbackName) {
  const auth = credentials('GET', token());
  // Danish, as every request of the pages: a refusal is shown to the person as it comes.
  const res = await fetch(`/api${path}`, {
    headers: { 'accept-language': 'da', ...auth.headers },
    cache: 'no-store',
    credentials: auth.credentials,
  });
  if (!res.ok) {
    let data;
    try {
      data = await res.json();
    } catch {
      data = undefined;
    }
    throw new ApiError(res.status, data);
  }
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(res.headers.get('content-disposition')) || fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The file name in a Content-Disposition header, preferring the UTF-8 form (RFC 6266). */
function fileNameOf(header) {
  if (!header) return undefined;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      // Fall through to the plain name.
    }
  }
  const plain = /filename="([^"]*)"/i.exec(header);
  return plain ? plain[1] : undefined;
}
