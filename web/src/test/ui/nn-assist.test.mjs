// Completion and hover for org.backprop.nn, on the index built from the library's real sources.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { CompletionContext } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { buildIndex } from '../../../build/nn-api.mjs';
import {
  completionsAt, hoverAt, hoverText, importEdit, inCommentOrString, instanceMembers, loadNnIndex, nnCompletions,
  nnHover, variableType,
} from '../../main/ui/editor/nn-assist.js';

const index = buildIndex(fileURLToPath(new URL('../../../../nn/src/main/java', import.meta.url)));

const program = `import org.backprop.nn.Tensor;

public class Main {
    public static void main(String[] args) {
        Sequential model = new Sequential(new Dense(10, "relu"));
        var train = Datasets.load("fashion_mnist", "train");
        CURSOR
    }
}
`;

/** Returns the completions with the cursor where `code` replaces CURSOR, and the text they apply to. */
function complete(code, explicit = false) {
  const text = program.replace('CURSOR', code);
  const pos = program.indexOf('CURSOR') + code.length;
  return { text, result: completionsAt(index, text, pos, explicit) };
}

const labels = (result) => result.options.map((o) => o.label);

test('a class name prefix suggests nn classes with their package, doc and the import they need', () => {
  const { text, result } = complete('Den');
  assert.equal(result.from, program.indexOf('CURSOR'));
  const dense = result.options.find((o) => o.label === 'Dense');
  assert.deepEqual([dense.type, dense.detail, dense.importName],
    ['class', 'org.backprop.nn.layers', 'org.backprop.nn.layers.Dense']);
  assert.match(dense.info, /^A fully connected layer/);
  assert.deepEqual(importEdit(text, dense.importName),
    { from: 'import org.backprop.nn.Tensor;'.length, insert: '\nimport org.backprop.nn.layers.Dense;' });
});

test('a class already imported, by name or by package, needs no import', () => {
  const tensor = complete('Ten').result.options.find((o) => o.label === 'Tensor');
  assert.equal(tensor.importName, undefined);
  const text = 'import org.backprop.nn.layers.*;\nclass A { Den }';
  const dense = completionsAt(index, text, text.length - 2).options.find((o) => o.label === 'Dense');
  assert.equal(dense.importName, undefined);
});

test('the import goes after the last import, else after the package line, else at the top', () => {
  assert.deepEqual(importEdit('package a;\n\nclass A {}', 'org.backprop.nn.Tensor'),
    { from: 10, insert: '\n\nimport org.backprop.nn.Tensor;' });
  assert.deepEqual(importEdit('class A {}', 'org.backprop.nn.Tensor'),
    { from: 0, insert: 'import org.backprop.nn.Tensor;\n\n' });
  assert.deepEqual(importEdit('import a.B;\nimport c.D;\nclass A {}', 'org.backprop.nn.Tensor'),
    { from: 23, insert: '\nimport org.backprop.nn.Tensor;' });
});

test('lower-case words list classes only when the student asks', () => {
  assert.equal(complete('mod').result, null);
  assert.ok(labels(complete('', true).result).includes('Sequential'));
});

test('after new, constructors are suggested with their parameters', () => {
  const { result } = complete('new Sequential(new Den');
  const dense = result.options.filter((o) => o.label === 'Dense');
  assert.deepEqual(dense.map((o) => o.detail), ['(int units)', '(int units, String activation)']);
  const sequential = complete('new Seq').result.options.filter((o) => o.label === 'Sequential').map((o) => o.detail);
  assert.deepEqual(sequential, ['(Layer... layers)', '(String name, Layer... layers)', '(Input input, Layer... layers)']);
  assert.equal(complete('new Seq').result.options.some((o) => o.label === 'Layer'), false, 'Layer has no public constructor');
});

test('after a class name and a dot, its static members are suggested', () => {
  const { result } = complete('Datasets.lo');
  assert.equal(result.from, program.indexOf('CURSOR') + 'Datasets.'.length);
  const load = result.options.find((o) => o.label === 'load');
  assert.deepEqual([load.type, load.detail], ['method', '(String dataset, String split) → StoredDataset']);
  assert.equal(load.importName, 'org.backprop.nn.data.Datasets', 'the class itself is not imported yet');
  assert.deepEqual(labels(result).sort(), ['load', 'splits']);
  assert.ok(labels(complete('RunRecord.').result).includes('Builder'));
  assert.ok(!labels(complete('Tensor.').result).includes('shape'), 'instance methods are not static');
});

test('after a variable and a dot, the members of its declared type and its supertypes are suggested', () => {
  const names = labels(complete('model.').result);
  for (const name of ['fit', 'compile', 'summary', 'evaluate', 'predict', 'add']) {
    assert.ok(names.includes(name), `${name} in ${names}`);
  }
  const fit = complete('model.').result.options.filter((o) => o.label === 'fit').map((o) => o.detail);
  assert.deepEqual(fit, ['(Tensor x, Tensor y) → History', '(ExampleSource data) → History',
    '(Tensor x, FitOptions options) → History', '(Tensor x, Tensor y, FitOptions options) → History',
    '(List<Tensor> x, List<Tensor> y) → History', '(List<Tensor> x, List<Tensor> y, FitOptions options) → History',
    '(Map<String, Tensor> x, Map<String, Tensor> y) → History',
    '(Map<String, Tensor> x, Map<String, Tensor> y, FitOptions options) → History',
    '(Map<String, Tensor> x, List<Tensor> y) → History',
    '(Map<String, Tensor> x, List<Tensor> y, FitOptions options) → History',
    '(ExampleSource data, FitOptions options) → History']);
  const split = labels(complete('train.').result);
  assert.ok(split.includes('take') && split.includes('batchCount'),
    `var train = Datasets.load(...) is a StoredDataset, an ExampleSource: ${split}`);
});

test('variableType reads declarations, parameters and var with new or a static factory', () => {
  const text = 'void f(Tensor x, int n) { Dense d = null; var s = new Sequential(); var t = Datasets.load("a", "b"); }';
  assert.equal(variableType(index, text, 'x'), 'Tensor');
  assert.equal(variableType(index, text, 'd'), 'Dense');
  assert.equal(variableType(index, text, 's'), 'Sequential');
  assert.equal(variableType(index, text, 't'), 'StoredDataset');
  assert.equal(variableType(index, text, 'missing'), null);
});

test('instance members hide what they override and list each signature once', () => {
  const members = instanceMembers(index, 'Sequential');
  const inputs = members.filter((m) => m.name === 'input');
  assert.equal(inputs.length, 1);
  assert.match(inputs[0].doc, /^Fails: a Sequential model/);
});

test('nothing is suggested inside comments and strings', () => {
  assert.equal(complete('// Den').result, null);
  assert.equal(complete('String s = "Den').result, null);
  assert.equal(inCommentOrString('a /* b', 6), true);
  assert.equal(inCommentOrString('"a" + Den', 9), false);
});

test('hovering a class shows its declaration, package and doc', () => {
  const text = program.replace('CURSOR', '');
  const hover = hoverAt(index, text, text.indexOf('Dense(') + 2);
  assert.equal(text.slice(hover.from, hover.to), 'Dense');
  const shown = hoverText(hover);
  assert.match(shown, /^class Dense extends Layer\norg\.backprop\.nn\.layers\nA fully connected layer/);
  assert.match(shown, /new Dense\(int units, String activation\)/, 'after new, the constructors too');
});

test('hovering a member after a class or a variable shows its signatures and doc', () => {
  const text = program.replace('CURSOR', 'model.fit(train, null);');
  const fit = hoverText(hoverAt(index, text, text.indexOf('fit(') + 1));
  assert.match(fit, /^History fit\(Tensor x, Tensor y\)\nTrains on x and y with Keras's defaults/);
  assert.match(fit, /History fit\(Tensor x, Tensor y, FitOptions options\)\nTrains on x and y/);
  assert.match(fit, /History fit\(ExampleSource data, FitOptions options\)/);
  const load = hoverText(hoverAt(index, text, text.indexOf('load(') + 1));
  assert.match(load, /^StoredDataset load\(String dataset, String split\)\nReturns split split/);
  assert.equal(hoverAt(index, text, text.indexOf('args')), null);
});

test('picking a class in the editor inserts it and its import in one change', () => {
  const text = program.replace('CURSOR', 'Den');
  let state = EditorState.create({ doc: text });
  const pos = text.lastIndexOf('Den') + 3;
  const result = nnCompletions(index)(new CompletionContext(state, pos, false));
  assert.equal(result.options.find((o) => o.label === 'Tensor').apply, undefined, 'Tensor is imported');
  const dense = result.options.find((o) => o.label === 'Dense');
  const view = { get state() { return state; }, dispatch: (spec) => { state = state.update(spec).state; } };
  dense.apply(view, dense, result.from, pos);
  const expected = program.replace('CURSOR', 'Dense')
    .replace('import org.backprop.nn.Tensor;', 'import org.backprop.nn.Tensor;\nimport org.backprop.nn.layers.Dense;');
  assert.equal(state.doc.toString(), expected);
  assert.equal(state.selection.main.head, expected.lastIndexOf('Dense') + 'Dense'.length);
  assert.ok(nnHover(index));
});

test('loadNnIndex fetches the index once and retries after a failure', async () => {
  const calls = [];
  let ok = false;
  const fetchFn = async (url) => {
    calls.push(url);
    return { ok, status: ok ? 200 : 503, json: async () => ({ classes: [] }) };
  };
  await assert.rejects(loadNnIndex(fetchFn), /HTTP 503/);
  ok = true;
  assert.deepEqual(await loadNnIndex(fetchFn), { classes: [] });
  await loadNnIndex(fetchFn);
  assert.deepEqual(calls, ['/app/nn-api.json', '/app/nn-api.json']);
});
