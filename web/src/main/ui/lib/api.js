// The one client for the REST API. The session cookie travels by itself; the CSRF token the server handed out at
// sign-in is added here to every request that changes something, and every error comes back as an ApiError that
// carries the server's own problem+json sentence (or, when there is no answer, one of ours).
import { t } from './i18n.js';

let csrfToken = null;
const signedOutListeners = new Set();

/** An answer that was not 2xx, or no answer at all (status 0). {@code detail} is what the page shows. */
export class ApiError extends Error {
  constructor(status, detail, body = {}) {
    super(detail);
    this.status = status;
    this.detail = detail;
    this.body = body;
  }
}

/** Remembers the token state-changing requests must carry (null when signed out). */
export function setCsrfToken(token) {
  csrfToken = token ?? null;
}

/** Returns the header state-changing requests carry: for code that must call fetch itself (the worker's saves). */
export function csrfHeaders() {
  return csrfToken ? { 'X-CSRF-Token': csrfToken } : {};
}

/** Calls {@code listener()} when a request finds the session gone (401), so the app can ask to sign in again. */
export function onSignedOut(listener) {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

/** Returns the sentence for a failed answer: the problem's detail, else one that names the status. */
export async function problemOf(response) {
  const body = await response.json().catch(() => ({}));
  return new ApiError(response.status, body.detail ?? t('error.status', { status: response.status }), body);
}

/**
 * Calls the API. {@code json} is sent as a JSON body, {@code form} (FormData) as multipart; resolves to the parsed
 * JSON answer (null for 204), or, with {@code raw}, to the Response. Rejects with an ApiError.
 */
export async function api(path, { method = 'GET', json, form, raw = false, fetchFn = fetch } = {}) {
  const headers = method === 'GET' || method === 'HEAD' ? {} : csrfHeaders();
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (form !== undefined) {
    body = form;
  }
  let response;
  try {
    response = await fetchFn(path, { method, headers, body });
  } catch {
    throw new ApiError(0, t('error.network'));
  }
  if (!response.ok) {
    const error = await problemOf(response);
    if (response.status === 401 && !path.startsWith('/api/auth/login')) {
      signedOutListeners.forEach((listener) => listener());
    }
    throw error;
  }
  if (raw) {
    return response;
  }
  return response.status === 204 ? null : response.json();
}

/** Every item of a paged list (GET ...?page=&size=), up to {@code limit} items. */
export async function allPages(path, { size = 200, limit = 2000 } = {}) {
  const items = [];
  for (let page = 0; items.length < limit; page++) {
    const separator = path.includes('?') ? '&' : '?';
    const answer = await api(`${path}${separator}page=${page}&size=${size}`);
    items.push(...answer.items);
    if (answer.items.length < size || items.length >= answer.total) {
      break;
    }
  }
  return items;
}
