// BENCH-CNN and BENCH-MLP (issue "nn") on our CPU backend (JVM) and TensorFlow.js's CPU backend (Node),
// side by side in one run. Usage, from the repository root: node bench/cpu-training.mjs
// Figures: images (examples) per second over 2 epochs after 1 warm-up epoch, random data, Adam 1e-3,
// sparse categorical cross-entropy.
import { execFileSync } from 'node:child_process';
import * as tf from '@tensorflow/tfjs';

execFileSync('mvn', ['-B', '-q', '-pl', 'nn', 'test-compile'], { stdio: 'inherit' });
const runOurs = (threads) => execFileSync('java', ['-cp', 'nn/target/classes:nn/target/test-classes',
  'org.backprop.nn.bench.TrainingBenchmark', `--threads=${threads}`], { encoding: 'utf8' })
  .trim().split('\n').map((line) => JSON.parse(line));
const ours = [...runOurs('one'), ...runOurs('all')];

await tf.setBackend('cpu');

function benchCnn() {
  const model = tf.sequential();
  model.add(tf.layers.conv2d({ inputShape: [32, 32, 3], filters: 16, kernelSize: 3, activation: 'relu' }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu' }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
  return { name: 'BENCH-CNN', model, x: tf.randomUniform([256, 32, 32, 3]), n: 256, batchSize: 32 };
}

function benchMlp() {
  const model = tf.sequential();
  model.add(tf.layers.dense({ inputShape: [784], units: 256, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 256, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
  return { name: 'BENCH-MLP', model, x: tf.randomUniform([2048, 784]), n: 2048, batchSize: 128 };
}

async function measure({ name, model, x, n, batchSize }) {
  const y = tf.randomUniform([n], 0, 10, 'int32').toFloat();
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'sparseCategoricalCrossentropy' });
  await model.fit(x, y, { epochs: 1, batchSize, verbose: 0 });
  const started = performance.now();
  await model.fit(x, y, { epochs: 2, batchSize, verbose: 0 });
  return { benchmark: name, examplesPerSecond: (2 * n) / ((performance.now() - started) / 1000) };
}

const theirs = [await measure(benchCnn()), await measure(benchMlp())];
console.log('benchmark   Backprop CPU (JVM)             TensorFlow.js CPU (Node)   ratio');
for (const mine of ours) {
  const other = theirs.find((t) => t.benchmark === mine.benchmark);
  console.log(`${mine.benchmark.padEnd(11)} ${mine.examplesPerSecond.toFixed(1).padStart(9)} ex/s (${mine.threads.padEnd(9)})`
    + `   ${other.examplesPerSecond.toFixed(1).padStart(16)} ex/s   ${(mine.examplesPerSecond / other.examplesPerSecond).toFixed(1)}x`);
}
