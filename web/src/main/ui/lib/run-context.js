// What a run in the browser needs to know of its course: which datasets Datasets.load may find, and whether the
// account gets the staff's view of their manifests. Handed to the worker with each program (worker.js).
import { api } from './api.js';
import { t } from './i18n.js';

/** The worker's run context for a course and its dataset list (GET /api/courses/{id}/datasets). */
export function runContext(course, datasets) {
  return {
    courseId: course.id,
    // Staff see hidden splits' shards; the worker keeps the two manifest views apart.
    staffView: course.myRole !== 'STUDENT',
    available: datasets.map((d) => ({ name: d.name, version: d.version, createdAt: d.createdAt })),
  };
}

/** A run context without datasets: manifest() rejects with {@code problem}, which the student reads. */
export function withoutDatasets(problem) {
  return { courseId: null, staffView: false, available: [], problem };
}

/** "Datasets: fashion_mnist 1.0.0, mnist 1.0.0", or that there are none. */
export function datasetsLine(datasets) {
  return datasets.length === 0 ? t('ws.noDatasets')
    : t('ws.datasets', { list: datasets.map((d) => `${d.name} ${d.version}`).join(', ') });
}

/** Lists a course's datasets: {context, line}; a failure becomes a context whose loads say why. */
export async function courseRunContext(course) {
  try {
    const datasets = await api(`/api/courses/${course.id}/datasets`);
    return { context: runContext(course, datasets), line: datasetsLine(datasets) };
  } catch (error) {
    return { context: withoutDatasets(error.detail), line: error.detail };
  }
}
