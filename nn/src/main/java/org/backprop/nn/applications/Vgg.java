package org.backprop.nn.applications;

import static org.backprop.nn.applications.ApplicationBuilder.named;

import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.layers.Conv2D;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Flatten;
import org.backprop.nn.layers.MaxPooling2D;
import org.backprop.nn.models.Model;

/**
 * The VGG family as Keras builds it (VGG16 and VGG19 differ only in how many convolutions each block has): five
 * blocks of 3×3 {@code relu} convolutions with {@code same} padding and 64, 128, 256, 512 and 512 filters, each
 * closed by a 2×2 max pooling; with the top, {@code flatten}, {@code fc1}, {@code fc2} and {@code predictions}.
 */
final class Vgg {
    /** Keras refuses inputs smaller than this on either side: five poolings leave 1×1. */
    static final int MIN_SIDE = 32;
    static final int DEFAULT_SIDE = 224;
    private static final int[] FILTERS = {64, 128, 256, 512, 512};

    private Vgg() {
    }

    /** Returns the VGG named {@code name} with {@code convolutions[b]} convolutions in block {@code b + 1}. */
    static Model build(String name, int[] convolutions, ApplicationBuilder<?> settings) {
        Input inputs = Input.shape(settings.inputShape());
        KerasTensor x = inputs;
        for (int block = 0; block < FILTERS.length; block++) {
            String prefix = "block" + (block + 1) + "_";
            for (int conv = 1; conv <= convolutions[block]; conv++) {
                x = named(new Conv2D(FILTERS[block], 3, "relu").padding("same"), prefix + "conv" + conv).apply(x);
            }
            x = named(new MaxPooling2D(2).strides(2), prefix + "pool").apply(x);
        }
        if (settings.includeTop()) {
            x = named(new Flatten(), "flatten").apply(x);
            x = named(new Dense(4096, "relu"), "fc1").apply(x);
            x = named(new Dense(4096, "relu"), "fc2").apply(x);
            x = named(new Dense(settings.classes(), settings.classifierActivation()), "predictions").apply(x);
        } else {
            x = settings.pooled(x);
        }
        return new Model(inputs, x, name);
    }
}
