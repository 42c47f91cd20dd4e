package org.backprop.web.gpu.parity;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.Tensor;
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

    static ParityCase one(String name, float tolerance, int[] shape, ParityCase.Expression expression) {
        return new ParityCase(name, random -> new Tensor[] {ParityCase.uniform(random, shape)}, expression,
                new boolean[] {true}, tolerance);
    }

    static ParityCase two(String name, float tolerance, int[] first, int[] second, ParityCase.Expression expression) {
        return new ParityCase(name, random -> new Tensor[] {ParityCase.uniform(random, first),
                ParityCase.uniform(random, second)}, expression, new boolean[] {true, true}, tolerance);
    }
}
