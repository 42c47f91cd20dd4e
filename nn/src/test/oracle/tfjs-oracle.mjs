// The independent oracle of issue 3: computes with TensorFlow.js (pure-JS CPU backend) the forward outputs
// and gradients that TfjsOracleTest compares nn against.
//
// Usage: node tfjs-oracle.mjs NODE_MODULES_DIR CASES_JSON RESULTS_JSON
//
// CASES_JSON is {"cases": [case, ...]}; tensors are {"shape": [...], "values": [...]} (row-major). A case is
//   {"name", "type": "layer", "layer": <tf.layers factory, e.g. "conv2d">, "config": {...}, "training": bool,
//    "input": T, "idsInput": bool, "mask": T (optional, [batch, steps] of 0 and 1), "weights": [T, ...] (every
//    weight, in Keras order), "outputWeights": T}
//     output = layer(input, {mask}); gradients of sum(output * outputWeights) with respect to the input (unless
//     it holds ids, as for Embedding) and each trainable weight; the output's mask when the layer computes one
//     (Embedding with maskZero, recurrent layers with returnSequences); for BatchNormalization in training also
//     the moving statistics after the call. For "bidirectional", config.layer is {"layer": <factory>, "config":
//     {...}}, the recurrent layer it wraps. "gruResetAfter" ({"units", "returnSequences"}) is Keras 3's GRU,
//     composed from tfjs ops (ResetAfterGru below).
//   {"name", "type": "attention", "query": T, "value": T, "key": T, "keyDim": n, "weights": [T x 8] (Keras
//    MultiHeadAttention's order and shapes), "outputWeights": T}
//     output = multi-head attention composed from tfjs ops (tfjs-layers has no MultiHeadAttention);
//     gradients of sum(output * outputWeights) with respect to query, value, key and each weight.
//   {"name", "type": "loss", "loss": <Keras name>, "fromLogits": bool, "yTrue": T, "yPred": T}
//     output = the loss averaged over the batch; its gradient with respect to yPred.
// RESULTS_JSON is {"<case name>": {"<result name>": T, ...}, ...}; result names are "output",
// "output mask", "gradient input", "gradient query", "gradient value", "gradient key", "gradient <weight
// index>" and "weight <index> after".

import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [nodeModules, casesPath, resultsPath] = process.argv.slice(2);
if (!resultsPath) {
    console.error('usage: node tfjs-oracle.mjs NODE_MODULES_DIR CASES_JSON RESULTS_JSON');
    process.exit(2);
}
// The packages are resolved from the given node_modules rather than from this file's location, so that
// the build decides which installation is the oracle. Their CommonJS builds share one tfjs-core instance.
const require = createRequire(join(nodeModules, 'package.json'));
const tf = require('@tensorflow/tfjs-core');
require('@tensorflow/tfjs-backend-cpu');
const tfl = require('@tensorflow/tfjs-layers');

await tf.setBackend('cpu');

const tensor = (t) => tf.tensor(t.values, t.shape, 'float32');
const plain = (t) => ({ shape: t.shape, values: Array.from(t.dataSync()) });

// Returns the number of zeros TensorFlow's "same" padding puts before and after a spatial axis.
function samePadding(size, window, stride) {
    const total = Math.max((Math.ceil(size / stride) - 1) * stride + window - size, 0);
    return [Math.floor(total / 2), total - Math.floor(total / 2)];
}

// Returns AveragePooling2D with "same" padding composed from ops whose gradients tfjs gets right: the sums of
// the explicitly zero-padded windows over the number of real positions in each. tfjs 4.22's own AvgPoolGrad
// (tfjs-backend-cpu kernels/AvgPoolGrad.js) divides by the full window size, also for the edge windows that
// its forward pass averages over fewer positions, so its gradient disagrees with its own forward pass there
// (a central difference of tf.avgPool confirms it).
function samePaddedAveragePool(x, { poolSize, strides }) {
    const stride = strides ?? poolSize;
    const pads = [[0, 0], samePadding(x.shape[1], poolSize, stride), samePadding(x.shape[2], poolSize, stride), [0, 0]];
    const windowMean = (t) => tf.avgPool(tf.pad(t, pads), poolSize, stride, 'valid');
    return tf.div(windowMean(x), windowMean(tf.onesLike(x)));
}

// Keras 3's GRU with its default reset_after=True, which tfjs-layers lacks ("GRUCell does not support
// reset_after parameter set to true"), composed from tfjs ops with tfjs-layers' masking rule (a masked step keeps
// the previous state): the input bias is bias[0], the recurrent bias bias[1], and the reset gate multiplies the
// recurrent product h·U_h + b_h. It offers what runLayer uses of a tfjs layer.
class ResetAfterGru {
    constructor({ units, returnSequences = false }) {
        this.units = units;
        this.returnSequences = returnSequences;
    }

    build() {}

    setWeights(weights) {
        this.weights = weights.map((w) => tf.variable(w));
        this.trainableWeights = this.weights.map((v) => ({ read: () => v }));
    }

    apply(x, { mask }) {
        const [kernel, recurrentKernel, bias] = this.weights;
        const [batch, steps] = x.shape;
        const u = this.units;
        const gates = (t, i) => tf.slice(t, [0, i * u], [-1, u]);
        const inputBias = tf.reshape(tf.slice(bias, [0, 0], [1, -1]), [-1]);
        const recurrentBias = tf.reshape(tf.slice(bias, [1, 0], [1, -1]), [-1]);
        let h = tf.zeros([batch, u]);
        const outputs = [];
        for (let t = 0; t < steps; t++) {
            const xt = tf.add(tf.matMul(tf.reshape(tf.slice(x, [0, t, 0], [-1, 1, -1]), [batch, -1]), kernel), inputBias);
            const inner = tf.add(tf.matMul(h, recurrentKernel), recurrentBias);
            const z = tf.sigmoid(tf.add(gates(xt, 0), gates(inner, 0)));
            const r = tf.sigmoid(tf.add(gates(xt, 1), gates(inner, 1)));
            const candidate = tf.tanh(tf.add(gates(xt, 2), tf.mul(r, gates(inner, 2))));
            let next = tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), candidate));
            if (mask) {
                const m = tf.reshape(tf.slice(mask, [0, t], [-1, 1]), [batch, 1]);
                next = tf.add(tf.mul(next, m), tf.mul(h, tf.sub(1, m)));
            }
            h = next;
            outputs.push(h);
        }
        return this.returnSequences ? tf.stack(outputs, 1) : h;
    }

    computeMask(x, mask) {
        return this.returnSequences ? mask : null;
    }
}

const layerFactories = { ...tfl.layers, gruResetAfter: (config) => new ResetAfterGru(config) };

function runLayer(c) {
    const config = c.layer === 'bidirectional'
        ? { ...c.config, layer: layerFactories[c.config.layer.layer](c.config.layer.config) }
        : c.config;
    const layer = layerFactories[c.layer](config);
    layer.build(c.input.shape);
    // As tfjs's own Layer.apply does after build: RNN.build (LSTM) leaves `built` unset, and apply would
    // otherwise build the cell a second time ("Duplicate weight name kernel").
    layer.built = true;
    layer.setWeights(c.weights.map(tensor));
    const input = tf.variable(tensor(c.input));
    const mask = c.mask ? tensor(c.mask) : undefined;
    const outputWeights = tensor(c.outputWeights);
    const trainable = layer.trainableWeights.map((w) => w.read());
    const wrt = c.idsInput ? trainable : [input, ...trainable];
    const composed = c.layer === 'averagePooling2d' && c.config.padding === 'same';
    let output;
    const { grads } = tf.variableGrads(() => {
        output = tf.keep(layer.apply(input, { training: c.training, mask }));
        const differentiated = composed ? samePaddedAveragePool(input, c.config) : output;
        return tf.sum(tf.mul(differentiated, outputWeights));
    }, wrt);
    if (composed) {
        const difference = tf.max(tf.abs(tf.sub(samePaddedAveragePool(input, c.config), output))).dataSync()[0];
        if (!(difference < 1e-6)) {
            throw new Error(`the composed average pool differs from tfjs's by ${difference}`);
        }
    }
    const results = { output: plain(output) };
    const outputMask = layer.computeMask(input, mask);
    if (outputMask != null) {
        results['output mask'] = plain(tf.cast(outputMask, 'float32'));
    }
    if (!c.idsInput) {
        results['gradient input'] = plain(grads[input.name]);
    }
    trainable.forEach((w, i) => {
        results[`gradient ${i}`] = plain(grads[w.name]);
    });
    if (c.training) {
        layer.getWeights().forEach((w, i) => {
            results[`weight ${i} after`] = plain(w);
        });
    }
    return results;
}

// Returns Keras 3's MultiHeadAttention (no mask, no dropout) from matMul, transpose and softmax: x [B, T, d]
// times an EinsumDense kernel [d, heads, keyDim] becomes [B, heads, T, keyDim]; the scores are scaled after
// the product (Keras scales the query before it).
function attentionByMatMul(query, value, key, [wq, bq, wk, bk, wv, bv, wo, bo], keyDim) {
    const heads = (x, w, b) => {
        const [batch, steps, features] = x.shape;
        const flat = tf.matMul(tf.reshape(x, [batch * steps, features]), tf.reshape(w, [features, -1]));
        return tf.transpose(tf.add(tf.reshape(flat, [batch, steps, ...b.shape]), b), [0, 2, 1, 3]);
    };
    const scores = tf.mul(tf.matMul(heads(query, wq, bq), heads(key, wk, bk), false, true), 1 / Math.sqrt(keyDim));
    const context = tf.transpose(tf.matMul(tf.softmax(scores), heads(value, wv, bv)), [0, 2, 1, 3]);
    const [batch, steps] = query.shape;
    const output = tf.matMul(tf.reshape(context, [batch * steps, -1]), tf.reshape(wo, [-1, bo.shape[0]]));
    return tf.reshape(tf.add(output, bo), query.shape);
}

// Returns the same attention written as Keras 3 writes it, with einsum; tfjs has no gradient for einsum, so
// it only confirms the forward pass of attentionByMatMul.
function attentionByEinsum(query, value, key, [wq, bq, wk, bk, wv, bv, wo, bo], keyDim) {
    const q = tf.mul(tf.add(tf.einsum('abc,cde->abde', query, wq), bq), 1 / Math.sqrt(keyDim));
    const k = tf.add(tf.einsum('abc,cde->abde', key, wk), bk);
    const v = tf.add(tf.einsum('abc,cde->abde', value, wv), bv);
    const scores = tf.softmax(tf.einsum('aecd,abcd->acbe', k, q));
    return tf.add(tf.einsum('abcd,cde->abe', tf.einsum('acbe,aecd->abcd', scores, v), wo), bo);
}

function runAttention(c) {
    const inputs = ['query', 'value', 'key'].map((role) => tf.variable(tensor(c[role])));
    const weights = c.weights.map((w) => tf.variable(tensor(w)));
    const outputWeights = tensor(c.outputWeights);
    let output;
    const { grads } = tf.variableGrads(() => {
        output = tf.keep(attentionByMatMul(...inputs, weights, c.keyDim));
        return tf.sum(tf.mul(output, outputWeights));
    }, [...inputs, ...weights]);
    const einsum = attentionByEinsum(...inputs, weights, c.keyDim);
    const difference = tf.max(tf.abs(tf.sub(einsum, output))).dataSync()[0];
    if (!(difference < 1e-5)) {
        throw new Error(`attention by einsum and by matMul differ by ${difference}`);
    }
    const results = { output: plain(output) };
    ['query', 'value', 'key'].forEach((role, i) => {
        results[`gradient ${role}`] = plain(grads[inputs[i].name]);
    });
    weights.forEach((w, i) => {
        results[`gradient ${i}`] = plain(grads[w.name]);
    });
    return results;
}

// Keras's losses, each averaged over the batch. The probability forms come from tf.metrics (tfjs-layers'
// Keras ports, which clip to [1e-7, 1 - 1e-7] where nn adds 1e-7 inside the log; the test keeps every
// probability in [0.02, 0.98], where the two differ by less than 1e-5 relative). The logit forms come from
// tf.losses (TensorFlow's own stable sigmoid and softmax cross-entropy). Sparse labels become one-hot rows,
// as tfjs-layers' sparseCategoricalCrossentropy does internally (it is not exported), one per position at any
// rank (pixels, timesteps), reshaped like the predictions.
const losses = {
    mean_squared_error: (y, p) => tf.mean(tfl.metrics.meanSquaredError(y, p)),
    mean_absolute_error: (y, p) => tf.mean(tfl.metrics.meanAbsoluteError(y, p)),
    binary_crossentropy: (y, p, fromLogits) => fromLogits
        ? tf.losses.sigmoidCrossEntropy(y, p, undefined, 0, tf.Reduction.MEAN)
        : tf.mean(tfl.metrics.binaryCrossentropy(y, p)),
    categorical_crossentropy: (y, p, fromLogits) => fromLogits
        ? tf.losses.softmaxCrossEntropy(y, p, undefined, 0, tf.Reduction.MEAN)
        : tf.mean(tfl.metrics.categoricalCrossentropy(y, p)),
    sparse_categorical_crossentropy: (y, p, fromLogits) => losses.categorical_crossentropy(tf.reshape(
        tf.oneHot(tf.cast(tf.reshape(y, [-1]), 'int32'), p.shape[p.shape.length - 1]), p.shape), p, fromLogits),
};

function runLoss(c) {
    const loss = losses[c.loss];
    if (!loss) {
        throw new Error(`unknown loss "${c.loss}"`);
    }
    const yTrue = tensor(c.yTrue);
    const yPred = tf.variable(tensor(c.yPred));
    const { value, grads } = tf.variableGrads(() => loss(yTrue, yPred, c.fromLogits), [yPred]);
    return { output: plain(value), 'gradient predictions': plain(grads[yPred.name]) };
}

const { cases } = JSON.parse(readFileSync(casesPath, 'utf8'));
const results = {};
for (const c of cases) {
    try {
        const run = { layer: runLayer, attention: runAttention, loss: runLoss }[c.type];
        results[c.name] = run(c);
    } catch (error) {
        throw new Error(`case "${c.name}": ${error.message}`, { cause: error });
    }
}
writeFileSync(resultsPath, JSON.stringify(results));
