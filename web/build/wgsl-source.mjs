// Reads a WGSL kernel from src/main/wgsl, resolving two directives WGSL has no equivalent of:
// - `#include "name.wgsl"` (a line of its own) is replaced with the file of that name in src/main/wgsl/include/,
//   so that kernels share helper functions (the broadcast index arithmetic, for one) instead of carrying copies.
//   Included files may not include others.
// - `#unroll N COUNT statement` (indented like the code around it) is replaced with N copies of the statement,
//   `$` standing for 0, 1, … N − 1; copy i > 0 runs only if i < COUNT, a constant, so copies past it compile
//   away. Kernels that keep rows of registers in arrays need this: under SwiftShader an array indexed by a loop
//   counter addresses each lane's element on its own (3.5× slower in the attention kernels), one indexed by
//   literals does not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const INCLUDE = /^#include "([A-Za-z0-9_]+\.wgsl)"$/;
const UNROLL = /^(\s*)#unroll ([1-9][0-9]*) ([A-Za-z_][A-Za-z0-9_]*) (.*\$.*)$/;

/** Returns the kernel in `dir`/`file` with its directives resolved; throws naming the kernel and line otherwise. */
export function readKernel(dir, file) {
  return readFileSync(join(dir, file), 'utf8').split('\n').map((line, index) => {
    const where = `${file}:${index + 1}`;
    if (line.trimStart().startsWith('#unroll')) {
      return unroll(line, where);
    }
    if (!line.startsWith('#include')) {
      return line;
    }
    const match = INCLUDE.exec(line.trim());
    if (!match) {
      throw new Error(`${where}: write includes as #include "name.wgsl", got: ${line}`);
    }
    const included = readFileSync(join(dir, 'include', match[1]), 'utf8');
    if (included.split('\n').some((inner) => inner.startsWith('#include') || inner.trimStart().startsWith('#unroll'))) {
      throw new Error(`include/${match[1]} (from ${where}) may not hold directives`);
    }
    return included.replace(/\n$/, '');
  }).join('\n');
}

function unroll(line, where) {
  const match = UNROLL.exec(line);
  if (!match) {
    throw new Error(`${where}: write #unroll N COUNT statement, with $ for the copy's number, got: ${line.trim()}`);
  }
  const [, indent, copies, count, statement] = match;
  return Array.from({ length: Number(copies) }, (_, i) => {
    const copy = statement.replaceAll('$', String(i));
    return i === 0 ? `${indent}${copy}` : `${indent}if (${count} > ${i}u) { ${copy} }`;
  }).join('\n');
}
