// The course the page runs programs for, and that course's datasets: fetched when the page is signed in, and
// handed to every run so that Datasets.load finds them. A member of several courses picks one.
const $ = (id) => document.getElementById(id);

/** Returns what the worker needs to know about a course and its dataset list (GET /api/courses/{id}/datasets). */
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

/** Returns the line that lists a course's datasets, e.g. "Datasets: fashion_mnist 1.0.0, mnist 1.0.0". */
export function datasetsLine(datasets) {
  return datasets.length === 0 ? 'No datasets in this course yet.'
    : `Datasets: ${datasets.map((d) => `${d.name} ${d.version}`).join(', ')}`;
}

let context = null;
let ready = Promise.resolve();
let generation = 0;

/**
 * Resolves to the run context of the chosen course once its datasets are listed: {courseId, staffView,
 * available}, or {problem} when there is none to have, or null when the page is not signed in.
 */
export async function currentRunContext() {
  await ready;
  return context;
}

async function getJson(path) {
  const response = await fetch(path);
  if (!response.ok) {
    throw new Error(`${path} answered ${response.status}`);
  }
  return response.json();
}

/** Sets the context and the line's text, unless a later sign-in or choice has overtaken this one. */
function settle(attempt, runContextNow, text) {
  if (attempt === generation) {
    context = runContextNow;
    $('course-datasets').textContent = text;
  }
}

async function choose(attempt, course) {
  $('course-datasets').textContent = 'Listing the course\'s datasets…';
  try {
    const datasets = await getJson(`/api/courses/${course.id}/datasets`);
    // The Cache API exists only on https pages (and localhost): elsewhere every run downloads again, and says so.
    const kept = 'caches' in self ? '' : ' (downloaded on every run: browsers keep data only for https pages)';
    settle(attempt, runContext(course, datasets), datasetsLine(datasets) + kept);
  } catch {
    const problem = 'The course\'s datasets could not be listed; reload the page to try again.';
    settle(attempt, withoutDatasets(problem), problem);
  }
}

async function load(attempt, session) {
  const line = $('course-line');
  line.hidden = session == null;
  if (session == null) {
    context = null;
    return;
  }
  let courses;
  try {
    courses = (await getJson('/api/courses?size=200')).items;
  } catch {
    const problem = 'Your courses could not be listed; reload the page to try again.';
    settle(attempt, withoutDatasets(problem), problem);
    return;
  }
  const select = $('course');
  if (courses.length === 0) {
    select.hidden = true;
    $('course-name').textContent = 'none';
    const problem = 'You are in no course yet, so there are no datasets to load.';
    settle(attempt, withoutDatasets(problem), problem);
    return;
  }
  select.replaceChildren(...courses.map((course) => new Option(`${course.code} ${course.title}`, course.id)));
  // One course needs no choice: its name stands beside the label instead.
  select.hidden = courses.length === 1;
  $('course-name').textContent = courses.length === 1 ? `${courses[0].code} ${courses[0].title}` : '';
  select.onchange = () => {
    const next = ++generation;
    ready = choose(next, courses.find((course) => String(course.id) === select.value));
  };
  await choose(attempt, courses[0]);
}

/** Shows the signed-in account's courses (or hides the line when signed out) and lists the first one's datasets. */
export function showCourses(session) {
  const attempt = ++generation;
  context = null;
  ready = load(attempt, session);
  return ready;
}
