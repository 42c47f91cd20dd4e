package model;

import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.layers.Activation;
import org.backprop.nn.layers.Add;
import org.backprop.nn.layers.BatchNormalization;
import org.backprop.nn.layers.Conv2D;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Dropout;
import org.backprop.nn.layers.Flatten;
import org.backprop.nn.layers.MaxPooling2D;
import org.backprop.nn.layers.SeparableConv2D;
import org.backprop.nn.layers.preprocessing.RandomRotation;
import org.backprop.nn.layers.preprocessing.RandomZoom;
import org.backprop.nn.layers.preprocessing.Rescaling;
import org.backprop.nn.models.Model;

/**
 * A small "mini Xception" (book section 9.3): augmentation, rescaling, then blocks of
 * [BatchNormalization, ReLU, SeparableConv2D] x 2 with max pooling and a 1x1 strided residual, then flatten,
 * dropout and a softmax. Each component can be switched off for the ablation study.
 * Change the filters and blocks as your datasets need; keep the switches working.
 *
 * <p>Sized for small images such as the demo's 28x28: two blocks leave a 7x7 map, and flattening it keeps where each
 * stroke is. The book's GlobalAveragePooling2D would average that away; after only two blocks the network then learns
 * slowly (on 2,400 MNIST images for 6 epochs it reached 0.61-0.71 against 0.91-0.92 with this head on 600 images for
 * 5). For large photos, add blocks and pool globally as the book does.
 *
 * <p>Augmentation rotates and zooms a little. A horizontal flip, the book's first choice for photos of cats and
 * dogs, would turn digits into other symbols; add {@code RandomFlip("horizontal")} where a mirrored image is still
 * of its class.
 *
 * <p>BatchNormalization's momentum is 0.9 rather than Keras's 0.99 so that its moving statistics, which
 * inference (and so validation) uses, settle within the starter's few hundred steps; with 0.99 they would still
 * be near their starting values and validation accuracy would stay at chance.
 */
public final class ConvNet {
    private ConvNet() {
    }

    /** Returns the network for images of height x width x channels and {@code classes} classes. */
    public static Model build(int height, int width, int channels, int classes, Components use) {
        Input inputs = Input.shape(height, width, channels);
        KerasTensor x = inputs;
        if (use.augmentation) {
            x = new RandomRotation(0.05).apply(x);
            x = new RandomZoom(0.1).apply(x);
        }
        x = new Rescaling(1.0 / 255).apply(x);
        x = new Conv2D(16, 3).padding("same").useBias(false).apply(x);
        for (int filters : new int[] {16, 32}) {
            KerasTensor residual = x;
            x = block(x, filters, use);
            x = block(x, filters, use);
            x = new MaxPooling2D(3).strides(2).padding("same").apply(x);
            if (use.residual) {
                residual = new Conv2D(filters, 1).strides(2).padding("same").useBias(false).apply(residual);
                x = new Add().apply(x, residual);
            }
        }
        x = new Flatten().apply(x);
        x = new Dropout(0.2).apply(x);
        KerasTensor outputs = new Dense(classes, "softmax").apply(x);
        return new Model(inputs, outputs);
    }

    private static KerasTensor block(KerasTensor x, int filters, Components use) {
        if (use.batchNormalization) {
            x = new BatchNormalization().momentum(0.9).apply(x);
        }
        x = new Activation("relu").apply(x);
        if (use.separableConv) {
            return new SeparableConv2D(filters, 3).padding("same").useBias(false).apply(x);
        }
        return new Conv2D(filters, 3).padding("same").useBias(false).apply(x);
    }
}
