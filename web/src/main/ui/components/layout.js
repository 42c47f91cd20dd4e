// The one layout of every screen: a header with the product, where you are (breadcrumbs), the language switch
// and the account; a skip link; the screen's content in <main>.
import { html } from '../lib/html.js';
import { LANGUAGES, currentLanguage, t } from '../lib/i18n.js';

export function Layout({ session, onSignOut, onLanguage, crumbs = [], children }) {
  return html`<div class="app">
    <a class="skip" href="#main">${t('app.skip')}</a>
    <header class="topbar">
      <a class="brand" href=${session ? '/courses' : '/sign-in'}>${t('app.name')}</a>
      <nav aria-label="breadcrumbs" class="crumbs">
        ${session && html`<a href="/courses">${t('nav.courses')}</a>`}
        ${crumbs.map((crumb) => html`<span aria-hidden="true">›</span>${crumb.href
          ? html`<a href=${crumb.href}>${crumb.label}</a>` : html`<span aria-current="page">${crumb.label}</span>`}`)}
      </nav>
      <span class="spacer"></span>
      ${session && html`<a href="/playground" class="nav-link">${t('nav.playground')}</a>`}
      <label class="language">
        <span class="visually-hidden">${t('nav.language')}</span>
        <select value=${currentLanguage()} onChange=${(event) => onLanguage(event.currentTarget.value)}
          aria-label=${t('nav.language')} data-testid="language">
          ${Object.entries(LANGUAGES).map(([code, name]) => html`<option value=${code}>${name}</option>`)}
        </select>
      </label>
      ${session && html`<span class="account" data-testid="account">${t('nav.signedInAs', { name: session.account.name })}
        <button type="button" class="secondary small" onClick=${onSignOut}>${t('nav.signOut')}</button></span>`}
    </header>
    <main id="main" tabindex="-1">${children}</main>
  </div>`;
}

/** The tabs of an assignment's screens; the current one is marked for screen readers. */
export function AssignmentTabs({ assignmentId, current }) {
  const tabs = ['workspace', 'experiments', 'report', 'submit', 'feedback'];
  return html`<nav class="tabs" aria-label=${t('course.assignments')}>
    ${tabs.map((tab) => html`<a href=${`/assignments/${assignmentId}/${tab}`} data-testid=${`tab-${tab}`}
      aria-current=${tab === current ? 'page' : undefined}>${t(`tabs.${tab}`)}</a>`)}
  </nav>`;
}
