import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_FITS, applyFitEvent, etaMs, fractionDone } from '../../main/ui/workspace/fit-progress.js';
import { isDirty, mergeDrafts } from '../../main/ui/workspace/file-sources.js';
import { treeRows } from '../../main/ui/workspace/file-tree.js';
import { appendConsole, compileRequest, diagnosticsByFile } from '../../main/ui/workspace/runner.js';
import { classStub, draftsOf } from '../../main/ui/workspace/workspace-editor.js';

test('fit events build the history the charts draw, the batch losses of the epoch, and the progress', () => {
  let state = applyFitEvent(NO_FITS, { event: 'start', run: 'baseline', epochs: 4, steps: 10 }, 0);
  state = applyFitEvent(state, { event: 'batch', run: 'baseline', epoch: 1, step: 5, steps: 10, loss: 2.1 }, 500);
  assert.equal(fractionDone(state.fits[0]), 5 / 40);
  assert.equal(etaMs(state.fits[0], 500), 3500);
  state = applyFitEvent(state, { event: 'epoch', run: 'baseline', epoch: 1, epochs: 4, logs: { loss: 1.5, val_loss: 1.7 } }, 1000);
  state = applyFitEvent(state, { event: 'batch', run: 'baseline', epoch: 2, step: 3, steps: 10, loss: 1.2 }, 1300);
  state = applyFitEvent(state, { event: 'epoch', run: 'baseline', epoch: 2, epochs: 4, logs: { loss: 1.1, val_loss: 1.4 } }, 2000);
  const fit = state.fits[0];
  assert.deepEqual(fit.history, { loss: [1.5, 1.1], val_loss: [1.7, 1.4] });
  assert.deepEqual(fit.batch, { epoch: 2, steps: [3], losses: [1.2] });
  assert.equal(fractionDone(fit), 0.5);
  state = applyFitEvent(state, { event: 'start', run: 'no-residual', epochs: 2, steps: 10 }, 2100);
  assert.equal(state.fits.length, 2);
  assert.deepEqual(state.fits[1].history, {});
});

test('evaluate and predict events show the inference running now, beside the fits', () => {
  let state = applyFitEvent(NO_FITS, { event: 'start', run: 'baseline', epochs: 1, steps: 10 }, 0);
  state = applyFitEvent(state, { event: 'infer-start', model: 'sequential', kind: 'predict', steps: 40 }, 100);
  assert.deepEqual(state.inference, { model: 'sequential', kind: 'predict', step: 0, steps: 40 });
  state = applyFitEvent(state, { event: 'infer-batch', model: 'sequential', kind: 'predict', step: 17, steps: 40 }, 400);
  assert.equal(state.inference.step, 17);
  assert.equal(state.fits.length, 1);
  state = applyFitEvent(state, { event: 'epoch', run: 'baseline', epoch: 1, epochs: 1, logs: { loss: 1 } }, 500);
  assert.equal(state.inference.step, 17, 'a fit event keeps the inference');
  state = applyFitEvent(state, { event: 'infer-end', model: 'sequential', kind: 'predict' }, 600);
  assert.equal(state.inference, null);
  assert.deepEqual(state.fits[0].history, { loss: [1] });
});

test('drafts kept in the browser come back as unsaved text, or as a conflict when a teammate saved since', () => {
  const server = [{ path: 'Main.java', content: 'a', revision: 2 }, { path: 'model/Net.java', content: 'n', revision: 5 }];
  const files = mergeDrafts(server, {
    'Main.java': { text: 'a + mine', baseRevision: 2 },
    'model/Net.java': { text: 'n + mine', baseRevision: 4 },
    'New.java': { text: 'new', baseRevision: 0 },
    'Gone.java': { text: 'gone', baseRevision: 3 },
  });
  assert.equal(files['Main.java'].text, 'a + mine');
  assert.equal(files['Main.java'].conflict, null);
  assert.equal(files['model/Net.java'].conflict.revision, 5);
  assert.equal(files['model/Net.java'].text, 'n + mine');
  assert.equal(files['New.java'].server, null);
  assert.equal(files['Gone.java'].conflict.deleted, true);
  assert.ok(isDirty(files['Main.java']) && isDirty(files['New.java']));
  assert.deepEqual(draftsOf(files)['Main.java'], { text: 'a + mine', baseRevision: 2 });
  assert.deepEqual(draftsOf(files)['Gone.java'], { text: 'gone', baseRevision: 0 });
});

test('the tree lists top-level files first, then each folder before its files', () => {
  assert.deepEqual(treeRows(['model/Net.java', 'Main.java', 'model/Components.java']).map((r) => `${r.kind}:${r.path}`),
    ['file:Main.java', 'folder:model', 'file:model/Components.java', 'file:model/Net.java']);
});

test('a compile sends every Java file, and its diagnostics go to the file they name', () => {
  const files = { 'Main.java': { text: 'class Main {}\n' }, 'model/Net.java': { text: 'class Net {\n  int x = ;\n}\n' },
    'notes.md': { text: '#' } };
  assert.deepEqual(Object.keys(compileRequest('Main', files).files), ['Main.java', 'model/Net.java']);
  const byFile = diagnosticsByFile(files, [{ file: 'model/Net.java', line: 2, column: 11, severity: 'ERROR', message: 'illegal start' }]);
  assert.deepEqual(Object.keys(byFile), ['model/Net.java']);
  assert.equal(byFile['model/Net.java'][0].from, 'class Net {\n'.length + 10);
});

test('the console joins what a program prints into lines and keeps the newest', () => {
  let lines = appendConsole([], 'Epoch 1/2 ', 'stdout');
  lines = appendConsole(lines, 'loss 0.5\nEpoch 2/2\n', 'stdout');
  lines = appendConsole(lines, 'oops\n', 'stderr');
  assert.deepEqual(lines.map((l) => [l.kind, l.text]), [['stdout', 'Epoch 1/2 loss 0.5'], ['stdout', 'Epoch 2/2'], ['stderr', 'oops']]);
  let many = [];
  for (let i = 0; i < 6000; i++) {
    many = appendConsole(many, `${i}\n`, 'stdout');
  }
  assert.equal(many.length, 5000);
  assert.equal(many[4999].text, '5999');
});

test('a new Java file starts as its package\'s empty class', () => {
  assert.equal(classStub('model/Block.java'), 'package model;\n\npublic class Block {\n}\n');
  assert.equal(classStub('Helper.java'), 'public class Helper {\n}\n');
});
