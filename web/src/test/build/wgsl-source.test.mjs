// The WGSL directive resolver (#include, #unroll) that wgsl-to-java.mjs and the kernel benchmark read kernels through.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readKernel } from '../../../build/wgsl-source.mjs';

function kernels(files) {
  const dir = mkdtempSync(join(tmpdir(), 'wgsl-'));
  mkdirSync(join(dir, 'include'));
  for (const [name, code] of Object.entries(files)) {
    writeFileSync(join(dir, name), code);
  }
  return dir;
}

test('an include line is replaced by the included file', () => {
  const dir = kernels({ 'k.wgsl': 'fn main() {}\n#include "f.wgsl"\n// end\n', 'include/f.wgsl': 'fn f() {}\n' });
  assert.equal(readKernel(dir, 'k.wgsl'), 'fn main() {}\nfn f() {}\n// end\n');
});

test('a malformed include names the kernel and the line', () => {
  const dir = kernels({ 'k.wgsl': 'fn main() {}\n#include f.wgsl\n' });
  assert.throws(() => readKernel(dir, 'k.wgsl'), /k\.wgsl:2: write includes as #include "name\.wgsl"/);
});

test('included files may not include others', () => {
  const dir = kernels({ 'k.wgsl': '#include "a.wgsl"\n', 'include/a.wgsl': '#include "b.wgsl"\n',
    'include/b.wgsl': '' });
  assert.throws(() => readKernel(dir, 'k.wgsl'), /include\/a\.wgsl \(from k\.wgsl:1\) may not hold directives/);
});

test('an unroll line becomes its copies, those past the first under the count', () => {
  const dir = kernels({ 'k.wgsl': 'fn main() {\n  #unroll 3 N a[$] = b[$u];\n}\n' });
  assert.equal(readKernel(dir, 'k.wgsl'),
    'fn main() {\n  a[0] = b[0u];\n  if (N > 1u) { a[1] = b[1u]; }\n  if (N > 2u) { a[2] = b[2u]; }\n}\n');
});

test('a malformed unroll names the kernel and the line', () => {
  const dir = kernels({ 'k.wgsl': 'fn main() {\n  #unroll N a[0] = 1;\n}\n' });
  assert.throws(() => readKernel(dir, 'k.wgsl'), /k\.wgsl:2: write #unroll N COUNT statement/);
});

test('included files may not unroll', () => {
  const dir = kernels({ 'k.wgsl': '#include "a.wgsl"\n', 'include/a.wgsl': '  #unroll 2 N a[$] = 0;\n' });
  assert.throws(() => readKernel(dir, 'k.wgsl'), /may not hold directives/);
});

test('every kernel of the repository resolves to WGSL without directives', async () => {
  const { readdirSync } = await import('node:fs');
  const dir = new URL('../../main/wgsl/', import.meta.url).pathname;
  const files = readdirSync(dir).filter((file) => file.endsWith('.wgsl'));
  assert.ok(files.length > 20);
  for (const file of files) {
    assert.doesNotMatch(readKernel(dir, file), /^\s*#(include|unroll)/m, file);
  }
});
