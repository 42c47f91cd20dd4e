package example.student;

import org.backprop.nn.Tensor;
import org.backprop.nn.layers.BatchNormalization;
import org.backprop.nn.layers.Layer;

/**
 * A student's layer that keeps a library layer in a plain field without tracking it ({@code track}): its weights
 * are listed nowhere, yet a training call moves its batch normalization's moving statistics.
 */
public final class UntrackedNorm extends Layer {
    final BatchNormalization norm = new BatchNormalization();

    public UntrackedNorm() {
        super("untracked_norm");
    }

    @Override
    public String typeName() {
        return "UntrackedNorm";
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        return norm.call(inputs, training);
    }
}
