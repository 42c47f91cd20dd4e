package org.backprop.web.gpu.parity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.backprop.nn.Tensor;
import org.backprop.nn.backend.Backends;
import org.backprop.nn.backend.BinaryOp;
import org.backprop.nn.backend.ConvGeometry;
import org.backprop.nn.backend.Normalization;
import org.backprop.nn.backend.UnaryOp;
import org.backprop.nn.layers.Bidirectional;
import org.backprop.nn.layers.Conv1D;
import org.backprop.nn.layers.Conv2DTranspose;
import org.backprop.nn.layers.Dropout;
import org.backprop.nn.layers.GlobalAveragePooling1D;
import org.backprop.nn.layers.GlobalMaxPooling1D;
import org.backprop.nn.layers.GRU;
import org.backprop.nn.layers.LSTM;
import org.backprop.nn.layers.MaxPooling1D;
import org.backprop.nn.layers.MultiHeadAttention;
import org.backprop.nn.layers.SimpleRNN;
import org.backprop.nn.layers.UpSampling2D;
import org.backprop.nn.layers.preprocessing.ImageAugmentation;
import org.backprop.nn.layers.preprocessing.RandomFlip;
import org.backprop.nn.layers.preprocessing.RandomRotation;
import org.backprop.nn.layers.preprocessing.RandomTranslation;
import org.backprop.nn.layers.preprocessing.RandomZoom;
import org.backprop.nn.losses.SparseCategoricalCrossentropy;
import org.backprop.nn.ops.Normalized;
import org.backprop.nn.ops.Ops;
import org.backprop.nn.random.RandomGenerator;
import org.backprop.nn.random.RandomSeed;

/**
 * The op-by-op parity cases: every primitive of {@code nn}, forward and (through autograd) backward, on
 * shapes that exercise tiling edges, broadcasting and the ops' options.
 */
final class ParityCases {
    private static final float TIGHT = 1e-4f;
    /** Long sums (matrix products, convolutions) may round differently in another order. */
    private static final float SUMS = 1e-3f;
    /** Random draws must match bit for bit, or a seed would not repeat a run across backends. */
    private static final float EXACT = 0f;

    private ParityCases() {
    }

    /** Returns the matrix-product cases alone, for running them again with the other kernel tuning. */
    static List<ParityCase> products() {
        List<ParityCase> cases = new ArrayList<>();
        products(cases);
        largeProducts(cases);
        return cases;
    }

    static List<ParityCase> all() {
        List<ParityCase> cases = new ArrayList<>();
        elementwise(cases);
        products(cases);
        transposes(cases);
        slicesAndConcatenations(cases);
        embeddings(cases);
        softmaxes(cases);
        largeProducts(cases);
        largeReductions(cases);
        convolutions(cases);
        dropout(cases);
        augmentations(cases);
        normalizations(cases);
        attention(cases);
        sequenceAndUpSamplingLayers(cases);
        recurrentAndMaskedLayers(cases);
        return cases;
    }

    private static void elementwise(List<ParityCase> cases) {
        cases.add(two("add same shape", TIGHT, new int[] {5, 7}, new int[] {5, 7}, in -> Ops.add(in[0], in[1])));
        // Sizes that are multiples of 4 take the vec4 kernels; the cases around them take the scalar ones.
        for (BinaryOp op : BinaryOp.values()) {
            cases.add(new ParityCase(op + " same shape, vec4 kernel", random -> new Tensor[] {
                ParityCase.uniform(random, 6, 10), ParityCase.positive(random, 6, 10)},
                    in -> binary(op, in[0], in[1]), new boolean[] {true, true}, TIGHT));
            cases.add(new ParityCase(op + " by a per-channel value, vec4 kernel", random -> new Tensor[] {
                ParityCase.uniform(random, 3, 5, 8), ParityCase.positive(random, 8)},
                    in -> binary(op, in[0], in[1]), new boolean[] {true, true}, TIGHT));
        }
        cases.add(two("per-channel value minus tensor (a repeats), vec4 kernel", TIGHT, new int[] {12},
                new int[] {2, 3, 12}, in -> Ops.subtract(in[0], in[1])));
        cases.add(two("add bias row", TIGHT, new int[] {33, 17}, new int[] {17}, in -> Ops.add(in[0], in[1])));
        cases.add(two("subtract broadcast both", TIGHT, new int[] {4, 1, 6}, new int[] {3, 1},
                in -> Ops.subtract(in[0], in[1])));
        cases.add(two("multiply by scalar", TIGHT, new int[] {2, 3, 4}, new int[] {}, in -> Ops.multiply(in[0], in[1])));
        // Each way binary.wgsl indexes an operand: repeated along leading axes, spread along trailing ones.
        cases.add(two("multiply per row (b spreads)", TIGHT, new int[] {7, 5}, new int[] {7, 1},
                in -> Ops.multiply(in[0], in[1])));
        cases.add(two("subtract from per-image values (a spreads)", TIGHT, new int[] {3, 1, 1, 1},
                new int[] {3, 4, 5, 2}, in -> Ops.subtract(in[0], in[1])));
        cases.add(two("add to a channel bias (a repeats)", TIGHT, new int[] {1, 1, 6}, new int[] {2, 3, 5, 6},
                in -> Ops.add(in[0], in[1])));
        cases.add(two("scalar minus tensor (a one value)", TIGHT, new int[] {1}, new int[] {4, 9},
                in -> Ops.subtract(in[0], in[1])));
        cases.add(new ParityCase("divide", random -> new Tensor[] {ParityCase.uniform(random, 8, 9),
                ParityCase.positive(random, 9)}, in -> Ops.divide(in[0], in[1]), new boolean[] {true, true}, TIGHT));
        cases.add(one("relu", TIGHT, new int[] {1000}, in -> Ops.relu(in[0])));
        cases.add(one("leaky relu", TIGHT, new int[] {7, 11}, in -> Ops.leakyRelu(in[0], 0.2f)));
        cases.add(one("sigmoid", TIGHT, new int[] {300}, in -> Ops.sigmoid(Ops.scale(in[0], 8f))));
        cases.add(one("tanh", TIGHT, new int[] {300}, in -> Ops.tanh(Ops.scale(in[0], 4f))));
        cases.add(one("gelu", TIGHT, new int[] {300}, in -> Ops.gelu(Ops.scale(in[0], 3f))));
        cases.add(one("exp", TIGHT, new int[] {64}, in -> Ops.exp(in[0])));
        cases.add(new ParityCase("log", random -> new Tensor[] {ParityCase.positive(random, 64)},
                in -> Ops.log(in[0]), new boolean[] {true}, TIGHT));
        cases.add(new ParityCase("sqrt", random -> new Tensor[] {ParityCase.positive(random, 64)},
                in -> Ops.sqrt(in[0]), new boolean[] {true}, TIGHT));
        cases.add(one("abs", TIGHT, new int[] {64}, in -> Ops.abs(in[0])));
        cases.add(one("negative", TIGHT, new int[] {64}, in -> Ops.negative(in[0])));
        cases.add(one("square", TIGHT, new int[] {64}, in -> Ops.square(in[0])));
        cases.add(one("sum over rows", SUMS, new int[] {70, 9}, in -> Ops.sum(in[0], 0)));
        cases.add(one("mean over all but last", SUMS, new int[] {4, 5, 6, 3}, in -> Ops.mean(in[0], 0, 1, 2)));
        cases.add(one("sum of everything", SUMS, new int[] {40, 30}, in -> Ops.sumAll(in[0])));
        cases.add(one("large element-wise (2-D dispatch)", TIGHT, new int[] {70000, 3}, in -> Ops.relu(in[0])));
    }

    private static void products(List<ParityCase> cases) {
        cases.add(two("matmul tile edges", SUMS, new int[] {33, 47}, new int[] {47, 19}, in -> Ops.matmul(in[0], in[1])));
        cases.add(two("matmul one row", SUMS, new int[] {1, 300}, new int[] {300, 10}, in -> Ops.matmul(in[0], in[1])));
        cases.add(two("batch matmul", SUMS, new int[] {3, 5, 7}, new int[] {3, 7, 4},
                in -> Ops.batchMatmul(in[0], false, in[1], false)));
        cases.add(two("batch matmul transposed", SUMS, new int[] {2, 7, 5}, new int[] {2, 4, 7},
                in -> Ops.batchMatmul(in[0], true, in[1], true)));
        // The fused Dense forward: product, bias and activation in matmul.wgsl's epilogue; gradients for all three.
        UnaryOp[] activations = {null, UnaryOp.RELU, UnaryOp.LEAKY_RELU, UnaryOp.SIGMOID, UnaryOp.TANH};
        for (UnaryOp activation : activations) {
            cases.add(new ParityCase("dense " + (activation == null ? "linear" : activation) + ", tile edges",
                    random -> new Tensor[] {ParityCase.uniform(random, 67, 31), ParityCase.uniform(random, 31, 65),
                        ParityCase.uniform(random, 65)},
                    in -> Ops.dense(in[0], in[1], in[2], activation, 0.2f), new boolean[] {true, true, true}, SUMS));
        }
        cases.add(two("dense without bias", SUMS, new int[] {5, 9}, new int[] {9, 3},
                in -> Ops.dense(in[0], in[1], null, UnaryOp.RELU, 0f)));
    }

    private static void transposes(List<ParityCase> cases) {
        int[][] permutations = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        for (int[] permutation : permutations) {
            cases.add(one("transpose rank 3 " + Arrays.toString(permutation), TIGHT, new int[] {3, 5, 7},
                    in -> Ops.transpose(in[0], permutation)));
        }
        cases.add(one("transpose NHWC to NCHW", TIGHT, new int[] {2, 5, 6, 3}, in -> Ops.transpose(in[0], 0, 3, 1, 2)));
        cases.add(one("transpose NCHW to NHWC", TIGHT, new int[] {2, 3, 5, 6}, in -> Ops.transpose(in[0], 0, 2, 3, 1)));
        cases.add(one("transpose rank 6 reversed", TIGHT, new int[] {2, 3, 1, 4, 2, 3},
                in -> Ops.transpose(in[0], 5, 4, 3, 2, 1, 0)));
        cases.add(one("transpose large 2-D", TIGHT, new int[] {300, 257}, in -> Ops.transpose(in[0], 1, 0)));
    }

    private static void slicesAndConcatenations(List<ParityCase> cases) {
        // Slicing's gradient concatenates dy between zeros, so these check concatenate (with empty parts) too.
        cases.add(one("slice middle axis", TIGHT, new int[] {4, 9, 5}, in -> Ops.slice(in[0], 1, 2, 4)));
        cases.add(one("slice first axis from 0", TIGHT, new int[] {7, 3}, in -> Ops.slice(in[0], 0, 0, 5)));
        cases.add(one("slice last axis to the end", TIGHT, new int[] {3, 4, 11}, in -> Ops.slice(in[0], 2, 6, 5)));
        cases.add(one("slice whole axis", TIGHT, new int[] {5, 6}, in -> Ops.slice(in[0], 1, 0, 6)));
        cases.add(parts("concatenate first axis", new int[][] {{2, 3, 4}, {5, 3, 4}}, 0));
        cases.add(parts("concatenate middle axis, uneven parts", new int[][] {{2, 1, 5}, {2, 7, 5}, {2, 3, 5}}, 1));
        int[][] many = new int[11][];
        for (int i = 0; i < many.length; i++) {
            many[i] = new int[] {6, 1 + i % 4};
        }
        cases.add(parts("concatenate 11 parts on the last axis", many, 1));
    }

    private static void embeddings(List<ParityCase> cases) {
        // Indices are drawn with many repeats; scatterAddRows must add a row's updates in position order.
        cases.add(lookup("gather with duplicate indices", 11, 6, new int[] {4, 5}));
        cases.add(lookup("gather 700 indices into 50 rows", 50, 33, new int[] {700}));
        cases.add(new ParityCase("gather one row many times", random -> new Tensor[] {
            ParityCase.uniform(random, 9, 7), Tensor.of(new int[] {300}, filled(300, 4f))},
                in -> Ops.gather(in[0], in[1]), new boolean[] {true, false}, TIGHT));
        cases.add(lookup("gather from a 600-row table", 600, 5, new int[] {3, 130}));
    }

    private static void softmaxes(List<ParityCase> cases) {
        // Rows of 1000 are longer than a workgroup; values scaled by 40 need the max-subtraction.
        cases.add(one("softmax short rows", TIGHT, new int[] {7, 10}, in -> Ops.softmax(in[0])));
        cases.add(one("softmax one value per row", TIGHT, new int[] {5, 1}, in -> Ops.softmax(in[0])));
        cases.add(one("softmax rank 3", TIGHT, new int[] {2, 3, 37}, in -> Ops.softmax(in[0])));
        cases.add(one("softmax rows longer than a workgroup", SUMS, new int[] {3, 1000}, in -> Ops.softmax(in[0])));
        cases.add(one("softmax large logits", TIGHT, new int[] {6, 20}, in -> Ops.softmax(Ops.scale(in[0], 40f))));
        cases.add(one("log softmax short rows", TIGHT, new int[] {7, 10}, in -> Ops.logSoftmax(in[0])));
        cases.add(one("log softmax rows longer than a workgroup", SUMS, new int[] {3, 1000},
                in -> Ops.logSoftmax(in[0])));
        cases.add(one("log softmax rows of 257", SUMS, new int[] {9, 257}, in -> Ops.logSoftmax(in[0])));
        cases.add(one("log softmax large logits", TIGHT, new int[] {6, 20},
                in -> Ops.logSoftmax(Ops.scale(in[0], 40f))));
        // The fused loss: one-hot targets as a classifier has, soft ones that do not sum to 1, and large logits.
        cases.add(new ParityCase("softmax cross-entropy, one-hot targets", random -> new Tensor[] {
            ParityCase.uniform(random, 37, 10), oneHot(ParityCase.indices(random, 10, new int[] {37}), 10)},
                in -> Ops.softmaxCrossEntropy(Ops.scale(in[0], 5f), in[1]), new boolean[] {true, false}, TIGHT));
        cases.add(new ParityCase("softmax cross-entropy, soft targets, rows of 300", random -> new Tensor[] {
            ParityCase.uniform(random, 4, 300), ParityCase.positive(random, 4, 300)},
                in -> Ops.softmaxCrossEntropy(Ops.scale(in[0], 40f), in[1]), new boolean[] {true, false}, SUMS));
        // The sparse loss at rank 4, as a segmentation model's: one label per pixel, the mean over every pixel.
        Tensor masks = ParityCase.indices(new RandomGenerator(61), 3, 2, 5, 4, 1);
        cases.add(new ParityCase("sparse categorical crossentropy per pixel, from logits", random -> new Tensor[] {
            ParityCase.uniform(random, 2, 5, 4, 3)},
                in -> new SparseCategoricalCrossentropy(true).call(masks, Ops.scale(in[0], 5f)), new boolean[] {true},
                TIGHT));
    }

    /** Returns one-hot rows of {@code classes} for the class indices in {@code labels}. */
    private static Tensor oneHot(Tensor labels, int classes) {
        float[] rows = new float[labels.size() * classes];
        for (int i = 0; i < labels.size(); i++) {
            rows[i * classes + (int) labels.get(i)] = 1f;
        }
        return Tensor.of(new int[] {labels.size(), classes}, rows);
    }

    private static void largeProducts(List<ParityCase> cases) {
        // 64x64 output tiles: one exact tile, and sizes one past it; k not a multiple of 4.
        cases.add(two("matmul one full tile", SUMS, new int[] {64, 128}, new int[] {128, 64},
                in -> Ops.matmul(in[0], in[1])));
        cases.add(two("matmul past the tile edges", SUMS, new int[] {65, 131}, new int[] {131, 129},
                in -> Ops.matmul(in[0], in[1])));
        cases.add(two("batch matmul transposed a", SUMS, new int[] {3, 9, 70}, new int[] {3, 9, 66},
                in -> Ops.batchMatmul(in[0], true, in[1], false)));
        cases.add(two("batch matmul transposed b", SUMS, new int[] {2, 67, 13}, new int[] {2, 5, 13},
                in -> Ops.batchMatmul(in[0], false, in[1], true)));
    }

    /**
     * Fused attention q [heads, tq, d], k [heads, tk, d], v [heads, tk, dv]: steps around the kernels' 64-thread
     * workgroups, widths from one vec4 to the most the kernels keep in registers (64), cross-attention (tq ≠ tk,
     * dv ≠ d), scores in the hundreds (the online softmax must not overflow), widths the kernels do not take
     * (composed from products and softmax), and the MultiHeadAttention layer around it. Its longest sums run
     * over tk·d or tq·d products.
     */
    private static void attention(List<ParityCase> cases) {
        cases.add(attention("attention [8, 16, 8]", 8, 16, 16, 8, 8, 1f));
        cases.add(attention("attention [6, 33, 16], 33 steps", 6, 33, 33, 16, 16, 1f));
        cases.add(attention("attention [2, 64, 64]", 2, 64, 64, 64, 64, 1f));
        cases.add(attention("cross-attention 9 queries, 70 keys, d 8, dv 12", 4, 9, 70, 8, 12, 1f));
        cases.add(attention("attention with scores in the hundreds", 3, 20, 20, 16, 16, 30f));
        cases.add(attention("cross-attention 5 queries, 3 keys, d 4, dv 20", 7, 5, 3, 4, 20, 1f));
        cases.add(attention("attention d 80 (wider than the kernels: composed)", 2, 5, 6, 80, 8, 1f));
        cases.add(attention("attention d 6, dv 10 (not vec4s: composed)", 3, 9, 7, 6, 10, 1f));
        cases.add(new ParityCase("MultiHeadAttention layer, 2 heads, query 7 steps, value 11", random -> new Tensor[] {
            ParityCase.uniform(random, 3, 7, 10), ParityCase.uniform(random, 3, 11, 6)}, in -> {
                RandomSeed.set(31);
                return new MultiHeadAttention(2, 16).apply(in[0], in[1]);
            }, new boolean[] {true, true}, sums(11 * 16)));
    }

    /** Layers composed of the primitives above (reshapes, conv2d, max pooling, mean, concatenate). */
    private static void sequenceAndUpSamplingLayers(List<ParityCase> cases) {
        cases.add(new ParityCase("Conv1D layer relu, kernel 5, same, stride 2", random -> new Tensor[] {
            ParityCase.uniform(random, 3, 17, 6)}, in -> {
                RandomSeed.set(41);
                return new Conv1D(7, 5, "relu").strides(2).padding("same").call(in[0], true);
            }, new boolean[] {true}, sums(5 * 6)));
        cases.add(new ParityCase("MaxPooling1D layer 3, stride 2, same", random -> new Tensor[] {
            ParityCase.uniform(random, 2, 11, 5)}, in -> new MaxPooling1D(3).strides(2).padding("same")
                .call(in[0], true), new boolean[] {true}, TIGHT));
        cases.add(new ParityCase("GlobalMaxPooling1D layer", random -> new Tensor[] {
            ParityCase.uniform(random, 3, 13, 6)}, in -> new GlobalMaxPooling1D().call(in[0], true),
                new boolean[] {true}, TIGHT));
        cases.add(new ParityCase("GlobalAveragePooling1D layer", random -> new Tensor[] {
            ParityCase.uniform(random, 3, 13, 6)}, in -> new GlobalAveragePooling1D().call(in[0], true),
                new boolean[] {true}, sums(13)));
        cases.add(new ParityCase("UpSampling2D layer 3", random -> new Tensor[] {
            ParityCase.uniform(random, 2, 4, 5, 3)}, in -> new UpSampling2D(3).call(in[0], true),
                new boolean[] {true}, sums(9)));
        // The convolution's three kernels with their roles swapped: backward-input forward, conv2d for dx.
        cases.add(new ParityCase("Conv2DTranspose layer 3x3, same, stride 2", random -> new Tensor[] {
            ParityCase.uniform(random, 2, 5, 6, 7)}, in -> {
                RandomSeed.set(43);
                return new Conv2DTranspose(6, 3, "relu").strides(2).padding("same").call(in[0], true);
            }, new boolean[] {true}, sums(2 * 10 * 12)));
        // Gradients for the kernel too: the convolution's backward-kernel with x and dy swapped.
        cases.add(two("conv2dTranspose 3x3 valid stride 2", sums(2 * 9 * 7 * 4), new int[] {2, 4, 3, 5},
                new int[] {3, 3, 4, 5}, in -> Ops.conv2dTranspose(in[0], in[1], 2, 2, "valid")));
        cases.add(two("conv2dTranspose 2x3 same strides 2x1", sums(3 * 8 * 5 * 6), new int[] {3, 4, 5, 6},
                new int[] {2, 3, 6, 6}, in -> Ops.conv2dTranspose(in[0], in[1], 2, 1, "same")));
    }

    /**
     * The recurrent layers and the masked ones, composed of the primitives above (products, slices, element-wise
     * ops, softmax, concatenate); a mask is a constant of 0 and 1 with a masked first step, one between real steps
     * and trailing padding. Their longest sums run over the features and units of one step's products.
     */
    private static void recurrentAndMaskedLayers(List<ParityCase> cases) {
        Tensor mask = Tensor.of(new float[][] {{0, 1, 1, 0, 1, 1}, {1, 1, 1, 1, 0, 0}, {1, 0, 1, 1, 1, 1}});
        cases.add(new ParityCase("GRU layer (reset after), returnSequences", random -> new Tensor[] {
            ParityCase.uniform(random, 3, 6, 5)}, in -> {
                RandomSeed.set(51);
                return new GRU(8).returnSequences(true).call(in[0], true);
            }, new boolean[] {true}, sums(6 * 13)));
        cases.add(new ParityCase("GRU layer (reset before), masked", random -> new Tensor[] {
            ParityCase.uniform(random, 3, 6, 5)}, in -> {
                RandomSeed.set(52);
                return new GRU(8).resetAfter(false).callWithMask(in[0], mask, true);
            }, new boolean[] {true}, sums(6 * 13)));
        cases.add(new ParityCase("SimpleRNN layer, goBackwards, masked", random -> new Tensor[] {
            ParityCase.uniform(random, 3, 6, 5)}, in -> {
                RandomSeed.set(53);
                return new SimpleRNN(7).goBackwards(true).returnSequences(true).callWithMask(in[0], mask, true);
            }, new boolean[] {true}, sums(6 * 12)));
        cases.add(new ParityCase("Bidirectional LSTM layer, concat, masked", random -> new Tensor[] {
            ParityCase.uniform(random, 3, 6, 5)}, in -> {
                RandomSeed.set(54);
                return new Bidirectional(new LSTM(6).returnSequences(true)).callWithMask(in[0], mask, true);
            }, new boolean[] {true}, sums(6 * 11)));
        cases.add(new ParityCase("MultiHeadAttention layer, query and value masks", random -> new Tensor[] {
            ParityCase.uniform(random, 3, 6, 10), ParityCase.uniform(random, 3, 6, 8)}, in -> {
                RandomSeed.set(55);
                return new MultiHeadAttention(2, 8).callAll(List.of(in[0], in[1]), List.of(mask, mask), true);
            }, new boolean[] {true, true}, sums(6 * 16)));
        cases.add(new ParityCase("MultiHeadAttention layer, causal mask", random -> new Tensor[] {
            ParityCase.uniform(random, 3, 6, 10)}, in -> {
                RandomSeed.set(56);
                return new MultiHeadAttention(2, 8).call(in[0], in[0], null, true, true);
            }, new boolean[] {true}, sums(6 * 16)));
        cases.add(new ParityCase("GlobalAveragePooling1D layer, masked", random -> new Tensor[] {
            ParityCase.uniform(random, 3, 6, 7)}, in -> new GlobalAveragePooling1D().callWithMask(in[0], mask, true),
                new boolean[] {true}, sums(6)));
    }

    /** Returns a case for softmax(q·kᵀ)·v with q scaled by {@code scale} (larger scores). */
    private static ParityCase attention(String name, int heads, int tq, int tk, int d, int dv, float scale) {
        return new ParityCase(name, random -> new Tensor[] {ParityCase.uniform(random, heads, tq, d),
            ParityCase.uniform(random, heads, tk, d), ParityCase.uniform(random, heads, tk, dv)},
                in -> Ops.attention(Ops.scale(in[0], scale), in[1], in[2]), new boolean[] {true, true, true},
                sums(Math.max(tq, tk) * Math.max(d, dv)));
    }

    private static void largeReductions(List<ParityCase> cases) {
        // Up to 115,200 summands: float sums in another order differ by far less than SUMS relative to 1 + |sum|.
        cases.add(one("bias gradient [20000, 16] to [16]", SUMS, new int[] {20000, 16}, in -> Ops.sum(in[0], 0)));
        cases.add(one("sum over rows, odd width", SUMS, new int[] {3000, 7}, in -> Ops.sum(in[0], 0)));
        cases.add(one("batch-norm mean over n, h, w", SUMS, new int[] {8, 30, 30, 16}, in -> Ops.mean(in[0], 0, 1, 2)));
        cases.add(one("sum over long rows", SUMS, new int[] {5, 3000}, in -> Ops.sum(in[0], 1)));
        cases.add(one("sum over a middle axis", SUMS, new int[] {6, 500, 5}, in -> Ops.sum(in[0], 1)));
        cases.add(one("sum over two separate axes", SUMS, new int[] {4, 50, 3, 60}, in -> Ops.sum(in[0], 1, 3)));
        cases.add(one("sum over axes with a size-1 axis between", SUMS, new int[] {40, 1, 30},
                in -> Ops.sum(in[0], 0, 2)));
        cases.add(two("add broadcast over a leading 1", TIGHT, new int[] {5}, new int[] {1, 5},
                in -> Ops.add(in[0], in[1])));
        cases.add(one("sum of 300000 values", SUMS, new int[] {300000}, in -> Ops.sumAll(in[0])));
    }

    private static void normalizations(List<ParityCase> cases) {
        // Long sums over rows: BENCH-size batch norm sums 8192 values per channel in another order than the CPU.
        cases.add(normalize("batch norm [32, 16, 16, 16], vec4 kernels, chunked statistics", Normalization.BATCH,
                sums(8192), 0f, 32, 16, 16, 16));
        cases.add(normalize("batch norm [7, 5, 3], one chunk", Normalization.BATCH, SUMS, 0f, 7, 5, 3));
        cases.add(normalize("batch norm [3000, 7], a short last chunk", Normalization.BATCH, sums(3000), 0f, 3000, 7));
        cases.add(normalize("layer norm [4, 10, 37]", Normalization.LAYER, SUMS, 0f, 4, 10, 37));
        cases.add(normalize("layer norm [2, 2000, 8], chunked gamma gradients", Normalization.LAYER, sums(4000), 0f,
                2, 2000, 8));
        // Values 1000 ± 1: E[x²] − E[x]² would keep about no digit of a variance of 1/3 (1000² has a float ulp of
        // 0.06). Few rows, so that the CPU's sequential float sum of values near 1000 stays accurate enough.
        cases.add(normalize("batch norm, mean 1000 and spread 1", Normalization.BATCH, SUMS, 1000f, 6, 8, 4));
        cases.add(normalize("layer norm, mean 1000 and spread 1", Normalization.LAYER, SUMS, 1000f, 5, 37));
        cases.add(normalizeWith("batch norm inference [4, 6, 6, 8], vec4 kernel", 4, 6, 6, 8));
        cases.add(normalizeWith("batch norm inference [5, 3]", 5, 3));
    }

    /**
     * Returns a training-mode normalisation case over x {@code shape} (values {@code shift} ± 1) with random gamma
     * and beta; the forward value is y plus the statistics broadcast back over x, so that they are checked too.
     */
    private static ParityCase normalize(String name, Normalization kind, float tolerance, float shift, int... shape) {
        int channels = shape[shape.length - 1];
        return new ParityCase(name, random -> new Tensor[] {shifted(ParityCase.uniform(random, shape), shift),
            ParityCase.uniform(random, channels), ParityCase.uniform(random, channels)}, in -> {
                Normalized normalized = Ops.normalize(kind, in[0], in[1], in[2], 1e-3f);
                int[] statisticsShape = shape.clone();
                if (kind == Normalization.LAYER) {
                    statisticsShape[shape.length - 1] = 1;
                } else {
                    statisticsShape = new int[] {channels};
                }
                Tensor statistics = Ops.add(Ops.reshape(normalized.mean(), statisticsShape),
                        Ops.reshape(normalized.variance(), statisticsShape));
                return Ops.add(normalized.y(), Ops.scale(statistics, 1f / (1 + Math.abs(shift))));
            }, new boolean[] {true, true, true}, tolerance);
    }

    /** Returns an inference-mode batch normalisation case: given statistics, gradients for x, gamma and beta. */
    private static ParityCase normalizeWith(String name, int... shape) {
        int channels = shape[shape.length - 1];
        return new ParityCase(name, random -> new Tensor[] {ParityCase.uniform(random, shape),
            ParityCase.uniform(random, channels), ParityCase.positive(random, channels),
            ParityCase.uniform(random, channels), ParityCase.uniform(random, channels)},
                in -> Ops.normalizeWith(in[0], in[1], in[2], in[3], in[4], 1e-3f),
                new boolean[] {true, false, false, true, true}, TIGHT);
    }

    private static Tensor shifted(Tensor values, float shift) {
        float[] shiftedValues = values.toArray();
        for (int i = 0; i < shiftedValues.length; i++) {
            shiftedValues[i] += shift;
        }
        return Tensor.of(values.shape(), shiftedValues);
    }

    private static void dropout(List<ParityCase> cases) {
        // States whose low word is all ones carry into the high word at the first addition; states with the top
        // bits set wrap around 2^64; from −GAMMA the first draw mixes 0 (u = 0, always dropped). Sizes run past
        // workgroup edges (256).
        cases.add(mask("dropout mask from seed 0, one value", 0L, new int[] {1}, 0.5f));
        cases.add(mask("dropout mask from seed 1337, 255 values", 1337L, new int[] {255}, 0.25f));
        cases.add(mask("dropout mask, low word all ones", 0x00000000FFFFFFFFL, new int[] {257}, 0.5f));
        cases.add(mask("dropout mask from -1 (wraps)", -1L, new int[] {3, 1000}, 0.3f));
        cases.add(mask("dropout mask, high bits set", 0xDEADBEEFCAFEBABEL, new int[] {7, 11, 13}, 0.1f));
        cases.add(mask("dropout mask from -GAMMA (first draw mixes 0)", -0x9E3779B97F4A7C15L, new int[] {513},
                0.01f));
        cases.add(mask("dropout mask, 70000 values at rate 0.9", 0x7FFFFFFF80000000L, new int[] {70000}, 0.9f));
        // The layer itself, twice from the global generator: the second mask starts where the first one's draws
        // end, and the gradient goes through both masks.
        cases.add(new ParityCase("Dropout layer twice in training", random -> new Tensor[] {
            ParityCase.uniform(random, 6, 50)}, in -> {
                RandomSeed.set(21);
                Tensor once = new Dropout(0.4).call(in[0], true);
                return new Dropout(0.4).call(once, true);
            }, new boolean[] {true}, EXACT));
    }

    private static void augmentations(List<ParityCase> cases) {
        // Large factors send many positions outside the image, where reflection brings them back; an image one
        // pixel high reflects everything onto its row. The transforms come from the same seed on both backends.
        cases.add(augment("RandomFlip both ways", 3, new int[] {3, 9, 11, 2}, () -> new RandomFlip()));
        cases.add(augment("RandomRotation up to 180 degrees", 4, new int[] {2, 13, 10, 3},
                () -> new RandomRotation(0.5)));
        cases.add(augment("RandomZoom 0.8", 5, new int[] {4, 8, 8, 1}, () -> new RandomZoom(0.8)));
        cases.add(augment("RandomTranslation half the image", 6, new int[] {2, 7, 9, 3},
                () -> new RandomTranslation(0.5, 0.5)));
        cases.add(augment("RandomRotation of images one pixel high", 7, new int[] {2, 1, 7, 3},
                () -> new RandomRotation(0.2)));
        // Input already on the device, as after a Rescaling layer.
        cases.add(new ParityCase("RandomRotation after a GPU op", random -> new Tensor[] {
            ParityCase.uniform(random, 3, 12, 12, 3)}, in -> {
                RandomSeed.set(8);
                return new RandomRotation(0.1).call(Ops.scale(in[0], 2f), true);
            }, new boolean[] {false}, TIGHT));
    }

    private static ParityCase augment(String name, long seed, int[] shape,
            Supplier<ImageAugmentation> layer) {
        return new ParityCase(name, random -> new Tensor[] {ParityCase.uniform(random, shape)}, in -> {
            RandomSeed.set(seed);
            return layer.get().call(in[0], true);
        }, new boolean[] {false}, TIGHT);
    }

    private static ParityCase mask(String name, long state, int[] shape, float rate) {
        return new ParityCase(name, random -> new Tensor[0],
                in -> Backends.current().dropoutMask(state, shape, rate), new boolean[0], EXACT);
    }

    private static ParityCase parts(String name, int[][] shapes, int axis) {
        boolean[] differentiable = new boolean[shapes.length];
        Arrays.fill(differentiable, true);
        return new ParityCase(name, random -> {
            Tensor[] inputs = new Tensor[shapes.length];
            for (int i = 0; i < shapes.length; i++) {
                inputs[i] = ParityCase.uniform(random, shapes[i]);
            }
            return inputs;
        }, in -> Ops.concatenate(Arrays.asList(in), axis), differentiable, TIGHT);
    }

    private static ParityCase lookup(String name, int rows, int width, int[] indexShape) {
        return new ParityCase(name, random -> new Tensor[] {ParityCase.uniform(random, rows, width),
            ParityCase.indices(random, rows, indexShape)}, in -> Ops.gather(in[0], in[1]),
                new boolean[] {true, false}, TIGHT);
    }

    private static float[] filled(int length, float value) {
        float[] values = new float[length];
        Arrays.fill(values, value);
        return values;
    }

    private static void convolutions(List<ParityCase> cases) {
        // [n, h, w, c] inputs with odd sizes and channel counts that are not multiples of 4; filter counts
        // around the 8-wide blocks and 8-thread rows of the GEMM kernels (up to 64 columns a workgroup).
        cases.add(conv("conv2d 3x3 valid stride 1", new int[] {2, 9, 11, 5}, new int[] {3, 3, 5, 7}, 1, 1, "valid"));
        cases.add(conv("conv2d 3x3 same stride 2", new int[] {3, 10, 9, 6}, new int[] {3, 3, 6, 10}, 2, 2, "same"));
        cases.add(conv("conv2d 5x5 same stride 1", new int[] {1, 7, 8, 3}, new int[] {5, 5, 3, 4}, 1, 1, "same"));
        cases.add(conv("conv2d 5x5 valid stride 2", new int[] {2, 13, 12, 3}, new int[] {5, 5, 3, 6}, 2, 2, "valid"));
        cases.add(conv("conv2d 1x1 valid stride 2, 33 filters", new int[] {2, 9, 9, 13}, new int[] {1, 1, 13, 33},
                2, 2, "valid"));
        cases.add(conv("conv2d 1x1 same stride 1", new int[] {1, 5, 7, 4}, new int[] {1, 1, 4, 8}, 1, 1, "same"));
        cases.add(conv("conv2d 3x5 same strides 2x1, tile edges", new int[] {2, 17, 13, 11},
                new int[] {3, 5, 11, 37}, 2, 1, "same"));
        cases.add(conv("conv2d BENCH-CNN second layer, batch 4", new int[] {4, 15, 15, 16}, new int[] {3, 3, 16, 32},
                1, 1, "valid"));
        cases.add(conv("conv2d 3x3 same, 70 channels to 70 filters: two column workgroups", new int[] {1, 5, 6, 70},
                new int[] {3, 3, 70, 70}, 1, 1, "same"));
        // The fused Conv2D forward: bias and activation in conv2d.wgsl's epilogue; gradients for all three inputs.
        for (UnaryOp activation : new UnaryOp[] {null, UnaryOp.RELU, UnaryOp.LEAKY_RELU, UnaryOp.SIGMOID,
            UnaryOp.TANH}) {
            cases.add(new ParityCase("conv2d + bias + " + (activation == null ? "linear" : activation)
                    + ", 3x3 same stride 2, 11 filters", random -> new Tensor[] {ParityCase.uniform(random, 2, 9, 8, 5),
                        ParityCase.uniform(random, 3, 3, 5, 11), ParityCase.uniform(random, 11)},
                    in -> Ops.conv2d(in[0], in[1], in[2], activation, 0.2f, 2, 2, "same"),
                    new boolean[] {true, true, true}, sums(2 * 5 * 5)));
        }
        cases.add(conv("conv2d batch 40, split kernel gradient", new int[] {40, 12, 12, 3}, new int[] {3, 3, 3, 16},
                1, 1, "same"));

        cases.add(depthwise("depthwise 3x3 same stride 1", new int[] {2, 9, 7, 5}, new int[] {3, 3, 5, 1}, 1, "same"));
        cases.add(depthwise("depthwise 3x3 valid stride 2, multiplier 3", new int[] {3, 11, 10, 6},
                new int[] {3, 3, 6, 3}, 2, "valid"));
        cases.add(depthwise("depthwise 5x5 same stride 2, multiplier 2", new int[] {1, 8, 9, 3},
                new int[] {5, 5, 3, 2}, 2, "same"));
        cases.add(depthwise("depthwise 1x1 valid stride 1, multiplier 2", new int[] {2, 5, 5, 7},
                new int[] {1, 1, 7, 2}, 1, "valid"));
        cases.add(depthwise("depthwise batch 8, split kernel gradient", new int[] {8, 10, 10, 4},
                new int[] {3, 3, 4, 2}, 1, "same"));
        // Multiplier 1 (SeparableConv2D's) has its own pipelines; channel counts not a multiple of 4 leave
        // a thread's channel block partly past the edge.
        cases.add(depthwise("depthwise multiplier 1, 5 channels, 3x3 stride 2 same", new int[] {2, 9, 8, 5},
                new int[] {3, 3, 5, 1}, 2, "same"));
        cases.add(depthwise("depthwise multiplier 1, 13 channels, 3x3 stride 2 valid", new int[] {2, 11, 9, 13},
                new int[] {3, 3, 13, 1}, 2, "valid"));
        cases.add(depthwise("depthwise multiplier 1, 13 channels, 5x5 same stride 1", new int[] {3, 7, 6, 13},
                new int[] {5, 5, 13, 1}, 1, "same"));
        cases.add(depthwise("depthwise multiplier 1, batch 16, split kernel gradient", new int[] {16, 12, 12, 5},
                new int[] {3, 3, 5, 1}, 1, "same"));

        cases.add(pool("max pool 2x2 stride 2 valid", true, new int[] {2, 9, 11, 5}, 2, 2, "valid", false));
        cases.add(pool("max pool 3x3 stride 2 same", true, new int[] {3, 10, 9, 6}, 3, 2, "same", false));
        cases.add(pool("max pool 3x3 stride 1 same, overlapping", true, new int[] {1, 7, 8, 3}, 3, 1, "same", false));
        cases.add(pool("max pool 2x2 stride 1 valid, ties", true, new int[] {2, 6, 7, 3}, 2, 1, "valid", true));
        cases.add(pool("max pool 3x3 stride 2 same, ties", true, new int[] {2, 9, 8, 5}, 3, 2, "same", true));
        // Windows that do not overlap (stride >= window) take pool_backward_cells.wgsl: padding, ties, gaps.
        cases.add(pool("max pool 2x2 stride 2 same, odd sizes, ties", true, new int[] {2, 7, 9, 3}, 2, 2, "same", true));
        cases.add(pool("max pool 3x3 stride 3 same", true, new int[] {1, 10, 8, 4}, 3, 3, "same", false));
        cases.add(pool("max pool 2x2 stride 3 valid, gaps between windows", true, new int[] {2, 11, 8, 3}, 2, 3,
                "valid", false));
        cases.add(pool("average pool 2x2 stride 2 same, odd sizes", false, new int[] {2, 7, 9, 3}, 2, 2, "same",
                false));
        cases.add(pool("average pool 2x2 stride 2 valid", false, new int[] {2, 9, 11, 5}, 2, 2, "valid", false));
        cases.add(pool("average pool 3x3 stride 2 same", false, new int[] {3, 10, 9, 6}, 3, 2, "same", false));
        cases.add(pool("average pool 5x5 stride 1 same", false, new int[] {1, 7, 8, 3}, 5, 1, "same", false));
    }

    /**
     * Returns the tolerance of an expression whose longest float sum has {@code terms} products of values in
     * [-1, 1]. Adding them in another order (GEMM tiles, split reductions) changes the result by a random walk
     * of roundings, about √terms·2⁻²⁴ times the partial sums' size, itself about √terms/3; so the error
     * relative to 1 + |sum| grows like √terms·2⁻²⁴·√terms/(1 + √terms/3) ≈ 3·2⁻²⁴·√terms ≈ 2e-7·√terms.
     * The tolerance allows a hundred times that.
     */
    private static float sums(int terms) {
        return Math.max(TIGHT, (float) Math.sqrt(terms) * 2e-5f);
    }

    private static ParityCase conv(String name, int[] x, int[] kernel, int strideHeight, int strideWidth,
            String padding) {
        ConvGeometry g = ConvGeometry.of(x[1], x[2], kernel[0], kernel[1], strideHeight, strideWidth, padding);
        int window = kernel[0] * kernel[1];
        int terms = Math.max(window * Math.max(kernel[2], kernel[3]), x[0] * g.outHeight * g.outWidth);
        return two(name, sums(terms), x, kernel, in -> Ops.conv2d(in[0], in[1], strideHeight, strideWidth, padding));
    }

    private static ParityCase depthwise(String name, int[] x, int[] kernel, int stride, String padding) {
        ConvGeometry g = ConvGeometry.of(x[1], x[2], kernel[0], kernel[1], stride, stride, padding);
        int terms = Math.max(kernel[0] * kernel[1] * kernel[3], x[0] * g.outHeight * g.outWidth);
        return two(name, sums(terms), x, kernel, in -> Ops.depthwiseConv2d(in[0], in[1], stride, stride, padding));
    }

    /** Pooling sums at most a window (average) or compares (max): no reordering, so tight. */
    private static ParityCase pool(String name, boolean max, int[] shape, int window, int stride, String padding,
            boolean ties) {
        ParityCase.Inputs inputs = ties
                // Values from {0, 1, 2}: most windows hold equal maxima, and the gradient must go to the first.
                ? random -> new Tensor[] {ParityCase.indices(random, 3, shape)}
                : random -> new Tensor[] {ParityCase.uniform(random, shape)};
        ParityCase.Expression pooling = max
                ? in -> Ops.maxPool2d(in[0], window, window, stride, stride, padding)
                : in -> Ops.averagePool2d(in[0], window, window, stride, stride, padding);
        return new ParityCase(name, inputs, pooling, new boolean[] {true}, TIGHT);
    }

    private static Tensor binary(BinaryOp op, Tensor a, Tensor b) {
        switch (op) {
            case ADD:
                return Ops.add(a, b);
            case SUBTRACT:
                return Ops.subtract(a, b);
            case MULTIPLY:
                return Ops.multiply(a, b);
            default:
                return Ops.divide(a, b);
        }
    }

    static ParityCase one(String name, float tolerance, int[] shape, ParityCase.Expression expression) {
        return new ParityCase(name, random -> new Tensor[] {ParityCase.uniform(random, shape)}, expression,
                new boolean[] {true}, tolerance);
    }

    static ParityCase two(String name, float tolerance, int[] first, int[] second, ParityCase.Expression expression) {
        return new ParityCase(name, random -> new Tensor[] {ParityCase.uniform(random, first),
                ParityCase.uniform(random, second)}, expression, new boolean[] {true, true}, tolerance);
    }
}
