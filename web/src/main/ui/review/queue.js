// The review queue: the newest submission of every team, oldest first, with where each stands; filters by assignment,
// team and state (kept in the address); j/k or the arrows move, Enter opens.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { html } from '../lib/html.js';
import { api, allPages } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { formatInZone } from '../lib/time.js';
import { useApp } from '../lib/app-context.js';
import { Page } from '../components/page.js';
import { Async, Empty, useApi } from '../components/states.js';
import { REVIEW_STATES, queueKey, queuePath, staffCourses, typing } from './desk.js';
import { DeskTabs, StateBadge, deskCrumbs, rememberOrder } from './nav.js';

/** /review: the queue of the one course I staff, or my staffed courses to choose from. */
export function ReviewHome() {
  const { session } = useApp();
  const courses = useApi(async () => staffCourses(await allPages('/api/courses'), session.account.admin), []);
  return html`<${Async} state=${courses}>${(list) => (list.length === 1
    ? html`<${CourseQueue} params=${{ courseId: String(list[0].id) }} />`
    : html`<${Page} title=${t('review.desk')} crumbs=${deskCrumbs(null)}>
        <h1>${t('review.desk')}</h1>
        ${list.length === 0 ? html`<${Empty}>${t('review.noCourses')}<//>`
          : html`<ul class="cards" data-testid="review-courses">${list.map((course) => html`<li class="card" key=${course.id}>
              <a href=${`/review/courses/${course.id}`}><strong>${course.code}</strong> ${course.title}</a>
              <span class="muted">${course.myRole ? t(`courses.role.${course.myRole}`) : t('review.admin')}</span></li>`)}</ul>`}
      <//>`)}<//>`;
}

async function loadCourse(courseId) {
  const [course, assignments, everything] = await Promise.all([
    api(`/api/courses/${courseId}`), allPages(`/api/courses/${courseId}/assignments`), allPages(queuePath(courseId)),
  ]);
  const teams = new Map(everything.map((item) => [item.teamId, item.teamName]));
  return { course, assignments, teams: [...teams].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)) };
}

/** /review/courses/:courseId: one course's queue. */
export function CourseQueue({ params }) {
  const state = useApi(() => loadCourse(params.courseId), [params.courseId]);
  return html`<${Page} title=${t('review.queue')} crumbs=${state.data ? deskCrumbs(state.data.course) : deskCrumbs(null)}>
    <${Async} state=${state}>${(loaded) => html`
      <${DeskTabs} courseId=${loaded.course.id} current="queue" />
      <h1>${t('review.queueOf', { course: loaded.course.title })}</h1>
      <${Queue} ...${loaded} />`}<//>
  <//>`;
}

function Queue({ course, assignments, teams }) {
  const location = useLocation();
  const filters = { assignmentId: location.query.assignmentId ?? '', teamId: location.query.teamId ?? '',
    state: location.query.state ?? '' };
  const path = queuePath(course.id, filters);
  const items = useApi(() => allPages(path), [path]);
  const setFilter = (name, value) => {
    const next = { ...filters, [name]: value };
    const query = Object.entries(next).filter(([, v]) => v).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
    location.route(`/review/courses/${course.id}${query ? `?${query}` : ''}`, true);
  };
  // The similarity check is per assignment: offered for the chosen one, or the course's only one.
  const chosen = assignments.find((assignment) => String(assignment.id) === filters.assignmentId)
    ?? (assignments.length === 1 ? assignments[0] : null);
  return html`
    <form class="inline review-filters" data-testid="queue-filters" onSubmit=${(e) => e.preventDefault()}>
      <label>${t('review.assignment')}<select value=${filters.assignmentId} data-testid="filter-assignment"
        onChange=${(e) => setFilter('assignmentId', e.currentTarget.value)}>
        <option value="">${t('review.all')}</option>
        ${assignments.map((a) => html`<option value=${a.id}>${a.title}</option>`)}</select></label>
      <label>${t('review.team')}<select value=${filters.teamId} data-testid="filter-team"
        onChange=${(e) => setFilter('teamId', e.currentTarget.value)}>
        <option value="">${t('review.all')}</option>
        ${teams.map((team) => html`<option value=${team.id}>${team.name}</option>`)}</select></label>
      <label>${t('review.stateFilter')}<select value=${filters.state} data-testid="filter-state"
        onChange=${(e) => setFilter('state', e.currentTarget.value)}>
        <option value="">${t('review.all')}</option>
        ${REVIEW_STATES.map((s) => html`<option value=${s}>${t(`review.state.${s}`)}</option>`)}</select></label>
      ${chosen && html`<a class="button secondary" href=${`/review/assignments/${chosen.id}/similarity`}
        data-testid="open-similarity">${t('review.similarity')}</a>`}
    </form>
    <p class="muted small" data-testid="queue-keys">${t('review.keys')}</p>
    <${Async} state=${items}>${(list) => (list.length === 0
      ? html`<${Empty}>${t('review.queueEmpty')}<//>`
      : html`<${QueueTable} items=${list} zone=${course.timeZone} />`)}<//>`;
}

function QueueTable({ items, zone }) {
  const location = useLocation();
  const [index, setIndex] = useState(0);
  const table = useRef(null);
  const open = (item) => location.route(`/review/submissions/${item.submissionId}`);
  useEffect(() => {
    rememberOrder(items.map((item) => item.submissionId));
    setIndex((current) => Math.min(current, items.length - 1));
  }, [items]);
  useEffect(() => {
    const onKey = (event) => {
      if (typing(event.target) || event.altKey || event.ctrlKey || event.metaKey) {
        return;
      }
      const move = queueKey(event.key, index, items.length);
      if (!move) {
        return;
      }
      event.preventDefault();
      setIndex(move.index);
      if (move.open) {
        open(items[move.index]);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [index, items]);
  useEffect(() => {
    table.current?.querySelector('tr[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [index]);
  return html`<table class="data review-queue" data-testid="review-queue" ref=${table}>
    <thead><tr><th scope="col">${t('review.team')}</th><th scope="col">${t('review.assignment')}</th>
      <th scope="col">${t('review.version')}</th><th scope="col">${t('review.received')}</th>
      <th scope="col">${t('review.credit')}</th><th scope="col">${t('review.stateFilter')}</th>
      <th scope="col">${t('review.points')}</th></tr></thead>
    <tbody>${items.map((item, i) => html`<tr key=${item.submissionId} aria-selected=${i === index ? 'true' : 'false'}
        class=${i === index ? 'selected' : ''} data-submission=${item.submissionId} onClick=${() => setIndex(i)}>
      <th scope="row"><a href=${`/review/submissions/${item.submissionId}`}>${item.teamName}</a></th>
      <td>${item.assignmentTitle}</td>
      <td>${t('review.versionOf', { version: item.version, versions: item.versions })}</td>
      <td>${formatInZone(item.receivedAt, zone)}</td>
      <td>${item.lateSeconds > 0 ? html`<span class="late">${item.lateBy}</span> · ${item.creditPercent} %` : `${item.creditPercent} %`}</td>
      <td><${StateBadge} state=${item.state} />${item.openRegrades > 0 ? html` <small>(${item.openRegrades})</small>` : ''}</td>
      <td class="number">${item.resultJobId == null && item.state === 'WAITING' ? '—' : item.totalPoints}</td>
    </tr>`)}</tbody>
  </table>`;
}
