import { test } from 'node:test';
import assert from 'node:assert/strict';
import { abilities, consoleRole } from '../../main/ui/console/access.js';
import { fromZonedInput, toZonedInput } from '../../main/ui/console/zoned-time.js';
import { deadlineRequest, formatDuration, parseDuration, previewDeadline, stepsOf } from '../../main/ui/console/deadline-form.js';
import { excerpt, lineOfPath, pathSegments } from '../../main/ui/console/yaml-path.js';
import { readShard, samplesPerClass, toRgba } from '../../main/ui/console/shard.js';
import { folderName, pathInFolder, readFolder } from '../../main/ui/console/folder-files.js';

test('the console role follows the course role; students and strangers get none', () => {
  assert.equal(consoleRole({ myRole: 'INSTRUCTOR' }, { admin: false }), 'INSTRUCTOR');
  assert.equal(consoleRole({ myRole: 'TA' }, { admin: false }), 'TA');
  assert.equal(consoleRole({ myRole: 'STUDENT' }, { admin: false }), null);
  assert.equal(consoleRole({ myRole: null }, { admin: true }), 'INSTRUCTOR');
  assert.equal(consoleRole({ myRole: null }, { admin: false }), null);
});

test('a TA may grant extensions, import datasets, publish models and regrade, but not what only instructors may', () => {
  const ta = abilities('TA');
  assert.deepEqual(Object.entries(ta).filter(([, allowed]) => allowed).map(([name]) => name).sort(),
    ['extensions', 'importDatasets', 'publishPretrained', 'regrade', 'seeAudit', 'seeGrading', 'seeJoinCode',
      'seeMembers', 'seeUnassigned']);
  assert.ok(Object.values(abilities('INSTRUCTOR')).every(Boolean));
  assert.ok(Object.values(abilities(null)).every((allowed) => !allowed));
});

test('a deadline reads and is typed in the course zone, across a DST change', () => {
  assert.equal(toZonedInput('2026-12-17T14:59:00Z', 'Asia/Seoul'), '2026-12-17T23:59');
  assert.equal(fromZonedInput('2026-12-17T23:59', 'Asia/Seoul'), '2026-12-17T14:59:00.000Z');
  assert.equal(fromZonedInput('2026-03-29T12:00', 'Europe/Berlin'), '2026-03-29T10:00:00.000Z');
  assert.equal(fromZonedInput('2026-03-28T12:00', 'Europe/Berlin'), '2026-03-28T11:00:00.000Z');
  assert.equal(fromZonedInput('tomorrow', 'UTC'), null);
});

test('late-credit steps go from the server\'s windows to form rows and back, and preview as a timeline', () => {
  assert.equal(parseDuration('24h'), 86400);
  assert.equal(parseDuration(' 90m '), 5400);
  assert.equal(parseDuration('1w'), null);
  assert.equal(formatDuration(3 * 86400), '3d');
  assert.equal(formatDuration(36 * 3600), '36h');
  const deadline = {
    dueAt: '2026-12-17T15:00:00Z',
    windows: [{ until: '2026-12-17T15:00:00Z', creditPercent: 100 }, { until: '2026-12-18T15:00:00Z', creditPercent: 80 },
      { until: '2026-12-20T15:00:00Z', creditPercent: 50 }],
  };
  const steps = stepsOf(deadline);
  assert.deepEqual(steps, [{ until: '24h', credit: 80 }, { until: '3d', credit: 50 }]);
  assert.deepEqual(deadlineRequest('2026-12-17T15:00:00.000Z', [{ until: ' 24h', credit: '80' }]),
    { dueAt: '2026-12-17T15:00:00.000Z', lateCredit: [{ until: '24h', credit: 80 }] });
  const preview = previewDeadline('2026-12-17T15:00:00Z', steps, 'Asia/Seoul');
  const windows = (view) => view.windows.map((w) => [new Date(w.until).getTime(), w.creditPercent]);
  assert.deepEqual(windows(preview), windows(deadline));
  assert.equal(preview.closesAt, '2026-12-20T15:00:00.000Z');
  assert.equal(previewDeadline('2026-12-17T15:00:00Z', [{ until: 'soon', credit: 50 }], 'UTC'), null);
});

test('a spec error\'s YAML path points at its line', () => {
  const yaml = [
    'title: "Homework"', // 1
    'deadline:', // 2
    '  dueDays: 14', // 3
    '  lateCredit:', // 4
    '    - until: 24h', // 5
    '      credit: 80', // 6
    '    - until: 72h', // 7
    '      credit: 50', // 8
    'team:', // 9
    '  set: Homework teams', // 10
    'rubric:', // 11
    '- id: augmentation', // 12
    '  points: 10', // 13
    '  check: augmentation-active', // 14
    '# a comment', // 15
    '- id: ablation', // 16
    '  points: 20', // 17
    '  check: ablaton', // 18
    '  params:', // 19
    '    variants: 4', // 20
  ].join('\n');
  assert.deepEqual(pathSegments('rubric[1].check'), ['rubric', 1, 'check']);
  assert.equal(lineOfPath(yaml, 'rubric[1].check'), 18);
  assert.equal(lineOfPath(yaml, 'rubric[1].params.variants'), 20);
  assert.equal(lineOfPath(yaml, 'rubric[0]'), 12);
  assert.equal(lineOfPath(yaml, 'deadline.lateCredit[1].until'), 7);
  assert.equal(lineOfPath(yaml, 'deadline.lateCredit[1].credit'), 8);
  assert.equal(lineOfPath(yaml, 'team'), 9);
  assert.equal(lineOfPath(yaml, 'rubric[1].missing'), 16);
  assert.equal(lineOfPath(yaml, 'summary'), null);
  assert.equal(lineOfPath(yaml, '(document)'), null);
  assert.deepEqual(excerpt(20, [9, 18], 2), [7, 8, 9, 10, 11, null, 16, 17, 18, 19, 20]);
  assert.deepEqual(excerpt(5, [1, 3], 1), [1, 2, 3, 4]);
});

/** A shard of {@code labels.length} 2×1 grey images whose pixels are their index. */
function shardBytes(labels, channels = 1) {
  const pixels = labels.length * 2 * channels;
  const labelsOffset = (24 + pixels + 3) & ~3;
  const bytes = new Uint8Array(labelsOffset + 4 * labels.length);
  const view = new DataView(bytes.buffer);
  bytes.set([66, 80, 68, 83]);
  [1, labels.length, 1, 2, channels].forEach((value, i) => view.setInt32(4 + 4 * i, value, true));
  for (let i = 0; i < pixels; i++) {
    bytes[24 + i] = Math.floor(i / (2 * channels)) * 10 + (i % (2 * channels));
  }
  labels.forEach((label, i) => view.setInt32(labelsOffset + 4 * i, label, true));
  return bytes.buffer;
}

test('a shard is decoded in the browser: header, pixels, labels, a few examples per class', () => {
  const shard = readShard(shardBytes([2, 0, 0, 1, 0, 2]));
  assert.deepEqual([shard.count, shard.height, shard.width, shard.channels], [6, 1, 2, 1]);
  assert.equal(shard.label(0), 2);
  assert.deepEqual(samplesPerClass(shard, 3, 2), [[1, 2], [3], [0, 5]]);
  assert.deepEqual([...toRgba(shard, 1)], [10, 10, 10, 255, 11, 11, 11, 255]);
  const rgb = readShard(shardBytes([0], 3));
  assert.deepEqual([...toRgba(rgb, 0)], [0, 1, 2, 255, 3, 4, 5, 255]);
  assert.throws(() => readShard(new ArrayBuffer(30)), /not a Backprop dataset shard/);
  assert.throws(() => readShard(shardBytes([0, 1]).slice(0, 30)), /truncated/);
});

test('a chosen folder becomes the import\'s id and files', async () => {
  const file = (path, text) => ({ webkitRelativePath: path, name: path.split('/').pop(), text: async () => text });
  const files = [file('hw-x/assignment.yaml', 'title: X'), file('hw-x/src/Main.java', 'class Main {}'),
    file('hw-x/.DS_Store', 'junk')];
  assert.equal(folderName(files), 'hw-x');
  assert.equal(pathInFolder(files[1]), 'src/Main.java');
  assert.equal(pathInFolder({ webkitRelativePath: '', name: 'assignment.yaml' }), 'assignment.yaml');
  assert.deepEqual(await readFolder(files), { 'assignment.yaml': 'title: X', 'src/Main.java': 'class Main {}' });
});
