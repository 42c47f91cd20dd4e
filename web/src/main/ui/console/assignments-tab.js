// The console's assignments tab: publish from the server's folder or an uploaded one (assignment.yaml's errors shown
// at their YAML path and line), the deadline and late-credit timeline edited with its picture, extensions per team
// or student.
import { useState } from 'preact/hooks';
import { html } from '../lib/html.js';
import { api, allPages } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { courseTime } from '../lib/time.js';
import { Async, Empty, Notice, attempt, useApi } from '../components/states.js';
import { CreditTimeline } from '../components/deadline.js';
import { ConsolePage } from './console-page.js';
import { deadlineRequest, previewDeadline, stepsOf } from './deadline-form.js';
import { fromZonedInput, toZonedInput } from './zoned-time.js';
import { folderName, readFolder } from './folder-files.js';
import { excerpt, lineOfPath } from './yaml-path.js';

/** POSTs an import; resolves to {assignment, created}. */
async function publish(path, json) {
  const response = await api(path, { method: 'POST', json, raw: true });
  return { assignment: await response.json(), created: response.status === 201 };
}

/** The refused spec's errors at their YAML path, with the line each names and the file around it. */
function SpecErrors({ problem, yaml }) {
  const errors = (problem.errors ?? []).map((error) => ({ ...error, line: yaml ? lineOfPath(yaml, error.path) : null }));
  const marked = new Set(errors.map((error) => error.line).filter(Boolean));
  const lines = yaml ? yaml.split(/\r?\n/) : [];
  return html`<div class="ic-spec-errors" role="alert" data-testid="spec-errors">
    <p><strong>${t('console.import.refused', { count: errors.length })}</strong></p>
    <table class="data">
      <thead><tr><th scope="col">${t('console.import.path')}</th><th scope="col">${t('console.import.line')}</th>
        <th scope="col">${t('console.import.problem')}</th></tr></thead>
      <tbody>${errors.map((error) => html`<tr data-testid="spec-error">
        <td><code data-testid="spec-error-path">${error.path}</code></td>
        <td class="number" data-testid="spec-error-line">${error.line ?? '–'}</td><td>${error.message}</td></tr>`)}</tbody>
    </table>
    ${marked.size > 0 && html`<pre class="ic-yaml" aria-label="assignment.yaml">${excerpt(lines.length, [...marked]).map((n) => (n === null
      ? html`<span class="ic-yaml-line ic-yaml-gap">⋯</span>`
      : html`<span class=${marked.has(n) ? 'ic-yaml-line marked' : 'ic-yaml-line'}><span class="ic-yaml-no">${n}</span>${lines[n - 1]}</span>`))}</pre>`}
  </div>`;
}

function ImportPanel({ course, onPublished }) {
  const folders = useApi(`/api/courses/${course.id}/assignments/folders`, [course.id]);
  const [notice, setNotice] = useState(null);
  const [refusal, setRefusal] = useState(null);
  const [upload, setUpload] = useState({ id: '', files: null });
  const run = async (action, yaml) => {
    setRefusal(null);
    try {
      const { assignment, created } = await action();
      setNotice({ kind: 'ok', text: t(created ? 'console.import.created' : 'console.import.updated', { title: assignment.title }) });
      onPublished(assignment.id);
    } catch (error) {
      setNotice({ kind: 'error', text: error.detail ?? error.message });
      if (error.body?.errors) {
        setRefusal({ problem: error.body, yaml });
      }
    }
  };
  const fromServer = (event) => {
    event.preventDefault();
    const id = event.currentTarget.folder.value;
    run(() => publish(`/api/courses/${course.id}/assignments/import/${encodeURIComponent(id)}`), null);
  };
  const fromUpload = async (event) => {
    event.preventDefault();
    const files = await readFolder(upload.files ?? []);
    run(() => publish(`/api/courses/${course.id}/assignments/import`, { id: upload.id.trim(), files }),
      files['assignment.yaml'] ?? null);
  };
  return html`<section class="card ic-span" data-testid="assignment-import">
    <h2>${t('console.import.title')}</h2>
    <div class="ic-grid">
      <form onSubmit=${fromServer} data-testid="import-server">
        <h3>${t('console.import.server')}</h3>
        <${Async} state=${folders}>${(ids) => (ids.length === 0 ? html`<${Empty}>${t('console.import.noFolders')}<//>` : html`
          <label>${t('console.import.folder')}<select name="folder">${ids.map((id) => html`<option value=${id}>${id}</option>`)}</select></label>
          <button type="submit">${t('console.import.publish')}</button>`)}<//>
      </form>
      <form onSubmit=${fromUpload} data-testid="import-upload">
        <h3>${t('console.import.upload')}</h3>
        <label>${t('console.import.chooseFolder')}<input type="file" name="folder" webkitdirectory multiple required
          onChange=${(event) => { const files = [...event.currentTarget.files]; setUpload({ id: folderName(files) || upload.id, files }); }} /></label>
        <label>${t('console.import.id')}<input name="id" required pattern="[a-z0-9][a-z0-9\\-]*" value=${upload.id}
          onInput=${(event) => setUpload({ ...upload, id: event.currentTarget.value })} /></label>
        <p class="muted small">${t('console.import.help')}</p>
        <button type="submit">${t('console.import.publish')}</button>
      </form>
    </div>
    <${Notice} notice=${notice} />
    ${refusal && html`<${SpecErrors} problem=${refusal.problem} yaml=${refusal.yaml} />`}
  </section>`;
}

function DeadlineEditor({ assignment, zone, onSaved }) {
  const [due, setDue] = useState(toZonedInput(assignment.deadline.dueAt, zone));
  const [steps, setSteps] = useState(stepsOf(assignment.deadline));
  const [notice, setNotice] = useState(null);
  const dueAt = fromZonedInput(due, zone);
  const preview = previewDeadline(dueAt, steps, zone);
  const change = (i, field, value) => setSteps(steps.map((step, j) => (i === j ? { ...step, [field]: value } : step)));
  const save = (event) => {
    event.preventDefault();
    attempt(() => api(`/api/assignments/${assignment.id}/deadline`, { method: 'PUT', json: deadlineRequest(dueAt, steps) }),
      (saved) => {
        setSteps(stepsOf(saved.deadline));
        onSaved(saved);
        return t('console.deadline.saved', { due: courseTime(saved.deadline.dueAt, zone).main,
          closes: courseTime(saved.deadline.closesAt, zone).main });
      }, setNotice);
  };
  return html`<form class="card" onSubmit=${save} data-testid="deadline-editor">
    <h3>${t('console.deadline.title')}</h3>
    <label>${t('console.deadline.due', { zone })}<input type="datetime-local" name="due" required value=${due}
      onInput=${(event) => setDue(event.currentTarget.value)} /></label>
    <table class="data ic-steps">
      <caption>${t('console.deadline.steps')}</caption>
      <thead><tr><th scope="col">${t('console.deadline.until')}</th><th scope="col">${t('console.deadline.credit')}</th><th></th></tr></thead>
      <tbody>${steps.map((step, i) => html`<tr data-testid="deadline-step">
        <td><input name=${`until-${i}`} value=${step.until} required size="6" aria-label=${t('console.deadline.until')}
          onInput=${(event) => change(i, 'until', event.currentTarget.value)} /></td>
        <td><input name=${`credit-${i}`} type="number" min="0" max="100" value=${step.credit} required aria-label=${t('console.deadline.credit')}
          onInput=${(event) => change(i, 'credit', event.currentTarget.value)} /></td>
        <td><button type="button" class="link danger" onClick=${() => setSteps(steps.filter((_, j) => j !== i))}>${t('console.deadline.remove')}</button></td>
      </tr>`)}</tbody>
    </table>
    <p><button type="button" class="secondary small" data-testid="add-step"
      onClick=${() => setSteps([...steps, { until: '', credit: '' }])}>${t('console.deadline.add')}</button></p>
    <p class="muted small">${t('console.deadline.help')}</p>
    ${preview ? html`<div data-testid="deadline-preview"><${CreditTimeline} deadline=${preview} /></div>`
      : html`<p class="notice warn">${t('console.deadline.unreadable')}</p>`}
    <button type="submit" disabled=${!preview}>${t('console.deadline.save')}</button>
    <${Notice} notice=${notice} />
  </form>`;
}

function Extensions({ assignment, course }) {
  const state = useApi(async () => {
    const [grants, teams, members] = await Promise.all([
      allPages(`/api/assignments/${assignment.id}/extensions`),
      allPages(`/api/team-sets/${assignment.teamSetId}/teams`),
      allPages(`/api/courses/${course.id}/members`),
    ]);
    return { grants, teams, students: members.filter((m) => m.role === 'STUDENT') };
  }, [assignment.id]);
  const [notice, setNotice] = useState(null);
  const grant = (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const [kind, id] = form.recipient.value.split(':');
    const body = { [kind === 'team' ? 'teamId' : 'accountId']: Number(id), hours: Number(form.hours.value), reason: form.reason.value };
    attempt(() => api(`/api/assignments/${assignment.id}/extensions`, { method: 'POST', json: body }),
      (granted) => {
        form.reset();
        return t(granted.extraSeconds === 0 ? 'console.extensions.withdrawn' : 'console.extensions.granted',
          { who: granted.grantedTo, hours: granted.extraSeconds / 3600 });
      }, setNotice).then(state.reload);
  };
  return html`<section class="card" data-testid="extensions">
    <h3>${t('console.extensions.title')}</h3>
    <${Async} state=${state}>${({ grants, teams, students }) => html`
      <form onSubmit=${grant}>
        <label>${t('console.extensions.for')}<select name="recipient" required>
          <optgroup label=${t('console.extensions.teams')}>${teams.map((team) => html`<option value=${`team:${team.id}`}>${team.name}</option>`)}</optgroup>
          <optgroup label=${t('console.extensions.students')}>${students.map((s) => html`<option value=${`account:${s.accountId}`}>${s.name}</option>`)}</optgroup>
        </select></label>
        <label>${t('console.extensions.hours')}<input name="hours" type="number" min="0" max="2000" value="24" required /></label>
        <label>${t('console.extensions.reason')}<input name="reason" required maxlength="1000" /></label>
        <button type="submit">${t('console.extensions.grant')}</button>
      </form>
      <${Notice} notice=${notice} />
      ${grants.length === 0 ? html`<${Empty}>${t('console.extensions.none')}<//>` : html`<table class="data">
        <thead><tr><th scope="col">${t('console.extensions.for')}</th><th scope="col">${t('console.extensions.hours')}</th>
          <th scope="col">${t('console.extensions.reason')}</th><th scope="col">${t('console.extensions.by')}</th></tr></thead>
        <tbody>${grants.map((g) => html`<tr key=${g.id}><td>${g.grantedTo}</td><td class="number">${g.extraSeconds / 3600}</td>
          <td>${g.reason}</td><td>${g.grantedBy} <small class="muted">${courseTime(g.grantedAt, course.timeZone).main}</small></td></tr>`)}</tbody>
      </table>`}
    `}<//>
  </section>`;
}

function AssignmentDetail({ assignment, course, can, onSaved }) {
  return html`<div class="ic-grid" data-testid="assignment-detail">
    ${can.editDeadline ? html`<${DeadlineEditor} key=${assignment.id} assignment=${assignment}
        zone=${course.timeZone} onSaved=${onSaved} />`
      : html`<section class="card"><h3>${t('console.deadline.title')}</h3><${CreditTimeline} deadline=${assignment.deadline} /></section>`}
    ${can.extensions && html`<${Extensions} assignment=${assignment} course=${course} />`}
  </div>`;
}

export function AssignmentsTab({ params }) {
  const state = useApi(() => allPages(`/api/courses/${params.courseId}/assignments`), [params.courseId]);
  const [selected, setSelected] = useState(null);
  return html`<${ConsolePage} courseId=${params.courseId} tab="assignments">${({ course, can }) => html`
    ${can.importAssignments && html`<${ImportPanel} course=${course} onPublished=${(id) => { setSelected(id); state.reload(); }} />`}
    <section>
      <h2>${t('console.assignments.title')}</h2>
      <${Async} state=${state}>${(assignments) => {
    if (assignments.length === 0) {
      return html`<${Empty}>${t('console.assignments.none')}<//>`;
    }
    const current = assignments.find((a) => a.id === selected) ?? assignments[0];
    return html`
        <table class="data" data-testid="assignment-table">
          <thead><tr><th scope="col">${t('console.assignments.name')}</th><th scope="col">${t('console.assignments.due')}</th>
            <th scope="col">${t('console.assignments.points')}</th><th></th></tr></thead>
          <tbody>${assignments.map((a) => html`<tr key=${a.id} class=${a.id === current.id ? 'ic-selected' : ''}>
            <th scope="row">${a.title} <small class="muted">${a.slug}</small></th>
            <td>${courseTime(a.deadline.dueAt, course.timeZone).main}</td><td class="number">${a.totalPoints}</td>
            <td><button type="button" class="secondary small" aria-pressed=${a.id === current.id}
              onClick=${() => setSelected(a.id)}>${t('console.assignments.manage')}</button></td></tr>`)}</tbody>
        </table>
        <h2>${current.title}</h2>
        <${AssignmentDetail} assignment=${current} course=${course} can=${can}
          onSaved=${(saved) => state.setData((list) => list.map((a) => (a.id === saved.id ? saved : a)))} />`;
  }}<//>
    </section>`}<//>`;
}
