// Reads a WGSL kernel from src/main/wgsl, replacing each line `#include "name.wgsl"` with the file of that name
// in src/main/wgsl/include/. WGSL has no includes of its own; this lets kernels share helper functions (the
// broadcast index arithmetic, for one) instead of carrying copies. Included files may not include others.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const INCLUDE = /^#include "([A-Za-z0-9_]+\.wgsl)"$/;

/** Returns the kernel in `dir`/`file` with its includes resolved; throws naming the kernel and line otherwise. */
export function readKernel(dir, file) {
  return readFileSync(join(dir, file), 'utf8').split('\n').map((line, index) => {
    if (!line.startsWith('#include')) {
      return line;
    }
    const match = INCLUDE.exec(line.trim());
    if (!match) {
      throw new Error(`${file}:${index + 1}: write includes as #include "name.wgsl", got: ${line}`);
    }
    const included = readFileSync(join(dir, 'include', match[1]), 'utf8');
    if (included.split('\n').some((inner) => inner.startsWith('#include'))) {
      throw new Error(`include/${match[1]} (from ${file}:${index + 1}) may not include other files`);
    }
    return included.replace(/\n$/, '');
  }).join('\n');
}
