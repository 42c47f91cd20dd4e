// Feedback on the team's submissions: per item the points and what the grader found (as far as each item's
// visibility allows), the TA's comment, and a regrade request per item with its answer.
import { useState } from 'preact/hooks';
import { html } from '../lib/html.js';
import { api, allPages } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { assignmentCrumbs, loadAssignment } from '../lib/assignment.js';
import { Page } from '../components/page.js';
import { AssignmentTabs } from '../components/layout.js';
import { Async, Empty, ErrorBox, Notice, attempt, useApi } from '../components/states.js';

async function loadResults(submission) {
  try {
    const [result, requests] = await Promise.all([
      api(`/api/submissions/${submission.id}/results`),
      api(`/api/submissions/${submission.id}/regrade-requests`),
    ]);
    return { submission, result, requests };
  } catch (error) {
    return { submission, error };
  }
}

async function load(assignmentId) {
  const [loaded, submissions] = await Promise.all([
    loadAssignment(assignmentId), allPages(`/api/assignments/${assignmentId}/submissions`),
  ]);
  // The newest submission is the one graded for the team; earlier ones are listed on the submit screen.
  const latest = submissions[0] ?? null;
  return { ...loaded, latest: latest ? await loadResults(latest) : null };
}

export function Feedback({ params }) {
  const state = useApi(() => load(params.assignmentId), [params.assignmentId]);
  return html`<${Page} title=${t('feedback.title') ?? ''} crumbs=${state.data ? assignmentCrumbs(state.data) : []}>
    <${AssignmentTabs} assignmentId=${params.assignmentId} current="feedback" />
    <${Async} state=${state}>${(loaded) => html`
      <h1>${t('feedback.title')}: ${loaded.assignment.title}</h1>
      ${loaded.latest == null ? html`<${Empty}>${t('feedback.none')}<//>`
        : loaded.latest.error ? html`<${ErrorBox} error=${loaded.latest.error} />`
          : html`<${Results} ...${loaded.latest} onAsked=${state.reload} />`}
    `}<//>
  <//>`;
}

function Results({ submission, result, requests, onAsked }) {
  const maxPoints = result.items.reduce((sum, item) => sum + Number(item.maxPoints), 0);
  return html`<p data-testid="feedback-total" class="total">${t('feedback.total', {
    points: result.totalPoints, max: maxPoints, credit: result.creditPercent, credited: result.creditedPoints })}
    <small class="muted"> · ${t('submit.version', { version: result.version })}</small></p>
    <table class="data feedback" data-testid="feedback-items">
      <thead><tr><th scope="col">${t('feedback.item')}</th><th scope="col">${t('feedback.points')}</th>
        <th scope="col">${t('feedback.message')}</th><th scope="col">${t('feedback.comment')}</th>
        <th scope="col">${t('feedback.regrade')}</th></tr></thead>
      <tbody>${result.items.map((item) => html`<tr key=${item.key} data-item=${item.key}>
        <th scope="row">${item.description}<br /><small class="muted">${item.key}</small></th>
        <td class="number">${item.points == null ? t('feedback.pending') : `${item.points} / ${item.maxPoints}`}</td>
        <td class="message">${item.message ?? '—'}</td>
        <td>${item.comment ?? ''}</td>
        <td><${RegradeCell} submissionId=${submission.id} item=${item}
          requests=${requests.filter((r) => r.itemKey === item.key)} onAsked=${onAsked} /></td>
      </tr>`)}</tbody>
    </table>`;
}

function RegradeCell({ submissionId, item, requests, onAsked }) {
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState(null);
  async function send(event) {
    event.preventDefault();
    const reason = event.currentTarget.reason.value.trim();
    const done = await attempt(() => api(`/api/submissions/${submissionId}/regrade-requests`, {
      method: 'POST', json: { itemKey: item.key, reason },
    }), () => t('feedback.sent'), setNotice);
    if (done) {
      setOpen(false);
      onAsked?.();
    }
  }
  return html`<div class="regrade">
    ${requests.map((request) => html`<p class="small" data-testid="regrade-request">
      <strong>${t(`feedback.state.${request.state}`)}</strong>: ${request.reason}
      ${request.answer && html`<br />↳ ${request.answer}`}</p>`)}
    ${requests.some((request) => request.state === 'OPEN') ? null : open ? html`<form onSubmit=${send} class="stack">
        <label>${t('feedback.reason')}<textarea name="reason" required maxlength="5000" rows="3"></textarea></label>
        <button type="submit">${t('feedback.send')}</button>
      </form>`
      : html`<button type="button" class="secondary small" onClick=${() => setOpen(true)}
          data-testid=${`regrade-${item.key}`}>${t('feedback.regrade')}</button>`}
    <${Notice} notice=${notice} />
  </div>`;
}
