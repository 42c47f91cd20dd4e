// BENCH-CNN and BENCH-MLP (issue "nn") trained in ONE headless Chromium page, one after the other: with
// our WebGPU backend (bench program WebGpuTrainingBenchmark, translated by TeaVM) and with TensorFlow.js's
// WebGPU and WebGL backends, all on SwiftShader here. Same models, data sizes and hyper-parameters as
// bench/cpu-training.mjs: random data, Adam 1e-3, sparse categorical cross-entropy, one warm-up epoch, then
// images (examples) per second over the timed epochs. With --engine=node it trains ours and TensorFlow.js's
// WebGPU backend through Dawn in Node instead (the grader's path; a real GPU's Vulkan driver unless
// VK_ICD_FILENAMES names another; bench/tfjs-node-webgpu.mjs is TensorFlow.js's side).
// Usage, from the repository root: node bench/webgpu-training.mjs [--epochs=2] [--no-build] [--engine=node]
//   [--program=program.js] (a bench program translated before, for a GPU machine without Java and Maven)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, translateBenchProgram } from './bench-program.mjs';

const option = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const epochs = Number(option('epochs', '2'));
const modules = join(root, 'node_modules');

// Our side: the bench program, translated to JavaScript with the test classpath (GpuTestPrograms.main).
const program = option('program', undefined)
  ?? translateBenchProgram({ build: !process.argv.includes('--no-build') });

if (option('engine', 'chromium') === 'node') {
  // Ours, then TensorFlow.js's WebGPU backend, each in its own Node process with its own Dawn device.
  const lines = (script, args) => execFileSync('node', [script, ...args], { encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'] }).split('\n').filter((l) => l.startsWith('{"benchmark"') || l.includes('"error"'))
    .map((l) => JSON.parse(l));
  const ours = lines(join(root, 'web/src/test/gpu/run-node.mjs'), [program, modules, String(epochs)]);
  const theirs = lines(join(root, 'bench/tfjs-node-webgpu.mjs'), [String(epochs)]);
  console.log(`images (examples) per second, ${epochs} timed epochs after 1 warm-up, Dawn in Node; adapter: `
    + `${ours.find((r) => r.adapter)?.adapter ?? 'unknown adapter'}`);
  console.log('benchmark    Backprop WebGPU   TF.js WebGPU   vs TF.js WebGPU   submits a step (ours)');
  for (const benchmark of ['BENCH-CNN', 'BENCH-MLP']) {
    const a = ours.find((r) => r.benchmark === benchmark);
    const b = theirs.find((r) => r.benchmark === benchmark);
    const ratio = a && b ? `${(a.examplesPerSecond / b.examplesPerSecond).toFixed(2)}x` : 'n/a';
    console.log(`${benchmark.padEnd(11)} ${String(a?.examplesPerSecond ?? 'n/a').padStart(15)}   `
      + `${String(b?.examplesPerSecond ?? 'n/a').padStart(12)}   ${ratio.padStart(15)}   ${a?.submitsPerStep ?? ''}`);
  }
  for (const failure of theirs.filter((r) => r.error)) console.log(`failed: ${JSON.stringify(failure)}`);
  process.exit(0);
}

const files = {
  '/program.js': program,
  '/tf.js': join(modules, '@tensorflow/tfjs/dist/tf.min.js'),
  '/tf-webgpu.js': join(modules, '@tensorflow/tfjs-backend-webgpu/dist/tf-backend-webgpu.min.js'),
  '/tfjs-models.mjs': join(root, 'bench/tfjs-models.mjs'),
};

// The page: ours first (it prints JSON lines and {"done": 2}), then TensorFlow.js on WebGPU, then on WebGL.
const page = `<!doctype html><meta charset="utf-8">
<script src="/tf.js"></script><script src="/tf-webgpu.js"></script>
<script type="module">
  import { benchCnn, benchMlp, measure } from '/tfjs-models.mjs';
  const EPOCHS = ${epochs};
  let pending = '';
  let oursDone;
  const ours = new Promise((resolve) => { oursDone = resolve; });
  globalThis.$rt_putStdoutCustom = (text) => {
    pending += text;
    const lines = pending.split('\\n');
    pending = lines.pop();
    for (const line of lines) {
      console.log(line);
      if (line.startsWith('{"done"') || line.startsWith('{"unavailable"')) oursDone();
    }
  };
  globalThis.$rt_putStderrCustom = (text) => console.error(text);
  const program = await import('/program.js');
  program.main([String(EPOCHS)]);
  await ours;

  for (const backend of ['webgpu', 'webgl']) {
    try {
      if (!(await tf.setBackend(backend))) throw new Error('tf.setBackend returned false');
      await tf.ready();
      for (const make of [benchCnn, benchMlp]) {
        console.log(JSON.stringify({ ...(await measure(tf, make(tf), EPOCHS)), backend: 'tfjs-' + backend }));
      }
    } catch (error) {
      console.log(JSON.stringify({ backend: 'tfjs-' + backend, error: String(error) }));
    }
  }
  console.log('{"finished": true}');
</script>`;

// Imported here so that --engine=node runs where Playwright is not installed (a GPU server).
const { launchWebGpuChromium } = await import('../web/src/test/gpu/chromium.mjs');
const browser = await launchWebGpuChromium();
const results = [];
try {
  const tab = await browser.newPage();
  let finished;
  const done = new Promise((resolve) => { finished = resolve; });
  tab.on('console', (message) => {
    const text = message.text();
    if (!text.startsWith('{')) {
      if (message.type() === 'error') process.stderr.write(`${text}\n`);
      return;
    }
    const line = JSON.parse(text);
    if (line.finished) finished();
    else if (line.benchmark || line.error || line.unavailable) {
      results.push(line);
      process.stderr.write(`${text}\n`);
    }
  });
  tab.on('pageerror', (error) => { process.stderr.write(`page error: ${error}\n`); finished(); });
  await tab.route('http://localhost/**', (route) => {
    const path = new URL(route.request().url()).pathname;
    if (files[path]) {
      return route.fulfill({ contentType: 'text/javascript', body: readFileSync(files[path], 'utf8') });
    }
    return route.fulfill({ contentType: 'text/html', body: page });
  });
  await tab.goto('http://localhost/index.html');
  await done;
} finally {
  await browser.close();
}

const figure = (benchmark, backend) => results.find((r) => r.benchmark === benchmark && r.backend === backend)
  ?.examplesPerSecond;
const cell = (value) => (value === undefined ? 'n/a' : value.toFixed(1)).padStart(14);
const ratio = (a, b) => (a === undefined || b === undefined ? 'n/a' : `${(a / b).toFixed(2)}x`).padStart(16);
const adapter = results.find((r) => r.adapter)?.adapter ?? 'unknown adapter';
console.log(`images (examples) per second, ${epochs} timed epochs after 1 warm-up, one Chromium page; adapter: ${adapter}`);
console.log('benchmark    Backprop WebGPU   TF.js WebGPU    TF.js WebGL   vs TF.js WebGPU   vs TF.js WebGL');
for (const benchmark of ['BENCH-CNN', 'BENCH-MLP']) {
  const ours = figure(benchmark, 'backprop-webgpu');
  const webgpu = figure(benchmark, 'tfjs-webgpu');
  const webgl = figure(benchmark, 'tfjs-webgl');
  console.log(`${benchmark.padEnd(11)} ${cell(ours)}    ${cell(webgpu)} ${cell(webgl)}  ${ratio(ours, webgpu)} ${ratio(ours, webgl)}`);
}
for (const failure of results.filter((r) => r.error || r.unavailable)) {
  console.log(`failed: ${JSON.stringify(failure)}`);
}
