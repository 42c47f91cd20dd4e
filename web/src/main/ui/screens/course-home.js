// A course's home: its assignments with due time, countdown and late-credit timeline; my team in each team set.
import { html } from '../lib/html.js';
import { api, allPages } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { Page } from '../components/page.js';
import { Async, Empty, useApi } from '../components/states.js';
import { Countdown, CreditTimeline, DueTime } from '../components/deadline.js';

/** My team in a team set, or null when I am in none (the API answers 404). */
async function myTeam(set) {
  try {
    return await api(`/api/team-sets/${set.id}/teams/mine`);
  } catch (error) {
    if (error.status === 404 || error.status === 403) {
      return null;
    }
    throw error;
  }
}

async function loadCourse(courseId) {
  const [course, assignments, sets] = await Promise.all([
    api(`/api/courses/${courseId}`),
    allPages(`/api/courses/${courseId}/assignments`),
    allPages(`/api/courses/${courseId}/team-sets`),
  ]);
  const deadlines = await Promise.all(assignments.map((a) => (course.myRole === 'STUDENT'
    ? api(`/api/assignments/${a.id}/my-deadline`).catch(() => a.deadline) : a.deadline)));
  const teams = await Promise.all(sets.map((set) => (course.myRole === 'STUDENT' ? myTeam(set) : null)));
  return { course, assignments: assignments.map((a, i) => ({ ...a, deadline: deadlines[i] })), sets, teams };
}

export function CourseHome({ params }) {
  const state = useApi(() => loadCourse(params.courseId), [params.courseId]);
  const course = state.data?.course;
  return html`<${Page} title=${course?.title ?? ''} crumbs=${course ? [{ label: `${course.code} ${course.title}` }] : []}>
    <${Async} state=${state}>${({ assignments, sets, teams }) => html`
      <h1>${course.code} ${course.title}</h1>
      ${(course.myRole === 'INSTRUCTOR' || course.myRole === 'TA') && html`<p class="staff-links">
        <a class="button" href=${`/review/courses/${course.id}`} data-testid="review-link">${t('review.desk')}</a>
        <a class="button" href=${`/console/courses/${course.id}`} data-testid="console-link">${t('console.title')}</a></p>`}
      <div class="columns">
        <section aria-labelledby="assignments-heading">
          <h2 id="assignments-heading">${t('course.assignments')}</h2>
          ${assignments.length === 0 ? html`<${Empty}>${t('course.noAssignments')}<//>` : html`<ul class="cards" data-testid="assignment-list">
            ${assignments.map((assignment) => html`<li class="card" key=${assignment.id}>
              <h3>${assignment.title} <small class="muted">${t('course.points', { points: assignment.totalPoints })}</small></h3>
              <p><${DueTime} deadline=${assignment.deadline} /> · <${Countdown} deadline=${assignment.deadline} /></p>
              <${CreditTimeline} deadline=${assignment.deadline} />
              <a class="button" href=${`/assignments/${assignment.id}/workspace`}>${t('course.open')}</a>
            </li>`)}
          </ul>`}
        </section>
        <aside aria-labelledby="teams-heading">
          <h2 id="teams-heading">${t('course.teams')}</h2>
          <ul class="cards">
            ${sets.map((set, i) => html`<li class="card" key=${set.id} data-testid="my-team">
              ${teams[i] ? html`<p>${t('course.team', { team: teams[i].name, set: set.name })}</p>
                  <p class="muted">${teams[i].members.map((m) => m.name).join(', ')}</p>`
                : html`<p>${t('course.noTeam', { set: set.name })}</p>`}
              <a href=${`/team-sets/${set.id}`}>${t('course.chooseTeam')}</a>
            </li>`)}
          </ul>
        </aside>
      </div>
    `}<//>
  <//>`;
}
