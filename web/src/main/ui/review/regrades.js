// The regrade inbox of a course: open requests first, oldest first; accept with new points, decline, and optionally
// re-run the grading, each answer confirmed; answered requests below with their answers.
import { useState } from 'preact/hooks';
import { html } from '../lib/html.js';
import { api, allPages } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { formatInZone } from '../lib/time.js';
import { Page } from '../components/page.js';
import { Async, Empty, Notice, attempt, useApi } from '../components/states.js';
import { queuePath } from './desk.js';
import { DeskTabs, deskCrumbs, peopleOf } from './nav.js';

async function load(courseId) {
  const [course, requests, submissions, people] = await Promise.all([
    api(`/api/courses/${courseId}`), allPages(`/api/courses/${courseId}/regrade-requests`),
    allPages(queuePath(courseId, { allVersions: true })), peopleOf(courseId),
  ]);
  return { course, requests, submissions: new Map(submissions.map((item) => [item.submissionId, item])), people };
}

export function RegradeInbox({ params }) {
  const state = useApi(() => load(params.courseId), [params.courseId]);
  return html`<${Page} title=${t('review.regrades')} crumbs=${state.data ? deskCrumbs(state.data.course,
    { label: t('review.regrades') }) : deskCrumbs(null)}>
    <${Async} state=${state}>${({ course, requests, submissions, people }) => html`
      <${DeskTabs} courseId=${course.id} current="regrades" />
      <h1>${t('review.regradesOf', { course: course.title })}</h1>
      ${requests.length === 0 ? html`<${Empty}>${t('review.noRegrades')}<//>`
        : html`<ul class="plain regrade-inbox" data-testid="regrade-inbox">${requests.map((request) => html`
          <${Request} key=${request.id} request=${request} submission=${submissions.get(request.submissionId)}
            people=${people} zone=${course.timeZone} onAnswered=${state.reload} />`)}</ul>`}
    `}<//>
  <//>`;
}

function Request({ request, submission, people, zone, onAnswered }) {
  const [notice, setNotice] = useState(null);
  const who = (id) => people.get(id) ?? `#${id}`;
  async function answer(event) {
    event.preventDefault();
    const form = event.currentTarget;
    const decision = event.submitter?.value ?? 'DECLINE';
    const points = form.points.value.trim();
    const done = await attempt(() => api(`/api/regrade-requests/${request.id}/answer`, {
      method: 'POST',
      json: { decision, points: points === '' ? null : Number(points), comment: form.comment.value, rerun: form.rerun.checked },
    }), (answered) => t(answered.state === 'ACCEPTED' ? 'review.accepted' : 'review.declined', {
      item: answered.itemKey, job: answered.rerunJobId ?? '' }) + (answered.rerunJobId ? ` ${t('review.rerunQueued', {
      job: answered.rerunJobId })}` : ''), setNotice);
    if (done) {
      onAnswered();
    }
  }
  async function rerun() {
    await attempt(() => api(`/api/grading/submissions/${request.submissionId}/regrade`, { method: 'POST' }),
      (job) => t('review.rerunQueued', { job: job.id }), setNotice);
  }
  return html`<li class=${`card regrade ${request.state.toLowerCase()}`} data-request=${request.id}>
    <p><strong>${submission ? `${submission.teamName} · ${submission.assignmentTitle}` : `#${request.submissionId}`}</strong>
      ${` · ${t('review.item')} `}<code>${request.itemKey}</code>${' · '}
      <a href=${`/review/submissions/${request.submissionId}`}>${t('review.openSubmission')}</a></p>
    <p class="small muted">${t('review.askedBy', { name: who(request.requestedBy), time: formatInZone(request.requestedAt, zone) })}</p>
    <blockquote data-testid="regrade-reason">${request.reason}</blockquote>
    ${request.state === 'OPEN' ? html`<form class="stack" onSubmit=${answer} data-testid="regrade-answer">
        <div class="inline">
          <label>${t('review.newPoints')}<input name="points" type="number" min="0" step="0.01" /></label>
          <label class="grow">${t('review.answer')}<input name="comment" required maxlength="10000" /></label>
        </div>
        <div class="inline">
          <label class="check"><input type="checkbox" name="rerun" /> ${t('review.alsoRerun')}</label>
          <span class="spacer"></span>
          <button type="submit" name="decision" value="ACCEPT" data-testid="accept">${t('review.accept')}</button>
          <button type="submit" name="decision" value="DECLINE" class="secondary" data-testid="decline">${t('review.decline')}</button>
          <button type="button" class="secondary" onClick=${rerun} data-testid="rerun">${t('review.rerun')}</button>
        </div>
      </form>`
      : html`<p class="small" data-testid="regrade-answered"><strong>${t(`review.request.${request.state}`)}</strong>
        ${request.answeredBy != null ? ` · ${who(request.answeredBy)}` : ''}: ${request.answer}</p>`}
    <${Notice} notice=${notice} />
  </li>`;
}
