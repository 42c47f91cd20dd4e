// Who is signed in, and the small forms of the page's header: sign in, sign out, and choosing a first
// password with the link an instructor passed on (#password-setup=<token>).
const $ = (id) => document.getElementById(id);
let csrfToken = null;
const listeners = [];

/** Calls {@code listener(session)} on every sign-in, and {@code listener(null)} when the page is signed out. */
export function onSessionChange(listener) {
  listeners.push(listener);
}

function announce(session) {
  listeners.forEach((listener) => listener(session));
}

/** Returns the token of a password setup link's fragment, or null when the fragment is something else. */
export function setupToken(hash) {
  const match = /^#password-setup=([A-Za-z0-9_-]+)$/.exec(hash ?? '');
  return match ? match[1] : null;
}

/** Returns the header that state-changing requests of a signed-in page must carry. */
export function csrfHeaders() {
  return csrfToken ? { 'X-CSRF-Token': csrfToken } : {};
}

/** Shows the sign-in form with a message that says why it is needed. */
export function showSignIn(message) {
  if (!$('account').hidden) {
    announce(null);
  }
  $('account').hidden = true;
  $('password-setup').hidden = true;
  $('sign-in').hidden = false;
  $('sign-in-message').textContent = message;
  $('sign-in-email').focus();
}

function showSignedIn(session) {
  csrfToken = session.csrfToken ?? null;
  $('sign-in').hidden = true;
  $('account').hidden = false;
  $('account-name').textContent = session.account.name;
  announce(session);
}

async function problemDetail(response) {
  const body = await response.json().catch(() => ({}));
  return body.detail ?? `The server answered ${response.status}.`;
}

async function signIn(event) {
  event.preventDefault();
  const response = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: $('sign-in-email').value, password: $('sign-in-password').value }),
  });
  $('sign-in-password').value = '';
  if (response.ok) {
    showSignedIn(await response.json());
  } else {
    $('sign-in-message').textContent = await problemDetail(response);
  }
}

async function signOut() {
  await fetch('/api/auth/logout', { method: 'POST', headers: csrfHeaders() });
  csrfToken = null;
  showSignIn('Signed out.');
}

async function setPassword(event, token) {
  event.preventDefault();
  const response = await fetch('/api/auth/password-setup', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token, password: $('password-setup-password').value }),
  });
  if (response.ok) {
    history.replaceState(null, '', location.pathname);
    showSignIn('Your password is set. Sign in with your email and the new password.');
  } else {
    $('password-setup-message').textContent = await problemDetail(response);
  }
}

/** Wires the forms and shows who is signed in, the sign-in form, or the password setup form. */
export async function loadSession() {
  $('sign-in').addEventListener('submit', signIn);
  $('sign-out').addEventListener('click', signOut);
  const options = await fetch('/api/auth/options').then((r) => r.json()).catch(() => ({}));
  $('sign-in-university').hidden = !options.university;
  const token = setupToken(location.hash);
  if (token) {
    $('password-setup').hidden = false;
    $('password-setup').addEventListener('submit', (event) => setPassword(event, token));
    return;
  }
  const me = await fetch('/api/auth/me');
  if (me.ok) {
    showSignedIn(await me.json());
  } else {
    showSignIn('Sign in to compile and run your programs.');
  }
}
