// What every screen of the desk shares: its breadcrumbs and tabs, the order the queue was last shown in (for next and
// previous), and a course's people by account id (scores and requests name accounts by id).
import { html } from '../lib/html.js';
import { allPages } from '../lib/api.js';
import { t } from '../lib/i18n.js';

const ORDER_KEY = 'backprop.review.order';

/** The desk's breadcrumbs: the desk, then the course's queue, then {@code more}. */
export function deskCrumbs(course, ...more) {
  return [{ label: t('review.desk'), href: '/review' },
    ...(course ? [{ label: `${course.code} ${course.title}`, href: `/review/courses/${course.id}` }] : []), ...more];
}

/** The desk's tabs for a course: the queue and the regrade inbox. */
export function DeskTabs({ courseId, current }) {
  const tabs = [['queue', `/review/courses/${courseId}`], ['regrades', `/review/courses/${courseId}/regrades`]];
  return html`<nav class="tabs" aria-label=${t('review.desk')}>
    ${tabs.map(([tab, href]) => html`<a href=${href} data-testid=${`review-tab-${tab}`}
      aria-current=${tab === current ? 'page' : undefined}>${t(`review.tab.${tab}`)}</a>`)}
  </nav>`;
}

/** Remembers the submissions in the order the queue shows them, for next and previous on the submission screen. */
export function rememberOrder(submissionIds) {
  sessionStorage.setItem(ORDER_KEY, JSON.stringify(submissionIds));
}

export function rememberedOrder() {
  try {
    return JSON.parse(sessionStorage.getItem(ORDER_KEY) ?? '[]');
  } catch {
    return [];
  }
}

/** The course's members by account id: a Map of id to name (staff may list them). */
export async function peopleOf(courseId) {
  const members = await allPages(`/api/courses/${courseId}/members`).catch(() => []);
  return new Map(members.map((member) => [member.accountId, member.name]));
}

/** A state as a small badge. */
export function StateBadge({ state }) {
  return html`<span class=${`review-state ${state.toLowerCase()}`} data-state=${state}>${t(`review.state.${state}`)}</span>`;
}
