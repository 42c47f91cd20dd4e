// BENCH-CNN and BENCH-MLP (issue "nn") in TensorFlow.js, and how both benchmarks time them: random data,
// Adam 1e-3, sparse categorical cross-entropy, one warm-up epoch, then examples per second over the timed
// epochs. Shared by bench/cpu-training.mjs (Node) and bench/webgpu-training.mjs (served to the page), so the
// two compare against exactly the same models. Every function takes the TensorFlow.js namespace it runs on.

export function benchCnn(tf) {
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

export function benchMlp(tf) {
  const model = tf.sequential();
  model.add(tf.layers.dense({ inputShape: [784], units: 256, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 256, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
  return { name: 'BENCH-MLP', model, x: tf.randomUniform([2048, 784]), n: 2048, batchSize: 128 };
}

export async function measure(tf, { name, model, x, n, batchSize }, epochs) {
  const y = tf.randomUniform([n], 0, 10, 'int32').toFloat();
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'sparseCategoricalCrossentropy' });
  await model.fit(x, y, { epochs: 1, batchSize, verbose: 0 });
  const started = performance.now();
  await model.fit(x, y, { epochs, batchSize, verbose: 0 });
  const seconds = (performance.now() - started) / 1000;
  model.dispose();
  tf.dispose([x, y]);
  return { benchmark: name, examplesPerSecond: Math.round((epochs * n) / seconds * 10) / 10 };
}
