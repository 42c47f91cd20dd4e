// An assignment with its course: what every assignment screen loads first (title, main class, team set, deadline).
import { api } from './api.js';

export async function loadAssignment(assignmentId) {
  const assignment = await api(`/api/assignments/${assignmentId}`);
  const course = await api(`/api/courses/${assignment.courseId}`);
  return { assignment, course };
}

/** The breadcrumbs of an assignment's screens. */
export function assignmentCrumbs({ assignment, course }) {
  return [
    { label: `${course.code} ${course.title}`, href: `/courses/${course.id}` },
    { label: assignment.title },
  ];
}
