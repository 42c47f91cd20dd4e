// Times the WebGPU backend's matmul kernel (web/src/main/wgsl/matmul.wgsl, or another version of it) on
// BENCH-MLP's shapes, in Node + Dawn: on SwiftShader (the CPU) unless VK_ICD_FILENAMES names another driver.
// Usage, from the repository root:
//   VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json node bench/gpu-matmul.mjs [kernel.wgsl [tile]]
// tile: the output tile one workgroup computes (64 for the current kernel, 16 for the first one).
// Prints one JSON line per shape: milliseconds per product and GFLOP/s, after one warm-up run, timed over
// enough repetitions (recorded into one command buffer, as a training step would be) to take ~1 s.
import { readFileSync } from 'node:fs';
import { create, globals } from 'webgpu';

Object.assign(globalThis, globals);
const [file = 'web/src/main/wgsl/matmul.wgsl', tileArg = '64'] = process.argv.slice(2);
const tile = Number(tileArg);
// The GPU object must stay reachable while the device is in use.
globalThis.gpu = create([]);
const adapter = await globalThis.gpu.requestAdapter();
const device = await adapter.requestDevice();
const module = device.createShaderModule({ code: readFileSync(file, 'utf8') });
const pipeline = device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint: 'main' } });

// [name, m, k, n, flags]: BENCH-MLP's forward products and both gradients of its widest layer at batch 128.
const shapes = [
  ['x·W1 forward [128,784]x[784,256]', 128, 784, 256, 0],
  ['dx = dy·W1ᵀ [128,256]x[256,784]', 128, 256, 784, 2],
  ['dW1 = xᵀ·dy [784,128]x[128,256]', 784, 128, 256, 1],
  ['h·W2 forward [128,256]x[256,128]', 128, 256, 128, 0],
  ['logits [128,128]x[128,10]', 128, 128, 10, 0],
];

function storage(floats) {
  const buffer = device.createBuffer({ size: floats * 4, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
  const values = new Float32Array(floats).map(() => Math.random() - 0.5);
  device.queue.writeBuffer(buffer, 0, values);
  return buffer;
}

async function time(m, k, n, flags, repetitions) {
  const params = device.createBuffer({ size: 128, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
  device.queue.writeBuffer(params, 0, new Uint32Array([m, k, n, flags, ...new Array(28).fill(0)]));
  const buffers = [params, storage(m * k), storage(k * n), storage(m * n)];
  const group = device.createBindGroup({ layout: pipeline.getBindGroupLayout(0),
    entries: buffers.map((buffer, binding) => ({ binding, resource: { buffer } })) });
  const encoder = device.createCommandEncoder();
  const pass = encoder.beginComputePass();
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, group);
  for (let r = 0; r < repetitions; r++) {
    pass.dispatchWorkgroups(Math.ceil(n / tile), Math.ceil(m / tile), 1);
  }
  pass.end();
  const start = performance.now();
  device.queue.submit([encoder.finish()]);
  await device.queue.onSubmittedWorkDone();
  return (performance.now() - start) / repetitions;
}

for (const [name, m, k, n, flags] of shapes) {
  const once = await time(m, k, n, flags, 1);
  const repetitions = Math.max(2, Math.min(200, Math.round(1000 / Math.max(once, 0.1))));
  const ms = await time(m, k, n, flags, repetitions);
  console.log(JSON.stringify({ shape: name, ms: +ms.toFixed(3), gflops: +(2 * m * k * n / ms / 1e6).toFixed(2),
    kernel: file, tile }));
}
process.exit(0);
