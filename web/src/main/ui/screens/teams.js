// Team selection: the teams of a team set with their free seats; create, join from the list or with a code, leave.
// After the window closes the screen says so and offers nothing the server would refuse. After every action the
// list is read again, so the seats shown are the server's (two students may act at once).
import { useState } from 'preact/hooks';
import { html } from '../lib/html.js';
import { api, allPages } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { courseTime } from '../lib/time.js';
import { Page } from '../components/page.js';
import { Async, Empty, Notice, attempt, useApi } from '../components/states.js';

async function loadTeams(setId) {
  const set = await api(`/api/team-sets/${setId}`);
  const [course, teams, mine] = await Promise.all([
    api(`/api/courses/${set.courseId}`),
    allPages(`/api/team-sets/${setId}/teams`),
    api(`/api/team-sets/${setId}/teams/mine`).catch((error) => (error.status === 404 ? null : Promise.reject(error))),
  ]);
  return { set, course, teams, mine };
}

export function Teams({ params }) {
  const state = useApi(() => loadTeams(params.setId), [params.setId]);
  const [notice, setNotice] = useState(null);
  const base = `/api/team-sets/${params.setId}/teams`;
  const act = async (action, ok) => {
    await attempt(action, ok, setNotice);
    state.reload();
  };
  const loaded = state.data;
  return html`<${Page} title=${loaded ? t('teams.title', { set: loaded.set.name }) : ''} crumbs=${loaded
    ? [{ label: `${loaded.course.code} ${loaded.course.title}`, href: `/courses/${loaded.course.id}` }, { label: loaded.set.name }] : []}>
    <${Async} state=${state}>${({ set, course, teams, mine }) => {
    const closes = set.selectionClosesAt ? courseTime(set.selectionClosesAt, course.timeZone).main : null;
    const open = set.selectionOpen;
    return html`
      <h1>${t('teams.title', { set: set.name })}</h1>
      <p data-testid="selection-window" class=${open ? '' : 'notice error'}>
        ${open ? (closes ? t('teams.window', { time: closes }) : '') : t('teams.closed', { time: closes ?? '' })}</p>
      <${Notice} notice=${notice} />
      ${mine && html`<section class="card mine" data-testid="team-mine">
        <h2>${t('teams.mine')}: ${mine.name}</h2>
        <p>${t('teams.members')}: ${mine.members.map((m) => m.name).join(', ')}</p>
        ${mine.joinCode && html`<p>${t('teams.code', { code: mine.joinCode })}</p>`}
        ${open && html`<button type="button" class="secondary" onClick=${() => act(
          () => api(`${base}/leave`, { method: 'POST' }), () => t('teams.left', { team: mine.name }))}>${t('teams.leave')}</button>`}
      </section>`}
      ${teams.length === 0 ? html`<${Empty}>${t('teams.empty')}<//>` : html`<table class="data" data-testid="team-table">
        <thead><tr><th scope="col">${t('teams.team')}</th><th scope="col">${t('teams.members')}</th>
          <th scope="col"></th><th scope="col"></th></tr></thead>
        <tbody>${teams.map((team) => html`<tr key=${team.id}>
          <th scope="row">${team.name}</th>
          <td>${team.members.map((m) => m.name).join(', ')}</td>
          <td>${t('teams.size', { size: team.size, max: team.maxSize })}</td>
          <td>${team.size >= team.maxSize ? t('teams.full') : open && !mine && html`<button type="button"
            onClick=${() => act(() => api(`${base}/${team.id}/join`, { method: 'POST' }),
              (joined) => t('teams.joined', { team: joined.name }))}>${t('teams.join')} ${team.name}</button>`}</td>
        </tr>`)}</tbody>
      </table>`}
      ${open && !mine && html`<div class="columns">
        <form class="card" onSubmit=${(event) => {
          event.preventDefault();
          const name = event.currentTarget.name.value.trim();
          act(() => api(base, { method: 'POST', json: { name } }), (team) => t('teams.created', { team: team.name }));
        }} data-testid="create-team">
          <h2>${t('teams.create')}</h2>
          <label>${t('teams.name')}<input name="name" required maxlength="100" /></label>
          <button type="submit">${t('teams.createSubmit')}</button>
        </form>
        <form class="card" onSubmit=${(event) => {
          event.preventDefault();
          const code = event.currentTarget.code.value.trim();
          act(() => api(`${base}/join`, { method: 'POST', json: { code } }), (team) => t('teams.joined', { team: team.name }));
        }} data-testid="join-team-code">
          <h2>${t('teams.joinCode')}</h2>
          <label>${t('courses.code')}<input name="code" required autocomplete="off" /></label>
          <button type="submit">${t('teams.joinCodeSubmit')}</button>
        </form>
      </div>`}
    `;
  }}<//>
  <//>`;
}
