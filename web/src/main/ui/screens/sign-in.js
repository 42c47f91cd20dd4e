// Sign in with email and password, or with the university's sign-in when the server offers it.
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { html } from '../lib/html.js';
import { api } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { signIn } from '../lib/session.js';
import { useApp } from '../lib/app-context.js';
import { Page } from '../components/page.js';
import { Notice } from '../components/states.js';

/** Where to go after signing in: the page asked for, if it is one of ours. */
export function nextPath(query) {
  const next = query.next ?? '';
  return next.startsWith('/') && !next.startsWith('//') ? next : '/courses';
}

export function SignIn() {
  const app = useApp();
  const location = useLocation();
  const [notice, setNotice] = useState(location.query.done ? { kind: 'ok', text: t('setup.done') } : null);
  const [university, setUniversity] = useState(false);
  useEffect(() => {
    api('/api/auth/options').then((options) => setUniversity(Boolean(options.university)), () => null);
  }, []);
  useEffect(() => {
    if (app.session) {
      location.route(nextPath(location.query), true);
    }
  }, [app.session]);

  async function submit(event) {
    event.preventDefault();
    const form = event.currentTarget;
    try {
      const session = await signIn(form.email.value, form.password.value);
      app.setSession(session);
    } catch (error) {
      form.password.value = '';
      setNotice({ kind: 'error', text: error.detail });
    }
  }

  return html`<${Page} title=${t('signIn.title')}>
    <section class="card narrow">
      <h1>${t('signIn.title')}</h1>
      <p>${t('signIn.why')}</p>
      <form onSubmit=${submit} class="stack" data-testid="sign-in">
        <label>${t('signIn.email')}<input name="email" type="email" autocomplete="username" required autofocus /></label>
        <label>${t('signIn.password')}<input name="password" type="password" autocomplete="current-password" required /></label>
        <button type="submit">${t('signIn.submit')}</button>
      </form>
      <${Notice} notice=${notice} />
      ${university && html`<p><a href="/api/auth/oidc/login">${t('signIn.university')}</a></p>`}
    </section>
  <//>`;
}
