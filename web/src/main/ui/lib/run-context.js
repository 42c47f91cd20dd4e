// What a run in the browser needs to know of its course: which datasets Datasets.load may find, which pretrained
// models Pretrained.load may find, and whether the account gets the staff's view of the datasets' manifests. Handed
// to the worker with each program (worker.js).
import { api } from './api.js';
import { t } from './i18n.js';

/**
 * The worker's run context for a course, its dataset list (GET /api/courses/{id}/datasets) and its pretrained
 * models (GET /api/courses/{id}/pretrained).
 */
export function runContext(course, datasets, pretrained = []) {
  return {
    courseId: course.id,
    // Staff see hidden splits' shards; the worker keeps the two manifest views apart.
    staffView: course.myRole !== 'STUDENT',
    available: datasets.map((d) => ({ name: d.name, version: d.version, createdAt: d.createdAt })),
    pretrained: pretrained.map((m) => ({ name: m.name, version: m.version, sha256: m.sha256, bytes: m.bytes,
      createdAt: m.createdAt })),
  };
}

/** A run context without datasets: manifest() and pretrained() reject with {@code problem}, which the student reads. */
export function withoutDatasets(problem) {
  return { courseId: null, staffView: false, available: [], pretrained: [], problem };
}

/** "Datasets: fashion_mnist 1.0.0, mnist 1.0.0", or that there are none. */
export function datasetsLine(datasets) {
  return datasets.length === 0 ? t('ws.noDatasets')
    : t('ws.datasets', { list: datasets.map((d) => `${d.name} ${d.version}`).join(', ') });
}

/** Lists a course's datasets: {context, line}; a failure becomes a context whose loads say why. */
export async function courseRunContext(course) {
  try {
    const [datasets, pretrained] = await Promise.all([api(`/api/courses/${course.id}/datasets`),
      api(`/api/courses/${course.id}/pretrained`)]);
    return { context: runContext(course, datasets, pretrained), line: datasetsLine(datasets) };
  } catch (error) {
    return { context: withoutDatasets(error.detail), line: error.detail };
  }
}
