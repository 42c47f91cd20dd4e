package org.backprop.nn.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.backprop.nn.Tensor;
import org.backprop.nn.internal.TensorInternals;
import org.junit.jupiter.api.Test;

/**
 * {@link Gradients#of} differentiates only the part of the graph between the loss and the tensors asked for, as
 * Keras's tape watches only the trainable weights: under a frozen convolutional base (Deep Learning with Python,
 * listing 8.24) nothing goes back through the base.
 */
class GradientsPruningTest {
    @Test
    void aBranchThatLeadsToNoTensorAskedForIsNotDifferentiated() {
        Tensor frozen = Tensor.of(new float[] {1, 2, 3}).asVariable();
        Tensor trained = Tensor.of(new float[] {4, 5, 6}).asVariable();
        int[] backwardCalls = {0};
        Tensor doubled = doubling(frozen, backwardCalls);
        Tensor loss = doubled.mul(trained).sum();

        List<Tensor> grads = Gradients.of(loss, List.of(trained));
        assertEquals(0, backwardCalls[0], "the frozen branch was differentiated");
        assertArrayEquals(new float[] {2, 4, 6}, grads.get(0).toArray());

        grads = Gradients.of(loss, List.of(frozen, trained));
        assertEquals(1, backwardCalls[0]);
        assertArrayEquals(new float[] {8, 10, 12}, grads.get(0).toArray());
        assertArrayEquals(new float[] {2, 4, 6}, grads.get(1).toArray());
    }

    @Test
    void gradientsThroughAnIntermediateTensorAreUnchanged() {
        Tensor w = Tensor.of(new float[] {1, -2, 3}).asVariable();
        Tensor v = Tensor.of(new float[] {0.5f, 0.5f, 2}).asVariable();
        int[] backwardCalls = {0};
        // loss = sum((2w * v)^2) + sum(v): d/dw = 8 w v^2, d/dv = 8 w^2 v + 1
        Tensor hidden = doubling(w, backwardCalls).mul(v);
        Tensor loss = hidden.square().sum().add(v.sum());

        List<Tensor> grads = Gradients.of(loss, List.of(w, v));
        assertEquals(1, backwardCalls[0]);
        assertArrayEquals(new float[] {2, -4, 96}, grads.get(0).toArray(), 1e-5f);
        assertArrayEquals(new float[] {5, 17, 145}, grads.get(1).toArray(), 1e-5f);
        assertArrayEquals(new float[] {5, 17, 145}, Gradients.of(loss, List.of(v)).get(0).toArray(), 1e-5f);
        assertEquals(1, backwardCalls[0], "only v was asked for: w's doubling was not differentiated");
    }

    /** Returns {@code 2 * x}, recorded with an op that counts its backward calls. */
    private static Tensor doubling(Tensor x, int[] backwardCalls) {
        Function op = new Function(x) {
            @Override
            public Tensor[] backward(Tensor outputGradient) {
                backwardCalls[0]++;
                return new Tensor[] {outputGradient.mul(2f)};
            }

            @Override
            public String name() {
                return "doubling";
            }
        };
        return TensorInternals.derived(x.detach().mul(2f), op);
    }
}
