// Talking to the Leverage REST API: the token kept for this browser tab, and JSON calls that turn the API's
// {"error": "..."} answers into ApiError with that sentence.

const KEY = 'leverage-token';

export function token() {
  return sessionStorage.getItem(KEY);
}

export function setToken(t) {
  if (t) sessionStorage.setItem(KEY, t);
  else sessionStorage.removeItem(KEY);
}

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** Called on any 401: the token is gone or no longer valid. Set by the app. */
let onUnauthorized = () => {};
export function whenUnauthorized(fn) {
  onUnauthorized = fn;
}

/** Percent-encodes one path segment or query value. */
export const enc = encodeURIComponent;

/** A raw fetch of /api + path with the token; throws ApiError for any non-2xx answer. */
export async function apiFetch(path, options = {}) {
  const headers = new Headers(options.headers || {});
  const t = token();
  if (t) headers.set('Authorization', 'Bearer ' + t);
  let res;
  try {
    res = await fetch('/api' + path, { ...options, headers, cache: 'no-store', credentials: 'omit' });
  } catch (e) {
    throw new ApiError(0, 'The server cannot be reached; check that `leverage serve` is running.');
  }
  if (res.ok) return res;
  let message = 'The server answered ' + res.status + '.';
  try {
    const body = await res.json();
    if (body && typeof body.error === 'string') message = body.error;
  } catch (e) {
    // not JSON: keep the status sentence
  }
  if (res.status === 401) onUnauthorized(message);
  throw new ApiError(res.status, message);
}

/** GET (or other method) answering JSON. */
export async function api(path, options = {}) {
  const res = await apiFetch(path, options);
  return res.json();
}

/** The file name a response's Content-Disposition gives, or the fallback. */
export function fileNameOf(res, fallback) {
  const cd = res.headers.get('Content-Disposition') || '';
  let m = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (m) {
    try {
      return decodeURIComponent(m[1]);
    } catch (e) {
      // fall through
    }
  }
  m = /filename="([^"]+)"/i.exec(cd);
  if (m) return m[1];
  return fallback;
}
