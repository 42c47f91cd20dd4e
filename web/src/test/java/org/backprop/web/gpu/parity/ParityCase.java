package org.backprop.web.gpu.parity;

import org.backprop.nn.Tensor;
import org.backprop.nn.random.RandomGenerator;

/**
 * One op-by-op parity check: inputs made from a seeded generator, an expression over them, and the tolerance
 * that the WebGPU backend's forward values and input gradients must meet against the CPU backend's, measured
 * as {@code max |gpu − cpu| / (1 + |cpu|)}.
 */
final class ParityCase {
    /** Makes a case's inputs. */
    interface Inputs {
        Tensor[] make(RandomGenerator random);
    }

    /** The expression under test. */
    interface Expression {
        Tensor apply(Tensor[] inputs);
    }

    final String name;
    final Inputs inputs;
    final Expression expression;
    /** Which inputs gradients are checked for (indices, say, have none). */
    final boolean[] differentiable;
    final float tolerance;

    ParityCase(String name, Inputs inputs, Expression expression, boolean[] differentiable, float tolerance) {
        this.name = name;
        this.inputs = inputs;
        this.expression = expression;
        this.differentiable = differentiable;
        this.tolerance = tolerance;
    }

    /** Returns uniform values in [-1, 1) of the given shape. */
    static Tensor uniform(RandomGenerator random, int... shape) {
        float[] values = new float[org.backprop.nn.Shapes.size(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat() * 2 - 1;
        }
        return Tensor.of(shape, values);
    }

    /** Returns uniform values in [0.1, 2.1), for ops defined on positive numbers. */
    static Tensor positive(RandomGenerator random, int... shape) {
        float[] values = new float[org.backprop.nn.Shapes.size(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = 0.1f + random.nextFloat() * 2;
        }
        return Tensor.of(shape, values);
    }

    /** Returns whole numbers in [0, bound) as floats, for indices. */
    static Tensor indices(RandomGenerator random, int bound, int... shape) {
        float[] values = new float[org.backprop.nn.Shapes.size(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(bound);
        }
        return Tensor.of(shape, values);
    }
}
