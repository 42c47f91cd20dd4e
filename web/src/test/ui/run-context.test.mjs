import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datasetsLine, runContext } from '../../main/ui/lib/run-context.js';
import { progressText } from '../../main/ui/workspace/downloads.js';
import { formatSize } from '../../main/ui/lib/sizes.js';
import { setLanguage } from '../../main/ui/lib/i18n.js';

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

test('progress reads in the size\'s own unit, and says when the download is kept', () => {
  const message = { dataset: 'fashion_mnist 1.0.0', split: 'train', loadedBytes: 1.5e6, totalBytes: 30e6 };
  assert.equal(progressText(message), 'Downloading fashion_mnist 1.0.0 (train): 1.5 MB of 30 MB');
  assert.equal(progressText({ ...message, loadedBytes: message.totalBytes }),
    'Downloaded fashion_mnist 1.0.0 (train): 30 MB, kept in this browser for the next runs.');
  assert.equal(progressText(message, true), 'Kept 1.5 MB of 30 MB of fashion_mnist 1.0.0 (train) in this browser;'
    + ' the rest downloads when a program reads it.');
  assert.equal(progressText({ ...message, loadedBytes: 0, totalBytes: 40960 }),
    'Downloading fashion_mnist 1.0.0 (train): 0 kB of 41 kB', 'a small split is not "0.0 of 0.0 MB"');
});

test('sizes read in the unit that tells them apart, in the reader\'s language', () => {
  assert.equal(formatSize(512), '0.5 kB');
  assert.equal(formatSize(40960), '41 kB');
  assert.equal(formatSize(3145728), '3.1 MB');
  assert.equal(formatSize(45e6), '45 MB');
  assert.equal(formatSize(2.5e9), '2.5 GB');
  setLanguage('ko');
  try {
    assert.equal(formatSize(1.5e6), '1.5MB');
  } finally {
    setLanguage('en');
  }
});
