import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assignmentFromSearch, destinationLine, inOrder, saveModel, saveRun } from '../../main/ui/experiment-log.js';

const RECORD = JSON.stringify({ format: 'backprop-run-record', version: 1, name: 'baseline' });

test('the page saves runs only when its address names an assignment', () => {
  assert.equal(assignmentFromSearch('?assignment=hw-convnets'), 'hw-convnets');
  assert.equal(assignmentFromSearch('?assignment=12&x=1'), '12');
  assert.equal(assignmentFromSearch(''), null);
  assert.equal(assignmentFromSearch('?assignment='), null);
  assert.equal(destinationLine('hw-convnets'),
    "Runs you finish are saved to your team's experiment log for assignment hw-convnets.");
});

test('a run goes to the assignment\'s log with the sources\' hash, the record and the CSRF header', async () => {
  const calls = [];
  const fetchFn = async (url, init) => {
    calls.push({ url, init });
    return { ok: true, status: 201, json: async () => ({ id: 42, name: 'baseline' }) };
  };
  const saved = await saveRun({ assignmentId: 'hw 1', sourceSha256: 'ab'.repeat(32), recordJson: RECORD,
    headers: { 'X-CSRF-Token': 't0k' }, fetchFn });
  assert.deepEqual(saved, { ok: true, text: "Run saved to your team's experiment log: baseline.",
    run: { id: 42, name: 'baseline' } });
  assert.equal(calls[0].url, '/api/assignments/hw%201/runs');
  assert.equal(calls[0].init.method, 'POST');
  assert.equal(calls[0].init.headers['X-CSRF-Token'], 't0k');
  assert.equal(calls[0].init.headers['Content-Type'], 'application/json');
  assert.deepEqual(JSON.parse(calls[0].init.body), { sourceSha256: 'ab'.repeat(32), record: JSON.parse(RECORD) });
});

test('the server\'s problem message, or why it could not be asked, is what the student reads', async () => {
  const problem = async () => ({ ok: false, status: 403, json: async () => ({ detail: 'You are not in a team yet.' }) });
  assert.deepEqual(await saveRun({ assignmentId: '1', sourceSha256: 'x', recordJson: RECORD, fetchFn: problem }),
    { ok: false, text: 'You are not in a team yet.' });
  const bare = async () => ({ ok: false, status: 500, json: async () => { throw new Error('not json'); } });
  assert.equal((await saveRun({ assignmentId: '1', sourceSha256: 'x', recordJson: RECORD, fetchFn: bare })).text,
    'The run could not be saved: the server answered 500.');
  const offline = async () => { throw new TypeError('Failed to fetch'); };
  assert.equal((await saveRun({ assignmentId: '1', sourceSha256: 'x', recordJson: RECORD, fetchFn: offline })).text,
    'The run could not be saved: the server cannot be reached. Check your connection.');
});

test('a saved model goes to the run saved last, as its bytes under the name the program gave', async () => {
  const calls = [];
  const fetchFn = async (url, init) => {
    calls.push({ url, init });
    return { ok: true, status: 200, json: async () => ({}) };
  };
  const bytes = new Uint8Array([1, 2, 3]);
  const saved = await saveModel({ assignmentId: 'hw 1', run: { id: 42, name: 'fashion_mnist/baseline' },
    name: 'fashion_mnist', bytes, headers: { 'X-CSRF-Token': 't0k' }, fetchFn });
  assert.deepEqual(saved, { ok: true, text: 'Model fashion_mnist saved with run fashion_mnist/baseline.' });
  assert.equal(calls[0].url, '/api/assignments/hw%201/runs/42/model?name=fashion_mnist');
  assert.equal(calls[0].init.method, 'PUT');
  assert.equal(calls[0].init.headers['Content-Type'], 'application/octet-stream');
  assert.equal(calls[0].init.headers['X-CSRF-Token'], 't0k');
  assert.equal(calls[0].init.body, bytes);

  const noRun = await saveModel({ assignmentId: '1', run: null, name: 'final', bytes, fetchFn });
  assert.deepEqual(noRun, { ok: false, text: 'Model final was not kept in the experiment log: no run of this program'
    + ' was saved before it.' });
  assert.equal(calls.length, 1, 'nothing is sent without a saved run');
  const problem = async () => ({ ok: false, status: 413, json: async () => ({ detail: 'The model is too large.' }) });
  assert.equal((await saveModel({ assignmentId: '1', run: { id: 1, name: 'b' }, name: 'f', bytes, fetchFn: problem }))
    .text, 'The model is too large.');
  const offline = async () => { throw new TypeError('Failed to fetch'); };
  assert.equal((await saveModel({ assignmentId: '1', run: { id: 1, name: 'b' }, name: 'f', bytes, fetchFn: offline }))
    .text, 'Model f could not be saved: the server cannot be reached. Check your connection.');
});

test('runs are saved one at a time in the order the fits ended, and the last one\'s answer is shown last', async () => {
  const started = [];
  const answers = {};
  // The first save is slow to answer: the second must wait for it, not overtake it.
  const saveOne = (run) => new Promise((resolve) => {
    started.push(run);
    answers[run] = () => resolve({ ok: true, text: `saved ${run}` });
  });
  const shown = [];
  const save = inOrder(saveOne, (saved) => shown.push(saved.text));
  save('first');
  const last = save('second');
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.deepEqual(started, ['first'], 'the second waits for the first');
  answers.first();
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.deepEqual(started, ['first', 'second']);
  answers.second();
  await last;
  assert.deepEqual(shown, ['saved first', 'saved second']);
});
