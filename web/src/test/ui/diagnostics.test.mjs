import { test } from 'node:test';
import assert from 'node:assert/strict';
import { offsetOf, toEditorDiagnostics, describe } from '../../main/ui/diagnostics.js';

const text = 'class Main {\n    int x = "a";\n}\n';

test('offsetOf maps 1-based line and column onto the text', () => {
  assert.equal(offsetOf(text, 2, 5), 17);
  assert.equal(text[offsetOf(text, 2, 5)], 'i');
});

test('offsetOf clamps positions past the end of a line or the document', () => {
  assert.equal(offsetOf(text, 1, 99), 12);
  assert.equal(offsetOf(text, 99, 1), text.length);
});

test('toEditorDiagnostics keeps only the open file and maps severities', () => {
  const result = toEditorDiagnostics(text, 'Main.java', [
    { file: 'Main.java', line: 2, column: 13, severity: 'ERROR', message: 'incompatible types' },
    { file: 'Other.java', line: 1, column: 1, severity: 'ERROR', message: 'elsewhere' },
    { file: 'Main.java', line: 1, column: 1, severity: 'WARNING', message: 'careful' },
  ]);
  assert.deepEqual(result, [
    { from: 25, to: 26, severity: 'error', message: 'incompatible types' },
    { from: 0, to: 1, severity: 'warning', message: 'careful' },
  ]);
});

test('a diagnostic without a column marks its whole line', () => {
  const [mark] = toEditorDiagnostics(text, 'Main.java', [{ file: 'Main.java', line: 2, severity: 'ERROR', message: 'm' }]);
  assert.deepEqual([mark.from, mark.to], [13, 29]);
});

test('describe prints one javac-style line per diagnostic', () => {
  assert.equal(describe([{ file: 'Main.java', line: 2, column: 13, severity: 'ERROR', message: 'boom' }]),
    'Main.java:2:13: error: boom');
});

test('an error just past the end of a line marks the line\'s last character', () => {
  const text = 'class A {\n  int x = 1\n}\n';
  const [marked] = toEditorDiagnostics(text, 'A.java', [{ file: 'A.java', line: 2, column: 12, severity: 'ERROR', message: "';' expected" }]);
  assert.equal(text.slice(marked.from, marked.to), '1');
});
