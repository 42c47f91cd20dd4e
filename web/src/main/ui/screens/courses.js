// My courses, and joining one with the code the instructor gave.
import { useState } from 'preact/hooks';
import { html } from '../lib/html.js';
import { api, allPages } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { Page } from '../components/page.js';
import { Async, Empty, Notice, attempt, useApi } from '../components/states.js';

export function Courses() {
  const courses = useApi(() => allPages('/api/courses'), []);
  const [notice, setNotice] = useState(null);
  async function join(event) {
    event.preventDefault();
    const form = event.currentTarget;
    const course = await attempt(() => api('/api/courses/join', { method: 'POST', json: { code: form.code.value.trim() } }),
      (joined) => t('courses.joined', { title: joined.title }), setNotice);
    if (course) {
      form.reset();
      courses.reload();
    }
  }
  return html`<${Page} title=${t('courses.title')}>
    <h1>${t('courses.title')}</h1>
    <${Async} state=${courses}>${(list) => (list.length === 0
      ? html`<${Empty}>${t('courses.empty')}<//>`
      : html`<ul class="cards" data-testid="course-list">${list.map((course) => html`<li class="card" key=${course.id}>
          <a href=${`/courses/${course.id}`}><strong>${course.code}</strong> ${course.title}</a>
          <span class="muted">${course.myRole ? t(`courses.role.${course.myRole}`) : ''} · ${course.timeZone}</span>
        </li>`)}</ul>`)}<//>
    <section class="card narrow">
      <h2>${t('courses.join')}</h2>
      <form onSubmit=${join} class="inline" data-testid="join-course">
        <label>${t('courses.code')}<input name="code" required autocomplete="off" /></label>
        <button type="submit">${t('courses.joinSubmit')}</button>
      </form>
      <${Notice} notice=${notice} />
    </section>
  <//>`;
}
