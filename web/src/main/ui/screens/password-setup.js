// Choosing a first password with the link an instructor passed on (/password-setup?token=…, or the older
// #password-setup=… fragment, which the home route forwards here).
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { html } from '../lib/html.js';
import { api } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { Page } from '../components/page.js';
import { Notice } from '../components/states.js';

export function PasswordSetup() {
  const location = useLocation();
  const [notice, setNotice] = useState(null);
  async function submit(event) {
    event.preventDefault();
    try {
      await api('/api/auth/password-setup', {
        method: 'POST', json: { token: location.query.token, password: event.currentTarget.password.value },
      });
      location.route('/sign-in?done=1', true);
    } catch (error) {
      setNotice({ kind: 'error', text: error.detail });
    }
  }
  return html`<${Page} title=${t('setup.title')}>
    <section class="card narrow">
      <h1>${t('setup.title')}</h1>
      <p id="setup-hint">${t('setup.hint')}</p>
      <form onSubmit=${submit} class="stack" data-testid="password-setup">
        <label>${t('setup.password')}<input name="password" type="password" autocomplete="new-password" minlength="12"
          required aria-describedby="setup-hint" /></label>
        <button type="submit">${t('setup.submit')}</button>
      </form>
      <${Notice} notice=${notice} />
    </section>
  <//>`;
}
