// The console's course tab: title and time zone, the join code, the roster import with its errors by line, and the
// password setup links for members who have no password yet.
import { useState } from 'preact/hooks';
import { html } from '../lib/html.js';
import { api, allPages } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { Async, Notice, attempt, useApi } from '../components/states.js';
import { ConsolePage } from './console-page.js';
import { postText } from './upload.js';

const ZONES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

function Settings({ course, reloadCourse }) {
  const [notice, setNotice] = useState(null);
  const save = (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    attempt(() => api(`/api/courses/${course.id}`, { method: 'PUT', json: { title: form.title.value, timeZone: form.timeZone.value } }),
      (saved) => t('console.course.saved', { title: saved.title, zone: saved.timeZone }), setNotice).then(reloadCourse);
  };
  return html`<form class="card" onSubmit=${save} data-testid="course-settings">
    <h2>${t('console.course.settings')}</h2>
    <label>${t('console.course.titleField')}<input name="title" required maxlength="200" value=${course.title} /></label>
    <label>${t('console.course.zone')}
      <input name="timeZone" required list="ic-zones" value=${course.timeZone} autocomplete="off" /></label>
    <datalist id="ic-zones">${ZONES.map((zone) => html`<option value=${zone} />`)}</datalist>
    <p class="muted small">${t('console.course.zoneHelp')}</p>
    <button type="submit">${t('console.save')}</button>
    <${Notice} notice=${notice} />
  </form>`;
}

function JoinCode({ course, can }) {
  const state = useApi(`/api/courses/${course.id}/join-code`, [course.id]);
  const [notice, setNotice] = useState(null);
  const rotate = () => {
    if (!window.confirm(t('console.course.rotateConfirm'))) {
      return;
    }
    attempt(() => api(`/api/courses/${course.id}/join-code`, { method: 'POST' }), (code) => {
      state.setData(code);
      return t('console.course.rotated', { code: code.joinCode });
    }, setNotice);
  };
  return html`<section class="card" data-testid="join-code">
    <h2>${t('console.course.joinCode')}</h2>
    <${Async} state=${state}>${(code) => html`<p><code class="ic-code">${code.joinCode}</code></p>`}<//>
    <p class="muted small">${t('console.course.joinCodeHelp')}</p>
    ${can.rotateJoinCode && html`<button type="button" class="secondary" onClick=${rotate}>${t('console.course.rotate')}</button>`}
    <${Notice} notice=${notice} />
  </section>`;
}

function RosterImport({ course, onImported }) {
  const [report, setReport] = useState(null);
  const [notice, setNotice] = useState(null);
  const submit = async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const file = form.file.files[0];
    const csv = file ? await file.text() : form.csv.value;
    const result = await attempt(() => postText(api, `/api/courses/${course.id}/roster`, csv, 'text/csv'),
      (r) => t('console.roster.done', { rows: r.rowsRead, enrolled: r.enrolled, created: r.accountsCreated,
        changed: r.rolesChanged, unchanged: r.unchanged, errors: r.errors.length }), setNotice);
    setReport(result ?? null);
    if (result) {
      onImported();
    }
  };
  return html`<form class="card" onSubmit=${submit} data-testid="roster-import">
    <h2>${t('console.roster.title')}</h2>
    <p class="muted small">${t('console.roster.help')}</p>
    <label>${t('console.roster.file')}<input type="file" name="file" accept=".csv,text/csv" /></label>
    <label>${t('console.roster.paste')}<textarea name="csv" rows="4" placeholder="email,name,role"></textarea></label>
    <button type="submit">${t('console.roster.import')}</button>
    <${Notice} notice=${notice} />
    ${report?.errors.length > 0 && html`<table class="data" data-testid="roster-errors">
      <caption>${t('console.roster.errors')}</caption>
      <thead><tr><th scope="col">${t('console.roster.line')}</th><th scope="col">${t('console.roster.problem')}</th></tr></thead>
      <tbody>${report.errors.map((error) => html`<tr><td class="number">${error.line}</td><td>${error.detail}</td></tr>`)}</tbody>
    </table>`}
  </form>`;
}

function Members({ course, can, version }) {
  const state = useApi(() => allPages(`/api/courses/${course.id}/members`), [course.id, version]);
  const [links, setLinks] = useState(null);
  const [notice, setNotice] = useState(null);
  const issue = () => attempt(() => api(`/api/courses/${course.id}/password-links`, { method: 'POST' }), (answer) => {
    setLinks(answer.links);
    return t('console.links.done', { links: answer.links.length, skipped: answer.membersWithPassword });
  }, setNotice);
  return html`<section class="card ic-span" data-testid="members">
    <h2>${t('console.members.title')}</h2>
    ${can.passwordLinks && html`<p><button type="button" class="secondary" onClick=${issue} data-testid="password-links">
      ${t('console.links.issue')}</button> <span class="muted small">${t('console.links.help')}</span></p>`}
    <${Notice} notice=${notice} />
    ${links?.length > 0 && html`<table class="data" data-testid="link-table">
      <caption>${t('console.links.caption')}</caption>
      <thead><tr><th scope="col">${t('console.members.name')}</th><th scope="col">${t('console.links.link')}</th>
        <th scope="col">${t('console.links.expires')}</th></tr></thead>
      <tbody>${links.map((link) => html`<tr><td>${link.name} <small class="muted">${link.email}</small></td>
        <td><input readonly value=${link.link} class="ic-link" onFocus=${(e) => e.currentTarget.select()} /></td>
        <td>${new Date(link.expiresAt).toLocaleString()}</td></tr>`)}</tbody>
    </table>`}
    <${Async} state=${state}>${(members) => html`<table class="data">
      <thead><tr><th scope="col">${t('console.members.name')}</th><th scope="col">${t('console.members.email')}</th>
        <th scope="col">${t('console.members.role')}</th></tr></thead>
      <tbody>${members.map((member) => html`<tr key=${member.accountId}><td>${member.name}</td><td>${member.email}</td>
        <td>${t(`console.role.${member.role}`)}</td></tr>`)}</tbody>
    </table>`}<//>
  </section>`;
}

export function CourseTab({ params }) {
  const [version, setVersion] = useState(0);
  return html`<${ConsolePage} courseId=${params.courseId} tab="course">${({ course, can, reloadCourse }) => html`
    <div class="ic-grid">
      ${can.editCourse ? html`<${Settings} course=${course} reloadCourse=${reloadCourse} />`
        : html`<section class="card"><h2>${t('console.course.settings')}</h2>
            <p>${t('console.course.zoneIs', { zone: course.timeZone })}</p></section>`}
      <${JoinCode} course=${course} can=${can} />
      ${can.importRoster && html`<${RosterImport} course=${course} onImported=${() => setVersion((v) => v + 1)} />`}
      <${Members} course=${course} can=${can} version=${version} />
    </div>`}<//>`;
}
