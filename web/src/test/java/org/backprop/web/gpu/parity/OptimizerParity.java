package org.backprop.web.gpu.parity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.backend.Backend;
import org.backprop.nn.internal.BackendInternals;
import org.backprop.nn.ops.Ops;
import org.backprop.nn.optim.Adam;
import org.backprop.nn.optim.AdamW;
import org.backprop.nn.optim.Optimizer;
import org.backprop.nn.optim.RMSprop;
import org.backprop.nn.optim.SGD;
import org.backprop.nn.random.RandomGenerator;
import org.backprop.web.gpu.GpuStats;
import org.backprop.web.gpu.WebGpuBackend;

/**
 * Parity of the optimizers' fused update (one dispatch over a parameter arena on WebGPU) with the CPU backend:
 * each optimizer moves six weights of different sizes, none a whole number of 256-byte segments but one, for
 * four steps, with gradients computed on the backend from the current weights. After step 1 a weight's value
 * is kept (as EarlyStopping keeps snapshots) and read at the end; after step 2 another weight is replaced by
 * a host tensor, so step 3 gathers the arena again and step 4 is back in the steady state.
 *
 * <p>On WebGPU every update must be one dispatch, and the steady-state steps (2 and 4) must copy only the
 * gradients into the arena: the weights and slots are read in place.
 */
final class OptimizerParity {
    /** The kernels are the per-weight ones, unchanged: only float rounding of sqrt and division may differ. */
    static final float TOLERANCE = 1e-5f;
    private static final int[][] SHAPES = {{7}, {3, 5}, {130}, {65, 3}, {1}, {8, 8}};
    private static final int STEPS = 4;
    private static final int SNAPSHOT = 2;
    private static final int REPLACED = 1;

    private OptimizerParity() {
    }

    static List<String> names() {
        return Arrays.asList("sgd", "sgd momentum", "sgd nesterov", "rmsprop", "adam", "adamw");
    }

    private static Optimizer optimizer(String name) {
        switch (name) {
            case "sgd":
                return new SGD(0.1);
            case "sgd momentum":
                return new SGD(0.05, 0.9, false);
            case "sgd nesterov":
                return new SGD(0.05, 0.9, true);
            case "rmsprop":
                return new RMSprop(0.01, 0.9, 1e-7);
            case "adam":
                return new Adam(0.01);
            case "adamw":
                return new AdamW(0.01, 0.05);
            default:
                throw new IllegalArgumentException("unknown optimizer " + name);
        }
    }

    /** Runs optimizer {@code name} on both backends and returns the case's JSON line. */
    static String run(String name, int index, Backend cpu, WebGpuBackend gpu) {
        Result onCpu = train(name, index, cpu, null);
        Result onGpu = train(name, index, gpu, gpu::stats);
        float weights = 0;
        for (int j = 0; j < SHAPES.length; j++) {
            weights = Math.max(weights, ParityProgram.difference(onCpu.weights.get(j), onGpu.weights.get(j)));
        }
        float snapshot = ParityProgram.difference(onCpu.snapshot, onGpu.snapshot);
        boolean oneDispatch = true;
        for (int dispatches : onGpu.dispatches) {
            oneDispatch &= dispatches == 1;
        }
        boolean inPlace = onGpu.copies[1] == SHAPES.length && onGpu.copies[3] == SHAPES.length;
        boolean ok = weights <= TOLERANCE && snapshot <= TOLERANCE && oneDispatch && inPlace;
        return "{\"case\": \"optimizer " + name + ", 6 weights, 4 steps\", \"weights\": " + weights
                + ", \"snapshot\": " + snapshot + ", \"tolerance\": " + TOLERANCE + ", \"dispatchesPerUpdate\": "
                + Arrays.toString(onGpu.dispatches) + ", \"copiesPerUpdate\": " + Arrays.toString(onGpu.copies)
                + ", \"ok\": " + ok + "}";
    }

    /** The final weights and the snapshot, on the host; on WebGPU the dispatches and copies of each update. */
    private static final class Result {
        final List<float[]> weights = new ArrayList<>();
        float[] snapshot;
        final int[] dispatches = new int[STEPS];
        final int[] copies = new int[STEPS];
    }

    private static Result train(String name, int index, Backend backend, Supplier<GpuStats> stats) {
        BackendInternals.use(backend);
        RandomGenerator random = new RandomGenerator(2000 + index);
        List<Variable> weights = new ArrayList<>();
        for (int j = 0; j < SHAPES.length; j++) {
            weights.add(new Variable("w" + j, ParityCase.uniform(random, SHAPES[j]), true));
        }
        Optimizer optimizer = optimizer(name);
        Result result = new Result();
        Tensor snapshot = null;
        for (int step = 0; step < STEPS; step++) {
            backend.beginStep();
            try {
                List<Tensor> gradients = new ArrayList<>();
                for (int j = 0; j < SHAPES.length; j++) {
                    // Computed by the backend's kernels from the current weights, which on WebGPU are arena views.
                    gradients.add(Ops.add(Ops.multiply(weights.get(j).value(), ParityCase.uniform(random, SHAPES[j])),
                            ParityCase.uniform(random, SHAPES[j])));
                }
                GpuStats before = stats == null ? null : stats.get();
                optimizer.apply(weights, gradients);
                if (stats != null) {
                    GpuStats after = stats.get();
                    result.dispatches[step] = after.dispatches() - before.dispatches();
                    result.copies[step] = after.copies() - before.copies();
                }
            } finally {
                backend.endStep();
            }
            if (step == 0) {
                snapshot = weights.get(SNAPSHOT).value();
                backend.retain(snapshot);
            }
            if (step == 1) {
                weights.get(REPLACED).assign(ParityCase.uniform(random, SHAPES[REPLACED]));
            }
        }
        for (Variable weight : weights) {
            result.weights.add(weight.value().toArray());
        }
        result.snapshot = snapshot.toArray();
        backend.release(snapshot);
        return result;
    }
}
