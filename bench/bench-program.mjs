// Translates the WebGPU bench program (web's test class WebGpuTrainingBenchmark) to JavaScript with TeaVM, for
// bench/webgpu-training.mjs and bench/webgpu-step-profile.mjs. Unless told not to build, compiles nn and web
// first and writes their test classpath to web/target/bench-classpath.txt.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;

/** Returns the path of the translated program.js. */
export function translateBenchProgram({ build }) {
  if (build) {
    execFileSync('mvn', ['-B', '-o', '-q', '-pl', 'nn,web', 'test-compile', 'dependency:build-classpath',
      '-Dmdep.outputFile=target/bench-classpath.txt', '-Dmdep.includeScope=test'], { cwd: root, stdio: 'inherit' });
  }
  const dependencies = readFileSync(join(root, 'web/target/bench-classpath.txt'), 'utf8').trim().split(':')
    .filter((path) => !path.includes('backprop-nn'));
  const classpath = ['web/target/test-classes', 'web/target/classes', 'nn/target/classes', ...dependencies].join(':');
  const out = mkdtempSync(join(tmpdir(), 'webgpu-bench-'));
  execFileSync('java', ['-cp', classpath, 'org.backprop.web.gpu.GpuTestPrograms',
    'org.backprop.web.gpu.bench.WebGpuTrainingBenchmark', out], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return join(out, 'program.js');
}
