// Who is signed in: the session the server reports (GET /api/auth/me), kept for the app, and the password-setup
// link's token. Sign-in and sign-out go through the API client, which also remembers the CSRF token.
import { api, setCsrfToken } from './api.js';

/** Returns the token of a password setup link (#password-setup=<token>), or null for any other fragment. */
export function setupToken(hash) {
  const match = /^#password-setup=([A-Za-z0-9_-]+)$/.exec(hash ?? '');
  return match ? match[1] : null;
}

/** The current session ({account, csrfToken}), or null when signed out. */
export async function currentSession() {
  try {
    const session = await api('/api/auth/me');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export async function signIn(email, password) {
  const session = await api('/api/auth/login', { method: 'POST', json: { email, password } });
  setCsrfToken(session.csrfToken);
  return session;
}

export async function signOut() {
  await api('/api/auth/logout', { method: 'POST' }).catch(() => null);
  setCsrfToken(null);
}
