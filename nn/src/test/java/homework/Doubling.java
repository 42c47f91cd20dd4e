package homework;

import org.backprop.nn.Tensor;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.ops.Ops;

/**
 * A layer as a student writes one, in a package of their own, for the test that saving refuses it: the grader
 * rebuilds saved models from nn's layers and never runs student code. It even claims to be a Dense.
 */
public final class Doubling extends Layer {

    public Doubling() {
        super("doubling");
    }

    @Override
    public String typeName() {
        return "Dense";
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        return Ops.scale(inputs, 2f);
    }
}
