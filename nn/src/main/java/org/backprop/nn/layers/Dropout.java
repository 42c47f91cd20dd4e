package org.backprop.nn.layers;

import org.backprop.nn.Tensor;
import org.backprop.nn.backend.Backends;
import org.backprop.nn.ops.Ops;
import org.backprop.nn.random.RandomSeed;

/**
 * Zeroes each input with probability {@code rate} in training and scales the rest by 1 / (1 − rate), as
 * Keras's {@code Dropout}; the identity in inference. The mask comes from the program's seeded generator: the
 * backend draws it (WebGPU on the GPU) with the values the generator would have drawn one by one.
 */
public final class Dropout extends Layer {
    private final float rate;

    public Dropout(double rate) {
        super("dropout");
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("rate must be in [0, 1), got " + rate);
        }
        this.rate = (float) rate;
    }

    @Override
    public String typeName() {
        return "Dropout";
    }

    /** Returns true: the layer works on each step alone, so its output keeps its input's mask. */
    @Override
    public boolean supportsMasking() {
        return true;
    }

    @Override
    public LayerConfig getConfig() {
        return super.getConfig().put("rate", rate);
    }

    @Override
    public boolean activeOnlyInTraining() {
        return true;
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        if (!training || rate == 0f) {
            return inputs;
        }
        long state = RandomSeed.generator().skip(inputs.size());
        return Ops.multiply(inputs, Backends.current().dropoutMask(state, inputs.shape(), rate));
    }
}
