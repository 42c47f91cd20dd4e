// BENCH-CNN and BENCH-MLP in TensorFlow.js's WebGPU backend, in Node through the same Dawn (npm package
// webgpu) our grader runs on: the like-for-like comparison for bench/webgpu-training.mjs --engine=node, on
// whatever GPU Dawn picks (SwiftShader when VK_ICD_FILENAMES names it). Prints one JSON line per benchmark.
// Usage, from the repository root: node bench/tfjs-node-webgpu.mjs [epochs]
import { createRequire } from 'node:module';
import { create, globals } from 'webgpu';
import { benchCnn, benchMlp, measure } from './tfjs-models.mjs';

const epochs = Number(process.argv[2] ?? '2');
Object.assign(globalThis, globals);
// TensorFlow.js's WebGPU backend registers itself only where navigator.gpu exists when it loads.
globalThis.navigator = { gpu: create([]) };
const require = createRequire(import.meta.url);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-webgpu');

try {
  if (!(await tf.setBackend('webgpu'))) throw new Error('tf.setBackend("webgpu") returned false');
  await tf.ready();
  for (const make of [benchCnn, benchMlp]) {
    console.log(JSON.stringify({ ...(await measure(tf, make(tf), epochs)), backend: 'tfjs-webgpu' }));
  }
} catch (error) {
  console.log(JSON.stringify({ backend: 'tfjs-webgpu', error: String(error) }));
}
process.exit(0);
