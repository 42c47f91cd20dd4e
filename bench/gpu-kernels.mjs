// Times the WebGPU backend's matmul, reduction and depthwise convolution kernels in Node + Dawn: on SwiftShader (the CPU) unless
// VK_ICD_FILENAMES names another driver. Usage, from the repository root:
//   VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json node bench/gpu-kernels.mjs [matmul.wgsl tile] [--large]
// matmul.wgsl, tile: another version of the matmul kernel and the output tile one of its workgroups computes
// (the first one, `git show eaece47:web/src/main/wgsl/matmul.wgsl`, has tile 16; the current one 64).
// --large adds square products of 1024 and 4096 (too slow for SwiftShader; for a GPU's GFLOP/s, e.g. with
// web/src/main/wgsl/matmul_tiled.wgsl, the kernel ProductOps picks for hardware GPUs).
// Prints one JSON line per case: milliseconds per run, after a warm-up, over enough repetitions (recorded into
// one command buffer, as a training step would be) to take about a second.
import { basename, dirname } from 'node:path';
import { create, globals } from 'webgpu';
import { readKernel } from '../web/build/wgsl-source.mjs';

Object.assign(globalThis, globals);
const wgsl = 'web/src/main/wgsl';
const [matmulFile = `${wgsl}/matmul.wgsl`, tileArg = '64'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const large = process.argv.includes('--large');
const tile = Number(tileArg);
// The GPU object must stay reachable while its device is in use.
globalThis.gpu = create([]);
const device = await (await globalThis.gpu.requestAdapter()).requestDevice();

/** A kernel's pipeline; `constants` replaces `const` lines in its source, as the dispatching Java class does. */
function pipeline(file, constants = {}) {
  let code = readKernel(dirname(file), basename(file));
  for (const [from, to] of Object.entries(constants)) code = code.replace(from, to);
  const module = device.createShaderModule({ code });
  return device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint: 'main' } });
}

function storage(floats) {
  const buffer = device.createBuffer({ size: Math.max(4, floats * 4),
    usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
  device.queue.writeBuffer(buffer, 0, new Float32Array(floats).map(() => Math.random() - 0.5));
  return buffer;
}

/** A dispatch: kernel, parameter words, storage buffers (output last), workgroup counts. */
function dispatch(kernel, words, buffers, groups) {
  const params = device.createBuffer({ size: 128, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
  const block = new Uint32Array(32);
  block.set(words);
  device.queue.writeBuffer(params, 0, block);
  const group = device.createBindGroup({ layout: kernel.getBindGroupLayout(0),
    entries: [params, ...buffers].map((buffer, binding) => ({ binding, resource: { buffer } })) });
  return { kernel, group, groups };
}

async function time(dispatches, repetitions) {
  const encoder = device.createCommandEncoder();
  const pass = encoder.beginComputePass();
  for (let r = 0; r < repetitions; r++) {
    for (const { kernel, group, groups } of dispatches) {
      pass.setPipeline(kernel);
      pass.setBindGroup(0, group);
      pass.dispatchWorkgroups(...groups);
    }
  }
  pass.end();
  const start = performance.now();
  device.queue.submit([encoder.finish()]);
  await device.queue.onSubmittedWorkDone();
  return (performance.now() - start) / repetitions;
}

async function report(name, dispatches, extra) {
  const once = await time(dispatches, 1);
  const ms = await time(dispatches, Math.max(2, Math.min(200, Math.round(1000 / Math.max(once, 0.1)))));
  console.log(JSON.stringify({ case: name, ms: +ms.toFixed(3), ...extra(ms) }));
}

// Matrix products: BENCH-MLP's forward products and both gradients of its widest layer at batch 128.
const matmul = pipeline(matmulFile);
for (const [name, m, k, n, flags] of [
  ['x·W1 [128,784]x[784,256]', 128, 784, 256, 0],
  ['dx = dy·W1ᵀ [128,256]x[256,784]', 128, 256, 784, 2],
  ['dW1 = xᵀ·dy [784,128]x[128,256]', 784, 128, 256, 1],
  ['h·W2 [128,256]x[256,128]', 128, 256, 128, 0],
  ['logits [128,128]x[128,10]', 128, 128, 10, 0],
  ...(large ? [['[1024,1024]x[1024,1024]', 1024, 1024, 1024, 0], ['[4096,4096]x[4096,4096]', 4096, 4096, 4096, 0]] : []),
]) {
  // No bias (flag 4 off): b stands in for the bias binding, as ProductOps binds it.
  const b = storage(k * n);
  const run = dispatch(matmul, [m, k, n, flags], [storage(m * k), b, b, storage(m * n)],
    [Math.ceil(n / tile), Math.ceil(m / tile), 1]);
  await report(name, [run], (ms) => ({ gflops: +(2 * m * k * n / ms / 1e6).toFixed(2), kernel: matmulFile }));
}

// Reductions x [outer, summed, inner] -> [outer, inner]: one thread per output (reduce_to_shape.wgsl) against the
// tree of reduce_axis.wgsl passes (chunks of about √summed values, as Reductions.java picks).
const perOutput = pipeline(`${wgsl}/reduce_to_shape.wgsl`);
const tree = pipeline(`${wgsl}/reduce_axis.wgsl`);
for (const [name, outer, summed, inner] of [
  ['conv bias gradient [32·30·30, 16] -> [16]', 1, 28800, 16],
  ['batch-norm sum [32·16·16, 64] -> [64]', 1, 8192, 64],
  ['dense bias gradient [128, 256] -> [256]', 1, 128, 256],
  ['sum of everything [262144] -> []', 1, 262144, 1],
]) {
  const x = storage(outer * summed * inner);
  const out = storage(outer * inner);
  // reduce_to_shape.wgsl: rank 3, dims [outer, summed, inner], kept dims [outer, 1, inner], row-major strides.
  const words = new Array(22).fill(0);
  words.splice(0, 3, 3, outer * inner, summed);
  words.splice(4, 3, outer, summed, inner);
  words.splice(10, 3, outer, 1, inner);
  words.splice(16, 3, summed * inner, inner, 1);
  const single = dispatch(perOutput, words, [x, out],
    [Math.ceil(outer * inner / 256), 1, 1]);
  await report(`${name}, one thread per output`, [single], () => ({}));
  const passes = [];
  let input = x;
  let length = summed;
  for (;;) {
    const chunk = length <= 1024 ? length : Math.ceil(Math.sqrt(length));
    const chunks = Math.ceil(length / chunk);
    const target = chunks === 1 ? out : storage(outer * chunks * inner);
    passes.push(dispatch(tree, [outer, length, inner, chunk, chunks], [input, target],
      [Math.ceil(outer * chunks * inner / 256), 1, 1]));
    if (chunks === 1) break;
    input = target;
    length = chunks;
  }
  await report(`${name}, tree`, passes, () => ({ passes: passes.length }));
}
// Depthwise convolutions 3×3 'same' stride 1, multiplier 1 (SeparableConv2D's), batch 32: the variants and
// dispatch sizes ConvolutionOps picks (4 positions × 4 channels per thread; the kernel gradient in chunks of
// ⌈256 / outW⌉ output rows, then conv_partial_sum.wgsl).
const m1 = { 'const MULTIPLIER: u32 = 0u;': 'const MULTIPLIER: u32 = 1u;' };
const depthwise = pipeline(`${wgsl}/depthwise_conv2d.wgsl`, m1);
const depthwiseInput = pipeline(`${wgsl}/depthwise_conv2d_backward_input.wgsl`,
  { ...m1, 'const UNIT_STRIDE: bool = false;': 'const UNIT_STRIDE: bool = true;' });
const depthwiseKernel = pipeline(`${wgsl}/depthwise_conv2d_backward_kernel.wgsl`, m1);
const partialSum = pipeline(`${wgsl}/conv_partial_sum.wgsl`);
const groupsOf = (threads, size) => {
  const groups = Math.ceil(threads / size);
  return [Math.min(groups, 65535), Math.ceil(groups / 65535), 1];
};
for (const [n, h, w, c] of [[32, 32, 32, 16], [32, 16, 16, 32], [32, 8, 8, 64]]) {
  const geometry = [n, h, w, c, h, w, c, 3, 3, 1, 1, 1, 1];
  const x = storage(n * h * w * c);
  const y = storage(n * h * w * c);
  const kernel = storage(9 * c);
  const blocks = Math.ceil(n * h * w / 4) * Math.ceil(c / 4);
  await report(`depthwise [${n},${h},${w},${c}]`,
    [dispatch(depthwise, [...geometry, 0, 1], [x, kernel, y], groupsOf(blocks, 256))], () => ({}));
  await report(`depthwise input gradient [${n},${h},${w},${c}]`,
    [dispatch(depthwiseInput, [...geometry, 0, 1], [y, kernel, x], groupsOf(blocks, 256))], () => ({}));
  const rows = Math.ceil(256 / w);
  const chunks = Math.ceil(n * h / rows);
  const partial = storage(chunks * 9 * c);
  await report(`depthwise kernel gradient [${n},${h},${w},${c}]`, [
    dispatch(depthwiseKernel, [...geometry, rows, 1, chunks], [x, y, partial],
      groupsOf(chunks * 3 * Math.ceil(c / 4), 64)),
    dispatch(partialSum, [9 * c, chunks], [partial, kernel], groupsOf(9 * c, 256)),
  ], () => ({ chunks }));
}
process.exit(0);
