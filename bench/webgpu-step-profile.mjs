// Where one training step's GPU time goes, kernel by kernel: trains BENCH-CNN and BENCH-MLP with our WebGPU
// backend through Dawn in Node (bench/bench-program.mjs), records every dispatch of one steady-state step of
// the chosen model, then replays each dispatch on its own (three times, after a warm-up pass over all) and
// prints milliseconds per kernel, summed by pipeline. Replaying one dispatch per submit costs a little more than
// the step's single command buffer, so the total is an upper bound of the step's GPU time. Not a test.
// Usage, from the repository root:
//   VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json node bench/webgpu-step-profile.mjs \
//     [--model=cnn|mlp|homework] [--no-build] [--program=program.js (translated before, for a machine without Java)]
// (homework: examples.BenchModels.homework, the convnet homework's architecture elements at 32 × 32.)
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root, translateBenchProgram } from './bench-program.mjs';

const model = process.argv.find((a) => a.startsWith('--model='))?.split('=')[1] ?? 'cnn';
const program = process.argv.find((a) => a.startsWith('--program='))?.split('=')[1]
  ?? translateBenchProgram({ build: !process.argv.includes('--no-build') });
// The bench program's submits: BENCH-CNN's warm-up epoch and timed epoch (8 steps each), then BENCH-MLP's
// (16 each); with "homework", that model's alone (8 each). The submit recorded is a timed step of the model.
const recordedSubmit = { cnn: 14, mlp: 40, homework: 12 }[model];
const finished = { cnn: '"BENCH-CNN"', mlp: '"BENCH-MLP"', homework: '"HOMEWORK-CNN"' }[model];
if (!recordedSubmit) {
  throw new Error(`--model must be cnn, mlp or homework, got ${model}`);
}

const webgpu = await import(pathToFileURL(join(root, 'node_modules/webgpu/index.js')).href);
Object.assign(globalThis, webgpu.globals);
globalThis.navigator = { gpu: webgpu.create([]) };

let device;
const requestDevice = GPUAdapter.prototype.requestDevice;
GPUAdapter.prototype.requestDevice = async function (...args) {
  device = await requestDevice.apply(this, args);
  return device;
};
// Every dispatch with its pipeline and bind group, grouped by the submit that sent it.
const pass = GPUComputePassEncoder.prototype;
let current = {};
let dispatches = [];
let recorded = null;
let submits = 0;
const setPipeline = pass.setPipeline;
pass.setPipeline = function (pipeline) {
  current = { pipeline };
  return setPipeline.call(this, pipeline);
};
const setBindGroup = pass.setBindGroup;
pass.setBindGroup = function (index, group) {
  current.group = group;
  return setBindGroup.call(this, index, group);
};
const dispatchWorkgroups = pass.dispatchWorkgroups;
pass.dispatchWorkgroups = function (x, y = 1, z = 1) {
  dispatches.push({ ...current, groups: [x, y, z] });
  return dispatchWorkgroups.call(this, x, y, z);
};
const submit = GPUQueue.prototype.submit;
GPUQueue.prototype.submit = function (buffers) {
  submits++;
  if (submits === recordedSubmit) {
    recorded = dispatches;
  }
  dispatches = [];
  return submit.call(this, buffers);
};

async function timeEach() {
  const byKernel = new Map();
  for (const { pipeline, group, groups } of recorded) {
    const encoder = device.createCommandEncoder();
    const compute = encoder.beginComputePass();
    for (let r = 0; r < 3; r++) {
      compute.setPipeline(pipeline);
      compute.setBindGroup(0, group);
      compute.dispatchWorkgroups(...groups);
    }
    compute.end();
    const started = performance.now();
    device.queue.submit([encoder.finish()]);
    await device.queue.onSubmittedWorkDone();
    const entry = byKernel.get(pipeline.label) ?? { dispatches: 0, ms: 0 };
    entry.dispatches++;
    entry.ms += (performance.now() - started) / 3;
    byKernel.set(pipeline.label, entry);
  }
  return byKernel;
}

async function report() {
  await timeEach(); // warm-up: the first dispatches after a pause run slow
  const byKernel = [...(await timeEach())].sort((a, b) => b[1].ms - a[1].ms);
  const total = byKernel.reduce((sum, [, entry]) => sum + entry.ms, 0);
  console.log(`${finished.replaceAll('"', '')}, one step: ${recorded.length} dispatches, ${total.toFixed(1)} ms`);
  for (const [kernel, entry] of byKernel) {
    console.log(`${kernel.padEnd(36)} ${String(entry.dispatches).padStart(3)} ${entry.ms.toFixed(2).padStart(9)} ms`
      + ` ${(100 * entry.ms / total).toFixed(0).padStart(4)} %`);
  }
}

globalThis.$rt_putStdoutCustom = (text) => {
  if (text.includes(finished)) {
    // The model's own line: examples per second over its timed epoch, with the recording on.
    process.stdout.write(text);
    report().then(() => process.exit(0));
  }
};
globalThis.$rt_putStderrCustom = (text) => process.stderr.write(text);
(await import(pathToFileURL(program).href)).main(model === 'homework' ? ['1', 'homework'] : ['1']);
