// The console's teams tab: a team set's selection window, its teams and the students without one, moving a student,
// balancing with a preview, a random fill with a seed, and the audit of every placement made after selection.
import { useState } from 'preact/hooks';
import { html } from '../lib/html.js';
import { api, allPages } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { courseTime } from '../lib/time.js';
import { Async, Empty, Notice, attempt, useApi } from '../components/states.js';
import { ConsolePage } from './console-page.js';
import { placementsAllowed } from './access.js';
import { fromZonedInput, toZonedInput } from './zoned-time.js';

async function loadSet(setId, can) {
  const [set, teams, unassigned, audit] = await Promise.all([
    api(`/api/team-sets/${setId}`),
    allPages(`/api/team-sets/${setId}/teams`),
    can.seeUnassigned ? allPages(`/api/team-sets/${setId}/unassigned`) : [],
    can.seeAudit ? allPages(`/api/team-sets/${setId}/audit`, { limit: 200 }) : [],
  ]);
  return { set, teams, unassigned, audit };
}

function Window({ set, zone, onSaved }) {
  const [notice, setNotice] = useState(null);
  const save = (body) => attempt(() => api(`/api/team-sets/${set.id}`, { method: 'PUT', json: body }),
    (saved) => t(saved.selectionOpen ? 'console.teams.windowOpen' : 'console.teams.windowClosed',
      { time: courseTime(saved.selectionClosesAt, zone).main }), setNotice).then(onSaved);
  const submit = (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    save({ name: form.name.value, minSize: Number(form.minSize.value), maxSize: Number(form.maxSize.value),
      selectionClosesAt: fromZonedInput(form.closes.value, zone) });
  };
  return html`<form class="card" onSubmit=${submit} data-testid="selection-window">
    <h3>${t('console.teams.window')}</h3>
    <label>${t('console.teams.setName')}<input name="name" required value=${set.name} /></label>
    <div class="inline">
      <label>${t('console.teams.min')}<input name="minSize" type="number" min="1" required value=${set.minSize} /></label>
      <label>${t('console.teams.max')}<input name="maxSize" type="number" min="1" required value=${set.maxSize} /></label>
    </div>
    <label>${t('console.teams.closes', { zone })}<input name="closes" type="datetime-local" required
      value=${toZonedInput(set.selectionClosesAt, zone)} /></label>
    <div class="inline">
      <button type="submit">${t('console.save')}</button>
      ${set.selectionOpen && html`<button type="button" class="secondary" data-testid="close-selection" onClick=${() => save({
        name: set.name, minSize: set.minSize, maxSize: set.maxSize, selectionClosesAt: new Date().toISOString() })}>
        ${t('console.teams.closeNow')}</button>`}
    </div>
    <${Notice} notice=${notice} />
  </form>`;
}

/** A select of the teams to move {@code student} to (or out of every team), and the button that does it. */
function MoveControl({ set, teams, student, currentTeamId, onMoved, setNotice }) {
  const [target, setTarget] = useState('');
  const move = () => attempt(() => api(`/api/team-sets/${set.id}/placements/${student.accountId}`, {
    method: 'PUT', json: { teamId: target === 'none' ? null : Number(target) } }),
  (placed) => (placed.teamName ? t('console.teams.moved', { name: placed.name, team: placed.teamName })
    : t('console.teams.removed', { name: placed.name })), setNotice).then(onMoved);
  return html`<span class="ic-move" data-testid=${`move-${student.accountId}`}>
    <select aria-label=${t('console.teams.moveTo', { name: student.name })} value=${target}
      onChange=${(event) => setTarget(event.currentTarget.value)}>
      <option value="">${t('console.teams.moveTo', { name: student.name })}</option>
      ${teams.filter((team) => team.id !== currentTeamId).map((team) => html`<option value=${team.id}>${team.name}</option>`)}
      ${currentTeamId != null && html`<option value="none">${t('console.teams.noTeam')}</option>`}
    </select>
    <button type="button" class="small" disabled=${!target} onClick=${move}>${t('console.teams.move')}</button>
  </span>`;
}

function Balance({ set, canApply, onApplied }) {
  const [seed, setSeed] = useState('1');
  const [preview, setPreview] = useState(null);
  const [notice, setNotice] = useState(null);
  const look = () => attempt(() => api(`/api/team-sets/${set.id}/balance?seed=${encodeURIComponent(seed)}`), (report) => {
    setPreview(report);
    return t('console.balance.previewed', { moves: report.moves.length });
  }, setNotice);
  const apply = () => attempt(() => api(`/api/team-sets/${set.id}/balance`, { method: 'POST', json: { seed: Number(seed) } }),
    (report) => {
      setPreview(report);
      return t('console.balance.applied', { moves: report.moves.length });
    }, setNotice).then(onApplied);
  return html`<section class="card" data-testid="balance">
    <h3>${t('console.balance.title')}</h3>
    <p class="muted small">${t('console.balance.help')}</p>
    <div class="inline">
      <label>${t('console.seed')}<input type="number" value=${seed} onInput=${(e) => setSeed(e.currentTarget.value)} /></label>
      <button type="button" class="secondary" onClick=${look}>${t('console.balance.preview')}</button>
      ${canApply && preview && !preview.applied && preview.moves.length > 0 && html`<button type="button" onClick=${apply}>
        ${t('console.balance.apply')}</button>`}
    </div>
    <${Notice} notice=${notice} />
    ${preview && html`<div data-testid="balance-preview">
      ${preview.moves.length === 0 ? html`<p>${t('console.balance.nothing')}</p>` : html`<ul>
        ${preview.moves.map((m) => html`<li>${t('console.balance.move', { name: m.name, from: m.fromTeam, to: m.toTeam })}</li>`)}</ul>`}
      ${preview.teamsRemoved.length > 0 && html`<p>${t('console.balance.removed', { teams: preview.teamsRemoved.join(', ') })}</p>`}
      ${preview.teamsBelowMinimum.length > 0 && html`<p class="notice warn">${t('console.balance.below', { teams: preview.teamsBelowMinimum.join(', ') })}</p>`}
      ${preview.teamsAboveMaximum.length > 0 && html`<p class="notice warn">${t('console.balance.above', { teams: preview.teamsAboveMaximum.join(', ') })}</p>`}
    </div>`}
  </section>`;
}

function Fill({ set, onFilled }) {
  const [seed, setSeed] = useState('1');
  const [notice, setNotice] = useState(null);
  const fill = () => attempt(() => api(`/api/team-sets/${set.id}/fill`, { method: 'POST', json: { seed: Number(seed) } }),
    (report) => t('console.fill.done', { placed: report.placements.length, created: report.teamsCreated.length,
      below: report.teamsBelowMinimum.join(', ') || '–' }), setNotice).then(onFilled);
  return html`<section class="card" data-testid="fill">
    <h3>${t('console.fill.title')}</h3>
    <p class="muted small">${t('console.fill.help')}</p>
    <div class="inline">
      <label>${t('console.seed')}<input type="number" value=${seed} onInput=${(e) => setSeed(e.currentTarget.value)} /></label>
      <button type="button" onClick=${fill}>${t('console.fill.run')}</button>
    </div>
    <${Notice} notice=${notice} />
  </section>`;
}

function Audit({ audit, zone }) {
  return html`<section class="card ic-span" data-testid="team-audit">
    <h3>${t('console.audit.title')}</h3>
    ${audit.length === 0 ? html`<${Empty}>${t('console.audit.none')}<//>` : html`<table class="data">
      <thead><tr><th scope="col">${t('console.audit.when')}</th><th scope="col">${t('console.audit.student')}</th>
        <th scope="col">${t('console.audit.action')}</th><th scope="col">${t('console.audit.from')}</th>
        <th scope="col">${t('console.audit.to')}</th><th scope="col">${t('console.seed')}</th></tr></thead>
      <tbody>${audit.map((entry) => html`<tr key=${entry.id}><td>${courseTime(entry.at, zone).main}</td><td>${entry.name}</td>
        <td>${t(`console.audit.${entry.action}`)}</td><td>${entry.fromTeam ?? '–'}</td><td>${entry.toTeam ?? '–'}</td>
        <td>${entry.seed ?? ''}</td></tr>`)}</tbody>
    </table>`}
  </section>`;
}

function TeamSet({ setId, course, can }) {
  const state = useApi(() => loadSet(setId, can), [setId]);
  const [notice, setNotice] = useState(null);
  return html`<${Async} state=${state}>${({ set, teams, unassigned, audit }) => {
    const place = can.placeStudents && placementsAllowed(set);
    const move = (student, currentTeamId) => place && html`<${MoveControl} set=${set} teams=${teams} student=${student}
      currentTeamId=${currentTeamId} onMoved=${state.reload} setNotice=${setNotice} />`;
    return html`<div data-testid="team-set" data-set=${set.id}>
      <p class=${set.selectionOpen ? 'notice ok' : 'notice warn'} data-testid="selection-state">
        ${t(set.selectionOpen ? 'console.teams.open' : 'console.teams.closed', { time: courseTime(set.selectionClosesAt, course.timeZone).main })}
        ${can.placeStudents && set.selectionOpen ? ` ${t('console.teams.closeFirst')}` : ''}</p>
      <${Notice} notice=${notice} />
      <div class="ic-grid">
        <section class="card ic-span">
          <h3>${t('console.teams.teams', { count: teams.length })}</h3>
          ${teams.length === 0 ? html`<${Empty}>${t('console.teams.noTeams')}<//>` : html`<table class="data" data-testid="console-team-table">
            <thead><tr><th scope="col">${t('console.teams.team')}</th><th scope="col">${t('console.teams.size')}</th>
              <th scope="col">${t('console.teams.members')}</th></tr></thead>
            <tbody>${teams.map((team) => html`<tr key=${team.id} data-team=${team.name}
              class=${team.size < set.minSize || team.size > set.maxSize ? 'ic-off-size' : ''}>
              <th scope="row">${team.name}</th><td class="number">${team.size} / ${set.maxSize}</td>
              <td><ul class="plain ic-members">${team.members.map((member) => html`<li key=${member.accountId}>
                <span>${member.name}</span> ${move(member, team.id)}</li>`)}</ul></td></tr>`)}</tbody>
          </table>`}
        </section>
        ${can.seeUnassigned && html`<section class="card" data-testid="unassigned">
          <h3>${t('console.teams.unassigned', { count: unassigned.length })}</h3>
          ${unassigned.length === 0 ? html`<${Empty}>${t('console.teams.allPlaced')}<//>` : html`<ul class="plain ic-members">
            ${unassigned.map((student) => html`<li key=${student.accountId}><span>${student.name}</span> ${move(student, null)}</li>`)}</ul>`}
        </section>`}
        ${can.editTeamSet && html`<${Window} key=${set.selectionClosesAt} set=${set} zone=${course.timeZone} onSaved=${state.reload} />`}
        ${can.previewBalance && html`<${Balance} set=${set} canApply=${place} onApplied=${state.reload} />`}
        ${place && html`<${Fill} set=${set} onFilled=${state.reload} />`}
        ${can.seeAudit && html`<${Audit} audit=${audit} zone=${course.timeZone} />`}
      </div>
    </div>`;
  }}<//>`;
}

export function TeamsTab({ params }) {
  const sets = useApi(() => allPages(`/api/courses/${params.courseId}/team-sets`), [params.courseId]);
  const [chosen, setChosen] = useState(null);
  return html`<${ConsolePage} courseId=${params.courseId} tab="teams">${({ course, can }) => html`
    <${Async} state=${sets}>${(list) => {
    if (list.length === 0) {
      return html`<${Empty}>${t('console.teams.noSets')}<//>`;
    }
    const setId = chosen ?? list[0].id;
    return html`<label class="ic-picker">${t('console.teams.set')}
        <select value=${setId} onChange=${(event) => setChosen(Number(event.currentTarget.value))} data-testid="team-set-picker">
          ${list.map((set) => html`<option value=${set.id}>${set.name}</option>`)}</select></label>
      <${TeamSet} key=${setId} setId=${setId} course=${course} can=${can} />`;
  }}<//>`}<//>`;
}
