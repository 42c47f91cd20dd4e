import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datasetsLine, runContext } from '../../main/ui/lib/run-context.js';
import { progressText } from '../../main/ui/workspace/downloads.js';

test('a run context names the course, its datasets and which manifest view the account gets', () => {
  const list = [{ name: 'mnist', version: '1.0.0', imageShape: [28, 28, 1], createdAt: '2025-01-01T00:00:00Z' }];
  const models = [{ name: 'vgg16', version: '1', sha256: 'ab', bytes: 9, parameterCount: 3, summary: 'x',
    createdAt: '2025-01-02T00:00:00Z' }];
  assert.deepEqual(runContext({ id: 3, myRole: 'STUDENT' }, list, models), {
    courseId: 3, staffView: false, available: [{ name: 'mnist', version: '1.0.0', createdAt: '2025-01-01T00:00:00Z' }],
    pretrained: [{ name: 'vgg16', version: '1', sha256: 'ab', bytes: 9, createdAt: '2025-01-02T00:00:00Z' }],
  });
  assert.equal(runContext({ id: 3, myRole: 'TA' }, list).staffView, true);
  assert.equal(datasetsLine(list), 'Datasets: mnist 1.0.0');
  assert.equal(datasetsLine([]), 'No datasets in this course yet.');
});

test('progress reads in MB, and says when the download is kept', () => {
  const message = { dataset: 'fashion_mnist 1.0.0', split: 'train', loadedBytes: 1.5 * 1048576, totalBytes: 3 * 1048576 };
  assert.equal(progressText(message), 'Downloading fashion_mnist 1.0.0 (train): 1.5 of 3.0 MB');
  assert.equal(progressText({ ...message, loadedBytes: message.totalBytes }),
    'Downloaded fashion_mnist 1.0.0 (train): 3.0 MB, kept in this browser for the next runs.');
  assert.equal(progressText(message, true), 'Kept 1.5 of 3.0 MB of fashion_mnist 1.0.0 (train) in this browser;'
    + ' the rest downloads when a program reads it.');
});
