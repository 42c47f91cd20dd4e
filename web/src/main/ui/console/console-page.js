// The frame of every console screen: the course, the account's console role, the tab bar. A student (or anyone
// without a staff role in the course) sees a sentence and no controls.
import { html } from '../lib/html.js';
import { api } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { useApp } from '../lib/app-context.js';
import { Page } from '../components/page.js';
import { Async, ErrorBox, useApi } from '../components/states.js';
import { abilities, consoleRole } from './access.js';

export const TABS = ['course', 'assignments', 'teams', 'datasets', 'grading'];

/** The address of a console tab. */
export const tabPath = (courseId, tab) => `/console/courses/${courseId}${tab === 'course' ? '' : `/${tab}`}`;

function Tabs({ courseId, current }) {
  return html`<nav class="tabs ic-tabs" aria-label=${t('console.title')} data-testid="console-tabs">
    ${TABS.map((tab) => html`<a href=${tabPath(courseId, tab)} data-testid=${`console-tab-${tab}`}
      aria-current=${tab === current ? 'page' : undefined}>${t(`console.tab.${tab}`)}</a>`)}
  </nav>`;
}

/** Renders {@code children({course, role, can, reloadCourse})} inside the console's frame for tab {@code tab}. */
export function ConsolePage({ courseId, tab, children }) {
  const { session } = useApp();
  const state = useApi(() => api(`/api/courses/${courseId}`), [courseId]);
  const course = state.data;
  const role = course ? consoleRole(course, session?.account) : null;
  const crumbs = course ? [{ label: `${course.code} ${course.title}`, href: `/courses/${course.id}` },
    { label: t('console.title') }] : [];
  return html`<${Page} title=${course ? `${t('console.title')} · ${course.code}` : t('console.title')} crumbs=${crumbs} wide>
    <${Async} state=${state}>${() => (role === null
      ? html`<${ErrorBox} error=${{ detail: t('console.staffOnly') }} />`
      : html`<div class="ic" data-testid="console" data-role=${role}>
          <h1>${t('console.heading', { course: `${course.code} ${course.title}` })}
            <small class="muted"> ${t(`console.role.${role}`)}</small></h1>
          <${Tabs} courseId=${courseId} current=${tab} />
          ${children({ course, role, can: abilities(role), reloadCourse: state.reload })}
        </div>`)}<//>
  <//>`;
}
