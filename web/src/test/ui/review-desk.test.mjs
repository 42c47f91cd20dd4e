import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  canPublish, claimsOf, filtersOf, handedInFirst, javaLines, neighbours, percent, queueKey, queuePath, regionLines,
  runsByMember, staffCourses, typing,
} from '../../main/ui/review/desk.js';

test('the desk lists only the courses the account staffs; only instructors and administrators publish', () => {
  const courses = [{ id: 1, myRole: 'STUDENT' }, { id: 2, myRole: 'TA' }, { id: 3, myRole: 'INSTRUCTOR' },
    { id: 4, myRole: null }];
  assert.deepEqual(staffCourses(courses).map((c) => c.id), [2, 3]);
  assert.deepEqual(staffCourses(courses, true).map((c) => c.id), [2, 3, 4]);
  assert.equal(canPublish({ myRole: 'TA' }), false);
  assert.equal(canPublish({ myRole: 'INSTRUCTOR' }), true);
  assert.equal(canPublish({ myRole: null }, true), true);
});

test('the queue address carries only the filters that are set, and reads them back', () => {
  assert.equal(queuePath(7), '/api/courses/7/review-queue');
  assert.equal(queuePath(7, { assignmentId: '3', teamId: '', state: 'NEEDS_REVIEW' }),
    '/api/courses/7/review-queue?assignmentId=3&state=NEEDS_REVIEW');
  assert.deepEqual(filtersOf('?state=GRADED&teamId=4'), { assignmentId: '', teamId: '4', state: 'GRADED' });
});

test('j/k and the arrows move through the queue and stop at its ends; Enter opens', () => {
  assert.deepEqual(queueKey('j', 0, 3), { index: 1, open: false });
  assert.deepEqual(queueKey('ArrowDown', 2, 3), { index: 2, open: false });
  assert.deepEqual(queueKey('k', 0, 3), { index: 0, open: false });
  assert.deepEqual(queueKey('ArrowUp', 2, 3), { index: 1, open: false });
  assert.deepEqual(queueKey('End', 0, 3), { index: 2, open: false });
  assert.deepEqual(queueKey('Enter', 1, 3), { index: 1, open: true });
  assert.equal(queueKey('x', 1, 3), null);
  assert.equal(queueKey('j', 0, 0), null);
  assert.equal(typing({ tagName: 'TEXTAREA' }), true);
  assert.equal(typing({ tagName: 'TR' }), false);
  assert.deepEqual(neighbours([5, 9, 12], 9), { previous: 5, next: 12 });
  assert.deepEqual(neighbours([5, 9, 12], '5'), { previous: null, next: 9 });
  assert.deepEqual(neighbours([5, 9, 12], 1), { previous: null, next: null });
});

test('claims and the server\'s numbers are read from the reproduce check\'s message', () => {
  const message = '1 of 3 re-run handed-in runs reproduced within 0.02 of the claimed val_accuracy.\n'
    + '- run "baseline": reproduced, val_accuracy 0.7500 claimed, 0.7412 on the server.\n'
    + '- run "no-aug": differs: val_accuracy 0.9100 claimed after 3 epochs, 0.6200 on the server after 3; they part'
    + ' in epoch 2 (0.8000 claimed, 0.6000 re-run).\n'
    + '- run "ghost": not produced by the submitted code (it claims seed 7 but the code trains it from seed 8).';
  const claims = claimsOf(message);
  assert.deepEqual(claims[0], { run: 'baseline', metric: 'val_accuracy', claimed: 0.75, server: 0.7412,
    difference: -0.0088, reproduced: true });
  assert.deepEqual(claims[1], { run: 'no-aug', metric: 'val_accuracy', claimed: 0.91, server: 0.62, difference: -0.29,
    reproduced: false, claimedEpochs: 3, serverEpochs: 3, partsAt: 2, claimedAtPart: 0.8, serverAtPart: 0.6 });
  assert.deepEqual(claims[2], { run: 'ghost', reproduced: false,
    problem: 'it claims seed 7 but the code trains it from seed 8' });
  assert.deepEqual(claimsOf('Checked augmentation'), []);
  assert.deepEqual(claimsOf(null), []);
});

test('a matched region is shown with its context, and similarity as a percentage', () => {
  const text = 'a\nb\nc\nd\ne\nf';
  assert.deepEqual(regionLines(text, 3, 4, 1), [
    { number: 2, text: 'b', matched: false }, { number: 3, text: 'c', matched: true },
    { number: 4, text: 'd', matched: true }, { number: 5, text: 'e', matched: false }]);
  assert.equal(regionLines(text, 1, 1, 3)[0].number, 1);
  assert.equal(percent(0.875), '87.5 %');
});

test('Java is coloured token by token, block comments across lines', () => {
  const lines = javaLines('/** Doc\n * more */ public class Net {\n  int x = 42; // why\n  String s = "a\\"b";');
  assert.deepEqual(lines[0], [{ text: '/** Doc', kind: 'comment' }]);
  assert.deepEqual(lines[1].slice(0, 3), [{ text: ' * more */', kind: 'comment' }, { text: ' ', kind: null },
    { text: 'public', kind: 'keyword' }]);
  assert.ok(lines[1].some((token) => token.text === 'Net' && token.kind === 'type'));
  assert.deepEqual(lines[2].filter((token) => token.kind).map((token) => [token.text, token.kind]),
    [['int', 'keyword'], ['42', 'number'], ['// why', 'comment']]);
  assert.ok(lines[3].some((token) => token.text === '"a\\"b"' && token.kind === 'string'));
  assert.equal(lines.map((tokens) => tokens.map((token) => token.text).join('')).join('\n'),
    '/** Doc\n * more */ public class Net {\n  int x = 42; // why\n  String s = "a\\"b";');
});

test('who ran what lists every member, and the handed-in runs come first for the report', () => {
  const members = [{ accountId: 1, name: 'Kim' }, { accountId: 2, name: 'Lee' }];
  const runs = [{ id: 10, name: 'baseline', member: { accountId: 1, name: 'Kim' } },
    { id: 11, name: 'baseline', member: { accountId: 1, name: 'Kim' } },
    { id: 12, name: 'no-aug', member: { accountId: 3, name: 'Park' } }];
  assert.deepEqual(runsByMember(members, runs), [{ member: 'Kim', runs: ['baseline'] }, { member: 'Lee', runs: [] },
    { member: 'Park', runs: ['no-aug'] }]);
  assert.deepEqual(handedInFirst(runs, [{ id: 11 }]).map((run) => run.id), [11, 10, 12]);
});
