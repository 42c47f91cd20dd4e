// BENCH-CNN and BENCH-MLP (issue "nn") on our CPU backend (JVM) and TensorFlow.js's CPU backend (Node),
// side by side in one run. Usage, from the repository root: node bench/cpu-training.mjs
// Figures: images (examples) per second over 2 epochs after 1 warm-up epoch, random data, Adam 1e-3,
// sparse categorical cross-entropy.
import { execFileSync } from 'node:child_process';
import * as tf from '@tensorflow/tfjs';
import { benchCnn, benchMlp, measure } from './tfjs-models.mjs';

execFileSync('mvn', ['-B', '-q', '-pl', 'nn', 'test-compile'], { stdio: 'inherit' });
const runOurs = (threads) => execFileSync('java', ['-cp', 'nn/target/classes:nn/target/test-classes',
  'org.backprop.nn.bench.TrainingBenchmark', `--threads=${threads}`], { encoding: 'utf8' })
  .trim().split('\n').map((line) => JSON.parse(line));
const ours = [...runOurs('one'), ...runOurs('all')];

await tf.setBackend('cpu');

const theirs = [await measure(tf, benchCnn(tf), 2), await measure(tf, benchMlp(tf), 2)];
console.log('benchmark   Backprop CPU (JVM)             TensorFlow.js CPU (Node)   ratio');
for (const mine of ours) {
  const other = theirs.find((t) => t.benchmark === mine.benchmark);
  console.log(`${mine.benchmark.padEnd(11)} ${mine.examplesPerSecond.toFixed(1).padStart(9)} ex/s (${mine.threads.padEnd(9)})`
    + `   ${other.examplesPerSecond.toFixed(1).padStart(16)} ex/s   ${(mine.examplesPerSecond / other.examplesPerSecond).toFixed(1)}x`);
}
