// The console's grading tab: the queue's depth and ages, running and failed jobs with their reasons, re-queueing a
// submission; the gradebook with late credit and overrides, its CSV and each assignment's Gradescope results.json.
import { useState } from 'preact/hooks';
import { html } from '../lib/html.js';
import { api } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { courseTime, remaining } from '../lib/time.js';
import { Async, Empty, Notice, attempt, useApi } from '../components/states.js';
import { ConsolePage } from './console-page.js';

const STATES = ['', 'QUEUED', 'LEASED', 'FAILED', 'DONE'];

/** "4 min 10 s" for an age in seconds. */
const age = (seconds) => remaining(Date.now() + seconds * 1000, Date.now());

function Queue({ course }) {
  const state = useApi(`/api/courses/${course.id}/grading/queue`, [course.id]);
  return html`<section class="card" data-testid="queue">
    <h2>${t('console.queue.title')} <button type="button" class="link small" onClick=${state.reload}>${t('console.refresh')}</button></h2>
    <${Async} state=${state}>${(queue) => html`<dl class="ic-figures">
      <div><dt>${t('console.queue.queued')}</dt><dd data-testid="queued">${queue.queued}</dd></div>
      <div><dt>${t('console.queue.oldest')}</dt><dd>${queue.oldestQueuedAgeSeconds == null ? '–' : age(queue.oldestQueuedAgeSeconds)}</dd></div>
      <div><dt>${t('console.queue.leased')}</dt><dd>${queue.leased}${queue.expiredLeases > 0 ? html` <small class="error">${t('console.queue.expired', { count: queue.expiredLeases })}</small>` : ''}</dd></div>
      <div><dt>${t('console.queue.done')}</dt><dd>${queue.done}</dd></div>
      <div><dt>${t('console.queue.failed')}</dt><dd class=${queue.failed > 0 ? 'error' : ''}>${queue.failed}</dd></div>
    </dl>`}<//>
  </section>`;
}

function Jobs({ course, can }) {
  const [filter, setFilter] = useState('');
  const state = useApi(() => api(`/api/courses/${course.id}/grading/jobs?size=50${filter ? `&state=${filter}` : ''}`), [course.id, filter]);
  const [notice, setNotice] = useState(null);
  const requeue = (job) => attempt(() => api(`/api/grading/submissions/${job.submissionId}/regrade`, { method: 'POST' }),
    (queued) => t('console.jobs.requeued', { submission: job.submissionId, job: queued.id }), setNotice).then(state.reload);
  const when = (instant) => (instant ? courseTime(instant, course.timeZone).main : '–');
  return html`<section class="card ic-span" data-testid="jobs">
    <h2>${t('console.jobs.title')}</h2>
    <label class="ic-picker">${t('console.jobs.state')}<select value=${filter} onChange=${(e) => setFilter(e.currentTarget.value)}>
      ${STATES.map((s) => html`<option value=${s}>${s ? t(`console.jobs.${s}`) : t('console.jobs.all')}</option>`)}</select></label>
    <${Notice} notice=${notice} />
    <${Async} state=${state}>${(page) => (page.items.length === 0 ? html`<${Empty}>${t('console.jobs.none')}<//>` : html`
      <table class="data">
        <thead><tr><th scope="col">${t('console.jobs.job')}</th><th scope="col">${t('console.jobs.submission')}</th>
          <th scope="col">${t('console.jobs.state')}</th><th scope="col">${t('console.jobs.reason')}</th>
          <th scope="col">${t('console.jobs.attempts')}</th><th scope="col">${t('console.jobs.times')}</th>
          <th scope="col">${t('console.jobs.error')}</th><th></th></tr></thead>
        <tbody>${page.items.map((job) => html`<tr key=${job.id} data-state=${job.state}>
          <td class="number">${job.id}</td><td class="number">${job.submissionId}</td>
          <td><span class=${`tag ic-state-${job.state.toLowerCase()}`}>${t(`console.jobs.${job.state}`)}</span></td>
          <td>${t(`console.jobs.reason.${job.reason}`)}</td><td class="number">${job.attempts}</td>
          <td class="small">${t('console.jobs.queuedAt', { time: when(job.createdAt) })}
            ${job.state === 'LEASED' && html`<br />${t('console.jobs.leasedBy', { worker: job.leaseOwner ?? '–', time: when(job.leaseExpiresAt) })}`}
            ${job.finishedAt && html`<br />${t('console.jobs.finishedAt', { time: when(job.finishedAt) })}`}</td>
          <td class="ic-error-text">${job.lastError ?? ''}</td>
          <td>${can.regrade && (job.state === 'DONE' || job.state === 'FAILED') && html`<button type="button" class="secondary small"
            onClick=${() => requeue(job)}>${t('console.jobs.requeue')}</button>`}</td>
        </tr>`)}</tbody>
      </table>
      ${page.total > page.items.length && html`<p class="muted small">${t('console.jobs.more', { shown: page.items.length, total: page.total })}</p>`}`)}<//>
  </section>`;
}

function Cell({ score, cell, max }) {
  if (score == null) {
    return html`<td class="number muted">–</td>`;
  }
  return html`<td class="number" title=${t('console.gradebook.cellHelp', { points: cell.points, credit: cell.creditPercent, version: cell.version })}>
    ${score} <small class="muted">/ ${max}</small>
    ${cell.creditPercent < 100 && html` <span class="tag ic-late">${t('console.gradebook.late', { credit: cell.creditPercent })}</span>`}
    ${cell.overrides > 0 && html` <span class="tag ic-override">${t('console.gradebook.overrides', { count: cell.overrides })}</span>`}
  </td>`;
}

function Gradebook({ course }) {
  const state = useApi(`/api/courses/${course.id}/gradebook`, [course.id]);
  const base = `/api/courses/${course.id}/gradebook`;
  return html`<section class="card ic-span" data-testid="gradebook">
    <h2>${t('console.gradebook.title')}</h2>
    <${Async} state=${state}>${(book) => html`
      <p class="ic-downloads">
        <a class="button" href=${`${base}.csv`} download data-testid="gradebook-csv">${t('console.gradebook.csv')}</a>
        ${book.assignments.map((column) => html` <a class="button secondary" href=${`${base}/${column.assignmentId}/gradescope.json`}
          download data-testid="gradescope-json">${t('console.gradebook.gradescope', { assignment: column.slug })}</a>`)}
      </p>
      ${book.students.length === 0 ? html`<${Empty}>${t('console.gradebook.none')}<//>` : html`<div class="scroll"><table class="data" data-testid="gradebook-table">
        <thead><tr><th scope="col">${t('console.members.name')}</th><th scope="col">${t('console.members.email')}</th>
          ${book.assignments.map((column) => html`<th scope="col" title=${column.title}>${column.slug}</th>`)}</tr></thead>
        <tbody>${book.students.map((row) => html`<tr key=${row.accountId}><th scope="row">${row.name}</th><td>${row.email}</td>
          ${row.scores.map((score, i) => html`<${Cell} score=${score} cell=${row.cells?.[i]} max=${book.assignments[i].maxPoints} />`)}</tr>`)}</tbody>
      </table></div>`}
      <p class="muted small">${t('console.gradebook.help')}</p>`}<//>
  </section>`;
}

export function GradingTab({ params }) {
  return html`<${ConsolePage} courseId=${params.courseId} tab="grading">${({ course, can }) => html`
    <div class="ic-grid">
      <${Queue} course=${course} />
      <${Jobs} course=${course} can=${can} />
      <${Gradebook} course=${course} />
    </div>`}<//>`;
}
