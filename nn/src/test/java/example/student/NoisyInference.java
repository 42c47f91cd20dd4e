package example.student;

import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;
import org.backprop.nn.random.RandomSeed;
import org.backprop.nn.layers.Layer;

/** A student's layer that adds noise in inference too, and names itself "BatchNormalization". */
public final class NoisyInference extends Layer {
    public NoisyInference() {
        super("noisy");
    }

    @Override
    public String typeName() {
        return "BatchNormalization";
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        return Ops.add(inputs, Tensor.scalar(RandomSeed.generator().nextFloat()));
    }
}
