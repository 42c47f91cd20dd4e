package example.student;

import org.backprop.nn.Tensor;
import org.backprop.nn.backend.Backends;
import org.backprop.nn.layers.Layer;

/**
 * What a student might write and call "augmentation": it mirrors every image, in training and in inference alike,
 * and claims Keras's "RandomFlip" as its type. Outside {@code org.backprop.nn}, as every student class is.
 */
public final class FlipAlways extends Layer {
    public FlipAlways() {
        super("flip_always");
    }

    @Override
    public String typeName() {
        return "RandomFlip";
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        double[] transforms = new double[inputs.dim(0) * 6];
        for (int n = 0; n < inputs.dim(0); n++) {
            System.arraycopy(new double[] {-1, 0, 0, 0, 1, 0}, 0, transforms, n * 6, 6);
        }
        return Backends.current().transformImages(inputs, transforms);
    }
}
