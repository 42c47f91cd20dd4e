package org.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Function;
import org.backprop.nn.autograd.Gradients;
import org.backprop.nn.random.RandomGenerator;

/**
 * Central-difference gradient checks: perturb each input value by ±h, measure the change of a scalar
 * function in double precision, and compare with what autograd computes.
 */
public final class GradientChecks {
    private GradientChecks() {
    }

    /** Returns a tensor of {@code shape} with values uniform in [low, high), from a fixed seed. */
    public static Tensor random(long seed, float low, float high, int... shape) {
        RandomGenerator random = new RandomGenerator(seed);
        float[] values = new float[Shapes.size(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = low + (high - low) * random.nextFloat();
        }
        return Tensor.of(shape, values);
    }

    /**
     * Checks d f(inputs) / d inputs[i] for every input: {@code f} must return a scalar tensor. Fails naming
     * the input, the index, and both gradients.
     */
    public static void check(String what, Function<Tensor[], Tensor> f, Tensor... inputs) {
        Tensor[] leaves = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            leaves[i] = inputs[i].asVariable();
        }
        List<Tensor> analytic = Gradients.of(f.apply(leaves), List.of(leaves));
        double h = 1e-2;
        for (int i = 0; i < inputs.length; i++) {
            float[] base = inputs[i].toArray();
            for (int j = 0; j < base.length; j++) {
                double plus = valueWith(f, inputs, i, base, j, base[j] + h);
                double minus = valueWith(f, inputs, i, base, j, base[j] - h);
                double numeric = (plus - minus) / (2 * h);
                double got = analytic.get(i).get(j);
                double tolerance = 2e-2 * Math.max(1, Math.abs(numeric));
                int input = i;
                int index = j;
                assertEquals(numeric, got, tolerance, () -> what + ": d/d input " + input + " [" + index
                        + "]: central difference " + numeric + ", autograd " + got);
            }
        }
    }

    /**
     * Checks d loss / d w for every weight: {@code loss} recomputes a scalar from the weights' current values,
     * and each value is perturbed through {@link Variable#assign}.
     */
    public static void checkWeights(String what, java.util.function.Supplier<Tensor> loss, List<Variable> weights) {
        List<Tensor> leaves = new java.util.ArrayList<>();
        for (Variable weight : weights) {
            leaves.add(weight.value());
        }
        List<Tensor> analytic = Gradients.of(loss.get(), leaves);
        double h = 1e-2;
        for (int i = 0; i < weights.size(); i++) {
            Variable weight = weights.get(i);
            float[] base = weight.value().toArray();
            for (int j = 0; j < base.length; j++) {
                float[] changed = base.clone();
                changed[j] = (float) (base[j] + h);
                weight.assign(Tensor.of(weight.shape(), changed));
                double plus = loss.get().item();
                changed[j] = (float) (base[j] - h);
                weight.assign(Tensor.of(weight.shape(), changed));
                double minus = loss.get().item();
                weight.assign(Tensor.of(weight.shape(), base));
                double numeric = (plus - minus) / (2 * h);
                double got = analytic.get(i).get(j);
                int index = j;
                assertEquals(numeric, got, 2e-2 * Math.max(1, Math.abs(numeric)), () -> what + ": d/d "
                        + weight.name() + " [" + index + "]: central difference " + numeric + ", autograd " + got);
            }
        }
    }

    private static double valueWith(Function<Tensor[], Tensor> f, Tensor[] inputs, int which, float[] base,
            int index, double value) {
        float[] changed = base.clone();
        changed[index] = (float) value;
        Tensor[] arguments = inputs.clone();
        arguments[which] = Tensor.of(inputs[which].shape(), changed);
        return f.apply(arguments).item();
    }
}
