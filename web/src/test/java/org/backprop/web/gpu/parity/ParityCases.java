package org.backprop.web.gpu.parity;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.Tensor;
import org.backprop.nn.backend.ConvGeometry;
import org.backprop.nn.ops.Ops;

/**
 * The op-by-op parity cases: every primitive of {@code nn}, forward and (through autograd) backward, on
 * shapes that exercise tiling edges, broadcasting and the ops' options.
 */
final class ParityCases {
    private static final float TIGHT = 1e-4f;
    /** Long sums (matrix products, convolutions) may round differently in another order. */
    private static final float SUMS = 1e-3f;

    private ParityCases() {
    }

    static List<ParityCase> all() {
        List<ParityCase> cases = new ArrayList<>();
        elementwise(cases);
        products(cases);
        convolutions(cases);
        return cases;
    }

    private static void elementwise(List<ParityCase> cases) {
        cases.add(two("add same shape", TIGHT, new int[] {5, 7}, new int[] {5, 7}, in -> Ops.add(in[0], in[1])));
        cases.add(two("add bias row", TIGHT, new int[] {33, 17}, new int[] {17}, in -> Ops.add(in[0], in[1])));
        cases.add(two("subtract broadcast both", TIGHT, new int[] {4, 1, 6}, new int[] {3, 1},
                in -> Ops.subtract(in[0], in[1])));
        cases.add(two("multiply by scalar", TIGHT, new int[] {2, 3, 4}, new int[] {}, in -> Ops.multiply(in[0], in[1])));
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
    }

    private static void convolutions(List<ParityCase> cases) {
        // [n, h, w, c] inputs with odd sizes and channel counts that are not multiples of 4; filter counts
        // around the 32-wide GEMM tiles.
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

        cases.add(pool("max pool 2x2 stride 2 valid", true, new int[] {2, 9, 11, 5}, 2, 2, "valid", false));
        cases.add(pool("max pool 3x3 stride 2 same", true, new int[] {3, 10, 9, 6}, 3, 2, "same", false));
        cases.add(pool("max pool 3x3 stride 1 same, overlapping", true, new int[] {1, 7, 8, 3}, 3, 1, "same", false));
        cases.add(pool("max pool 2x2 stride 1 valid, ties", true, new int[] {2, 6, 7, 3}, 2, 1, "valid", true));
        cases.add(pool("max pool 3x3 stride 2 same, ties", true, new int[] {2, 9, 8, 5}, 3, 2, "same", true));
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

    static ParityCase one(String name, float tolerance, int[] shape, ParityCase.Expression expression) {
        return new ParityCase(name, random -> new Tensor[] {ParityCase.uniform(random, shape)}, expression,
                new boolean[] {true}, tolerance);
    }

    static ParityCase two(String name, float tolerance, int[] first, int[] second, ParityCase.Expression expression) {
        return new ParityCase(name, random -> new Tensor[] {ParityCase.uniform(random, first),
                ParityCase.uniform(random, second)}, expression, new boolean[] {true, true}, tolerance);
    }
}
