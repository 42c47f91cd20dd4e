package org.backprop.nn.applications;

import static org.backprop.nn.applications.ApplicationBuilder.named;

import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Tensor;
import org.backprop.nn.layers.Activation;
import org.backprop.nn.layers.AveragePooling2D;
import org.backprop.nn.layers.BatchNormalization;
import org.backprop.nn.layers.Concatenate;
import org.backprop.nn.layers.Conv2D;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.GlobalAveragePooling2D;
import org.backprop.nn.layers.MaxPooling2D;
import org.backprop.nn.models.Model;

/**
 * Inception V3 (Szegedy et al., 2015) as Keras's {@code keras.applications.InceptionV3} builds it, layer for layer:
 * a stem of five convolutions and two 3×3 max poolings, then the inception blocks {@code mixed0} … {@code mixed10}
 * (each a {@link Concatenate} of parallel branches on the channel axis; {@code mixed9_0}, {@code mixed9_1} and two
 * unnamed ones join the last blocks' split 1×3 and 3×1 branches). Every convolution is Keras's {@code conv2d_bn}: a
 * Conv2D without bias, a BatchNormalization without scale and a relu {@link Activation}, named as Keras names them
 * in a fresh session ({@code conv2d}, {@code conv2d_1}, …, {@code batch_normalization}, …, {@code activation}, …).
 * With the top, {@code avg_pool} (global average pooling) and {@code predictions}. The model is named {@code
 * inception_v3}.
 *
 * <p>Inputs {@code [batch, height, width, 3]} scaled to −1…1 ({@link #preprocessInput}), each side at least 75;
 * outputs {@code [batch, classes]} with the top, {@code [batch, h', w', 2048]} without it (8×8 at 299×299), {@code
 * [batch, 2048]} with {@code pooling}. With the top and 299×299×3 inputs it has 23,851,784 parameters, without the
 * top 21,802,784, as Keras's. Weights start freshly initialised: pretrained ones come from a course's published
 * model.
 *
 * <p>DeepDream (Deep Learning with Python, 12.2) reads the activations of {@code mixed4} … {@code mixed7}:
 * <pre>
 * Model model = InceptionV3.builder().includeTop(false).inputShape(75, 75, 3).build();
 * Layer mixed4 = model.getLayer("mixed4");
 * </pre>
 */
public final class InceptionV3 {
    private static final int DEFAULT_SIDE = 299;
    /** Keras refuses smaller inputs: the stem and the two grid reductions would leave no pixels. */
    private static final int MIN_SIDE = 75;
    /** Keras's {@code channel_axis} (and {@code bn_axis}) for channels-last images, as its saved configs carry it. */
    private static final int CHANNEL_AXIS = 3;

    private InceptionV3() {
    }

    /** Returns a builder with Keras's defaults: the top, 299×299×3 inputs, 1000 classes, softmax, no pooling. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns InceptionV3 with Keras's defaults (see {@link #builder()}). */
    public static Model build() {
        return builder().build();
    }

    /**
     * Returns {@code images} ({@code [..., 3]}, RGB, values 0 to 255) as InceptionV3 expects them, as Keras's {@code
     * keras.applications.inception_v3.preprocess_input} ({@code "tf"} mode): {@code x / 127.5 − 1}, values from −1
     * to 1. Returns a new tensor of the same shape.
     */
    public static Tensor preprocessInput(Tensor images) {
        return ImageNetPreprocessing.tf(images);
    }

    /** Keras's {@code InceptionV3(...)} arguments (see {@link ApplicationBuilder}); inputs at least 75×75. */
    public static final class Builder extends ApplicationBuilder<Builder> {
        private Builder() {
            super(DEFAULT_SIDE, MIN_SIDE);
        }

        @Override
        Builder self() {
            return this;
        }

        /** Returns the model, built, named {@code inception_v3}. */
        @Override
        public Model build() {
            Input inputs = Input.shape(inputShape());
            KerasTensor x = stem(inputs);
            for (int block = 0; block < 3; block++) {
                x = blockA(x, block == 0 ? 32 : 64, "mixed" + block);
            }
            x = reductionA(x);
            x = blockC(x, 128, "mixed4");
            for (int block = 5; block <= 6; block++) {
                x = blockC(x, 160, "mixed" + block);
            }
            x = blockC(x, 192, "mixed7");
            x = reductionB(x);
            for (int block = 9; block <= 10; block++) {
                x = blockE(x, block);
            }
            if (includeTop()) {
                x = named(new GlobalAveragePooling2D(), "avg_pool").apply(x);
                x = named(new Dense(classes(), classifierActivation()), "predictions").apply(x);
            } else {
                x = pooled(x);
            }
            return new Model(inputs, x, "inception_v3");
        }
    }

    /** 299×299×3 → 35×35×192. */
    private static KerasTensor stem(KerasTensor inputs) {
        KerasTensor x = convBn(inputs, 32, 3, 3, 2, "valid");
        x = convBn(x, 32, 3, 3, 1, "valid");
        x = convBn(x, 64, 3, 3);
        x = maxPool(x);
        x = convBn(x, 80, 1, 1, 1, "valid");
        x = convBn(x, 192, 3, 3, 1, "valid");
        return maxPool(x);
    }

    /** {@code mixed0} … {@code mixed2}, 35×35: 1×1, 5×5, double 3×3 and pooled branches. */
    private static KerasTensor blockA(KerasTensor x, int poolFilters, String name) {
        KerasTensor branch1x1 = convBn(x, 64, 1, 1);
        KerasTensor branch5x5 = convBn(convBn(x, 48, 1, 1), 64, 5, 5);
        KerasTensor branch3x3dbl = convBn(convBn(convBn(x, 64, 1, 1), 96, 3, 3), 96, 3, 3);
        KerasTensor branchPool = convBn(averagePool(x), poolFilters, 1, 1);
        return concatenate(name, branch1x1, branch5x5, branch3x3dbl, branchPool);
    }

    /** {@code mixed3}: 35×35 → 17×17×768. */
    private static KerasTensor reductionA(KerasTensor x) {
        KerasTensor branch3x3 = convBn(x, 384, 3, 3, 2, "valid");
        KerasTensor branch3x3dbl = convBn(convBn(convBn(x, 64, 1, 1), 96, 3, 3), 96, 3, 3, 2, "valid");
        KerasTensor branchPool = maxPool(x);
        return concatenate("mixed3", branch3x3, branch3x3dbl, branchPool);
    }

    /** {@code mixed4} … {@code mixed7}, 17×17: factorised 7×7 branches of {@code filters} channels inside. */
    private static KerasTensor blockC(KerasTensor x, int filters, String name) {
        KerasTensor branch1x1 = convBn(x, 192, 1, 1);
        KerasTensor branch7x7 = convBn(x, filters, 1, 1);
        branch7x7 = convBn(branch7x7, filters, 1, 7);
        branch7x7 = convBn(branch7x7, 192, 7, 1);
        KerasTensor branch7x7dbl = convBn(x, filters, 1, 1);
        branch7x7dbl = convBn(branch7x7dbl, filters, 7, 1);
        branch7x7dbl = convBn(branch7x7dbl, filters, 1, 7);
        branch7x7dbl = convBn(branch7x7dbl, filters, 7, 1);
        branch7x7dbl = convBn(branch7x7dbl, 192, 1, 7);
        KerasTensor branchPool = convBn(averagePool(x), 192, 1, 1);
        return concatenate(name, branch1x1, branch7x7, branch7x7dbl, branchPool);
    }

    /** {@code mixed8}: 17×17 → 8×8×1280. */
    private static KerasTensor reductionB(KerasTensor x) {
        KerasTensor branch3x3 = convBn(convBn(x, 192, 1, 1), 320, 3, 3, 2, "valid");
        KerasTensor branch7x7x3 = convBn(x, 192, 1, 1);
        branch7x7x3 = convBn(branch7x7x3, 192, 1, 7);
        branch7x7x3 = convBn(branch7x7x3, 192, 7, 1);
        branch7x7x3 = convBn(branch7x7x3, 192, 3, 3, 2, "valid");
        KerasTensor branchPool = maxPool(x);
        return concatenate("mixed8", branch3x3, branch7x7x3, branchPool);
    }

    /** {@code mixed9} and {@code mixed10}, 8×8×2048: the 3×3 branches split into 1×3 and 3×1 halves. */
    private static KerasTensor blockE(KerasTensor x, int index) {
        KerasTensor branch1x1 = convBn(x, 320, 1, 1);
        KerasTensor branch3x3 = convBn(x, 384, 1, 1);
        branch3x3 = concatenate("mixed9_" + (index - 9), convBn(branch3x3, 384, 1, 3), convBn(branch3x3, 384, 3, 1));
        KerasTensor branch3x3dbl = convBn(convBn(x, 448, 1, 1), 384, 3, 3);
        // Keras leaves this concatenation unnamed: it takes the next automatic name.
        branch3x3dbl = new Concatenate(CHANNEL_AXIS).apply(convBn(branch3x3dbl, 384, 1, 3),
                convBn(branch3x3dbl, 384, 3, 1));
        KerasTensor branchPool = convBn(averagePool(x), 192, 1, 1);
        return concatenate("mixed" + index, branch1x1, branch3x3, branch3x3dbl, branchPool);
    }

    /** Keras's {@code conv2d_bn} with {@code same} padding and stride 1. */
    private static KerasTensor convBn(KerasTensor x, int filters, int rows, int columns) {
        return convBn(x, filters, rows, columns, 1, "same");
    }

    /** Keras's {@code conv2d_bn}: Conv2D without bias, BatchNormalization without scale, relu. */
    private static KerasTensor convBn(KerasTensor x, int filters, int rows, int columns, int strides,
            String padding) {
        KerasTensor y = new Conv2D(filters, rows, columns).strides(strides).padding(padding).useBias(false).apply(x);
        y = new BatchNormalization().axis(CHANNEL_AXIS).scale(false).apply(y);
        return new Activation("relu").apply(y);
    }

    private static KerasTensor maxPool(KerasTensor x) {
        return new MaxPooling2D(3).strides(2).apply(x);
    }

    private static KerasTensor averagePool(KerasTensor x) {
        return new AveragePooling2D(3).strides(1).padding("same").apply(x);
    }

    private static KerasTensor concatenate(String name, KerasTensor... branches) {
        return named(new Concatenate(CHANNEL_AXIS), name).apply(branches);
    }
}
