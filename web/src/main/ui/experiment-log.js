// Saves the runs a program finishes in the editor to the team's experiment log (DESIGN.md, flow 1), for the
// assignment the page was opened for: /?assignment=<id>, the link an assignment's page gives. Without one, runs
// are not sent and the page says nothing about them.
//
// Each run goes as POST /api/assignments/{id}/runs with {sourceSha256, record}: the hash of the sources the compile
// service compiled (so that the log knows which snapshot produced the run) and the run record the worker reported.
// A model the program saves (model.save) goes with the run saved last: PUT …/runs/{runId}/model?name=<name>.
import { t } from './lib/i18n.js';

/** Returns the assignment the page's address names (?assignment=<id>), or null when it names none. */
export function assignmentFromSearch(search) {
  const id = new URLSearchParams(search ?? '').get('assignment')?.trim();
  return id ? id : null;
}

/** Returns the sentence that says where runs go, shown before the first run is saved. */
export function destinationLine(assignmentId) {
  return `Runs you finish are saved to your team's experiment log for assignment ${assignmentId}.`;
}

/**
 * Sends one run record to the experiment log; resolves to the sentence the page shows (never rejects): success,
 * the server's own problem message, or why the server could not be asked. A saved run's answer also holds
 * {@code run: {id, name}}, the stored run, which the models the program saves next go with.
 */
export async function saveRun({ assignmentId, sourceSha256, recordJson, headers = {}, fetchFn = fetch }) {
  let record;
  try {
    record = JSON.parse(recordJson);
  } catch (error) {
    return { ok: false, text: `The run could not be saved: its record is not valid JSON (${error.message}).` };
  }
  let response;
  try {
    response = await fetchFn(`/api/assignments/${encodeURIComponent(assignmentId)}/runs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ sourceSha256, record }),
    });
  } catch (error) {
    return { ok: false, text: 'The run could not be saved: the server cannot be reached. Check your connection.' };
  }
  if (response.ok) {
    const stored = await response.json().catch(() => ({}));
    return { ok: true, text: `Run saved to your team's experiment log: ${record.name}.`,
      run: { id: stored.id ?? null, name: stored.name ?? record.name } };
  }
  if (response.status === 401) {
    return { ok: false, text: 'The run could not be saved: sign in again, then run it once more.' };
  }
  const body = await response.json().catch(() => ({}));
  return { ok: false, text: body.detail ?? `The run could not be saved: the server answered ${response.status}.` };
}

/**
 * Sends a model the program saved ({@code name}, its {@code bytes}) to be kept with {@code run}, the run saved last
 * ({id, name}; null when none was); resolves to the sentence the page shows (never rejects).
 */
export async function saveModel({ assignmentId, run, name, bytes, headers = {}, fetchFn = fetch }) {
  if (!run?.id) {
    return { ok: false, text: t('ws.modelNoRun', { name }) };
  }
  let response;
  try {
    response = await fetchFn(`/api/assignments/${encodeURIComponent(assignmentId)}/runs/${run.id}/model`
      + `?name=${encodeURIComponent(name)}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/octet-stream', ...headers },
      body: bytes,
    });
  } catch (error) {
    return { ok: false, text: t('ws.modelUnreachable', { name }) };
  }
  if (response.ok) {
    return { ok: true, text: t('ws.modelSaved', { name, run: run.name }) };
  }
  if (response.status === 401) {
    return { ok: false, text: t('ws.modelSignIn', { name }) };
  }
  const body = await response.json().catch(() => ({}));
  return { ok: false, text: body.detail ?? t('ws.modelFailed', { name, status: response.status }) };
}

/**
 * Returns {@code save(run)}, which saves runs one at a time in the order it is called (the order the fits ended) and
 * hands each answer to {@code show}: the log keeps the fits' order, and the last message shown is the last run's, however
 * quickly the server answers each. {@code saveOne(run)} resolves to saveRun's (or saveModel's) answer and never
 * rejects.
 */
export function inOrder(saveOne, show) {
  let previous = Promise.resolve();
  return (run) => {
    previous = previous.then(() => saveOne(run)).then(show);
    return previous;
  };
}
