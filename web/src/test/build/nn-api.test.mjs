// The editor's index of org.backprop.nn, built from the library's real sources.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { buildIndex, javadocText, parseCompilationUnit } from '../../../build/nn-api.mjs';

const script = fileURLToPath(new URL('../../../build/nn-api.mjs', import.meta.url));
const nnSources = fileURLToPath(new URL('../../../../nn/src/main/java', import.meta.url));
const index = buildIndex(nnSources);
const classNamed = (name) => index.classes.find((c) => c.name === name);

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory()
    ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.java') ? [join(dir, e.name)] : []));
}

test('every public top-level type outside org.backprop.nn.internal is indexed', () => {
  const declaration = /^(?:@[\w.]+(?:\([^)]*\))?\s+)*public\s+(?:(?:final|abstract|sealed|non-sealed|strictfp)\s+)*(?:class|interface|enum|record|@interface)\s+(\w+)/m;
  const expected = [];
  for (const file of sourceFiles(nnSources)) {
    const pkg = relative(nnSources, file).split(sep).slice(0, -1).join('.');
    const m = declaration.exec(readFileSync(file, 'utf8'));
    if (m && !pkg.startsWith('org.backprop.nn.internal')) expected.push(`${pkg}.${m[1]}`);
  }
  const indexed = new Set(index.classes.map((c) => `${c.package}.${c.name}`));
  assert.ok(expected.length > 100, `expected over 100 public types, found ${expected.length}`);
  assert.deepEqual(expected.filter((name) => !indexed.has(name)), []);
});

test('no class of org.backprop.nn.internal, which the grader refuses, is indexed', () => {
  assert.deepEqual(index.classes.filter((c) => c.package.startsWith('org.backprop.nn.internal')).map((c) => c.name), []);
});

test('Dense is a layer in org.backprop.nn.layers with its (int units, String activation) constructor', () => {
  const dense = classNamed('Dense');
  assert.equal(dense.package, 'org.backprop.nn.layers');
  assert.equal(dense.kind, 'class');
  assert.equal(dense.extends, 'Layer');
  assert.match(dense.doc, /^A fully connected layer/);
  const constructors = dense.members.filter((m) => m.kind === 'constructor').map((m) => m.signature);
  assert.deepEqual(constructors, ['Dense(int units)', 'Dense(int units, String activation)']);
});

test('Sequential extends Model, which has fit, compile and summary', () => {
  assert.equal(classNamed('Sequential').extends, 'Model');
  const model = classNamed('Model');
  const fit = model.members.filter((m) => m.name === 'fit');
  assert.deepEqual(fit.map((m) => m.signature), ['History fit(Tensor x, Tensor y)', 'History fit(ExampleSource data)',
    'History fit(Tensor x, FitOptions options)', 'History fit(Tensor x, Tensor y, FitOptions options)',
    'History fit(List<Tensor> x, List<Tensor> y)', 'History fit(List<Tensor> x, List<Tensor> y, FitOptions options)',
    'History fit(Map<String, Tensor> x, Map<String, Tensor> y)',
    'History fit(Map<String, Tensor> x, Map<String, Tensor> y, FitOptions options)',
    'History fit(Map<String, Tensor> x, List<Tensor> y)',
    'History fit(Map<String, Tensor> x, List<Tensor> y, FitOptions options)',
    'History fit(ExampleSource data, FitOptions options)']);
  assert.equal(fit[0].returns, 'History');
  assert.equal(fit[0].static, undefined);
  assert.ok(model.members.some((m) => m.name === 'compile' && m.signature.includes('Object... metrics')));
  assert.ok(model.members.some((m) => m.name === 'summary'));
});

test('static members are marked, and interfaces record what they implement', () => {
  const load = classNamed('Datasets').members.find((m) => m.name === 'load');
  assert.deepEqual([load.static, load.signature], [true, 'StoredDataset load(String dataset, String split)']);
  assert.deepEqual(classNamed('StoredDataset').implements, ['ExampleSource']);
});

test('nested public types are indexed as Outer.Inner; records get their constructor and accessors', () => {
  const split = classNamed('Dataset.Split');
  assert.equal(split.kind, 'record');
  assert.deepEqual(split.members.map((m) => m.signature).slice(0, 3),
    ['Split(Dataset train, Dataset validation)', 'Dataset train()', 'Dataset validation()']);
  assert.ok(classNamed('RunRecord.Builder'));
});

test('undocumented overrides are left to the supertype that declares them', () => {
  const dense = classNamed('Dense');
  assert.equal(dense.members.some((m) => m.name === 'typeName'), false);
  assert.ok(classNamed('Layer').members.some((m) => m.name === 'typeName'));
  assert.equal(classNamed('Tensor').members.some((m) => m.name === 'hashCode'), false);
});

test('private and package-private members are not indexed', () => {
  const names = classNamed('Datasets').members.map((m) => m.name);
  assert.deepEqual(names.sort(), ['load', 'splits']);
});

test('docs are plain text: no javadoc tags, comment markers or HTML', () => {
  const docs = index.classes.flatMap((c) => [c.doc ?? '', ...c.members.map((m) => m.doc ?? '')]);
  for (const doc of docs) {
    assert.doesNotMatch(doc, /\{@|\*\/|\/\*\*|^\s*\*|<\/?(p|pre|ul|li|em|b|i|a|code)\b[^>]*>|&(lt|gt|amp);/m, doc);
  }
});

test('javadocText rewrites inline tags and keeps @param and @return compactly', () => {
  const comment = `/**
   * Returns {@code units} outputs of {@link Layer#call(Tensor) call}, see {@link Model#fit}.
   *
   * <p>Second paragraph with {@code Map<String, List<Integer>>}.
   * @param units the number of outputs
   * @return the layer
   * @throws IllegalArgumentException never shown
   */`;
  assert.equal(javadocText(comment), 'Returns units outputs of call, see Model.fit.\n\n'
    + 'Second paragraph with Map<String, List<Integer>>.\nunits: the number of outputs\nReturns: the layer');
  assert.equal(javadocText(comment, { firstParagraph: true }), 'Returns units outputs of call, see Model.fit.');
});

test('the scanner skips strings, text blocks, comments, annotations and bodies', () => {
  const source = `package p;
    /** Doc. */
    @SuppressWarnings({"a", "b"})
    public final class A<T extends Comparable<T>> extends B implements C<D<E>>, F {
      public static final String S = "}{\\"", T2 = """
        } { " ""\";
      private int hidden() { return '}'; }
      // public void commented() {}
      /** Does x. */
      public <R> java.util.Map<String, R> map(@Deprecated final int[] xs, String... rest) throws Exception {
        new Object() { public void inner() {} };
        return null;
      }
      public enum E { X, /** Y doc. */ Y(1) { }, Z; E() {} E(int i) {} }
      interface I { void run(); }
    }
    class Hidden { public void no() {} }`;
  const types = parseCompilationUnit(source, 'p');
  assert.deepEqual(types.map((t) => t.name), ['A', 'A.E']);
  const [a, e] = types;
  assert.deepEqual([a.extends, a.implements], ['B', ['C', 'F']]);
  assert.deepEqual(a.members.map((m) => m.signature),
    ['String S', 'String T2', '<R> Map<String, R> map(int[] xs, String... rest)']);
  assert.deepEqual(e.members.map((m) => m.name), ['X', 'Y', 'Z']);
});

test('the command writes the index as compact JSON', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'nn-api-')), 'app', 'nn-api.json');
  execFileSync(process.execPath, [script, nnSources, out]);
  const text = readFileSync(out, 'utf8');
  assert.deepEqual(JSON.parse(text), index);
  assert.ok(!text.includes('\n'), 'one line, no indentation');
  // It grows with nn (257 kB with chapter 12's applications and schedules); the editor fetches it once, after the
  // page, and the server gzips it to about a fifth. The bound catches a change that bloats every entry.
  assert.ok(text.length < 350_000, `index is ${text.length} bytes`);
});
