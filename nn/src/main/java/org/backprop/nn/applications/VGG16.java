package org.backprop.nn.applications;

import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Tensor;
import org.backprop.nn.layers.Conv2D;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Flatten;
import org.backprop.nn.layers.GlobalAveragePooling2D;
import org.backprop.nn.layers.GlobalMaxPooling2D;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.layers.MaxPooling2D;
import org.backprop.nn.models.Model;

/**
 * VGG16 (Simonyan and Zisserman, 2014) as Keras's {@code keras.applications.VGG16} builds it, layer for layer and
 * name for name: five blocks of 3×3 {@code relu} convolutions with {@code same} padding ({@code block1_conv1} …
 * {@code block5_conv3}: 64, 128, 256, 512 and 512 filters; two convolutions in the first two blocks, three in the
 * others), each closed by a 2×2 max pooling ({@code block1_pool} … {@code block5_pool}); with the top, {@code
 * flatten}, {@code fc1} and {@code fc2} (4096 {@code relu} units each) and {@code predictions}. The model is named
 * {@code vgg16} and its input {@code input_layer}, so the names match a Keras 3 {@code .keras} file of VGG16.
 *
 * <p>Inputs {@code [batch, height, width, 3]} in BGR with the ImageNet means subtracted ({@link #preprocessInput});
 * outputs {@code [batch, classes]} with the top, {@code [batch, h/32, w/32, 512]} without it, {@code [batch, 512]}
 * with {@code pooling} {@code "avg"} or {@code "max"}. With the top and 224×224×3 inputs it has 138,357,544
 * parameters, without the top 14,714,688, as Keras's. Weights start freshly initialised: pretrained ones come from
 * a course's published model.
 *
 * <pre>
 * Model convBase = VGG16.builder().includeTop(false).inputShape(180, 180, 3).build();
 * convBase.setTrainable(false);
 * </pre>
 */
public final class VGG16 {
    /** The ImageNet channel means, in BGR order, that Keras's {@code "caffe"} preprocessing subtracts. */
    private static final float[] BGR_MEANS = {103.939f, 116.779f, 123.68f};
    /** Keras refuses inputs smaller than this on either side: five poolings leave 1×1. */
    private static final int MIN_SIDE = 32;
    private static final int[][] BLOCKS = {{64, 2}, {128, 2}, {256, 3}, {512, 3}, {512, 3}};

    private VGG16() {
    }

    /** Returns a builder with Keras's defaults: the top, 224×224×3 inputs, 1000 classes, softmax, no pooling. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns VGG16 with Keras's defaults (see {@link #builder()}). */
    public static Model build() {
        return builder().build();
    }

    /**
     * Returns {@code images} ({@code [..., 3]}, RGB, values 0 to 255) as VGG16 expects them, as Keras's {@code
     * keras.applications.vgg16.preprocess_input} ({@code "caffe"} mode): channels reversed to BGR and the ImageNet
     * mean of each subtracted, without scaling. Returns a new tensor of the same shape.
     */
    public static Tensor preprocessInput(Tensor images) {
        if (images == null) {
            throw new IllegalArgumentException("images must not be null");
        }
        int[] shape = images.shape();
        if (shape.length == 0 || shape[shape.length - 1] != 3) {
            throw new IllegalArgumentException("images must have 3 channels (RGB) on the last axis, got shape "
                    + Tensor.describe(shape));
        }
        float[] rgb = images.toArray();
        float[] bgr = new float[rgb.length];
        for (int pixel = 0; pixel < rgb.length; pixel += 3) {
            for (int channel = 0; channel < 3; channel++) {
                // Float arithmetic, as Keras subtracts the means from a float32 array.
                bgr[pixel + channel] = rgb[pixel + 2 - channel] - BGR_MEANS[channel];
            }
        }
        return Tensor.of(shape, bgr);
    }

    /** Keras's {@code VGG16(...)} arguments; {@code weights} has no counterpart (see the class comment). */
    public static final class Builder {
        private boolean includeTop = true;
        private int[] inputShape = {224, 224, 3};
        private int classes = 1000;
        private String classifierActivation = "softmax";
        private String pooling;

        private Builder() {
        }

        /** Whether to add {@code flatten}, {@code fc1}, {@code fc2} and {@code predictions}; default true. */
        public Builder includeTop(boolean value) {
            this.includeTop = value;
            return this;
        }

        /** The input shape without batch, {@code height, width, channels}, each side at least 32; default 224×224×3. */
        public Builder inputShape(int... shape) {
            if (shape == null || shape.length != 3) {
                throw new IllegalArgumentException("inputShape must be (height, width, channels), got "
                        + (shape == null ? "null" : Tensor.describe(shape)));
            }
            if (shape[0] < MIN_SIDE || shape[1] < MIN_SIDE || shape[2] < 1) {
                throw new IllegalArgumentException("inputShape must be at least 32×32 with at least one channel, as"
                        + " Keras's, got " + Tensor.describe(shape));
            }
            this.inputShape = shape.clone();
            return this;
        }

        /** The number of classes {@code predictions} has, with the top; default 1000. */
        public Builder classes(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("classes must be at least 1, got " + value);
            }
            this.classes = value;
            return this;
        }

        /** The activation of {@code predictions}, with the top; default {@code "softmax"}. */
        public Builder classifierActivation(String value) {
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("classifierActivation must name an activation, got " + value);
            }
            this.classifierActivation = value;
            return this;
        }

        /**
         * Without the top, how to pool the last block's output: {@code null} or {@code "none"} keeps the 4-D output,
         * {@code "avg"} adds a GlobalAveragePooling2D and {@code "max"} a GlobalMaxPooling2D; default none.
         */
        public Builder pooling(String value) {
            if (value != null && !value.equals("none") && !value.equals("avg") && !value.equals("max")) {
                throw new IllegalArgumentException("pooling must be null, \"none\", \"avg\" or \"max\", got \""
                        + value + "\"");
            }
            this.pooling = "none".equals(value) ? null : value;
            return this;
        }

        /** Returns the model, built, named {@code vgg16}. */
        public Model build() {
            Input inputs = Input.shape(inputShape);
            KerasTensor x = inputs;
            for (int block = 0; block < BLOCKS.length; block++) {
                String prefix = "block" + (block + 1) + "_";
                for (int conv = 1; conv <= BLOCKS[block][1]; conv++) {
                    x = named(new Conv2D(BLOCKS[block][0], 3, "relu").padding("same"), prefix + "conv" + conv)
                            .apply(x);
                }
                x = named(new MaxPooling2D(2).strides(2), prefix + "pool").apply(x);
            }
            if (includeTop) {
                x = named(new Flatten(), "flatten").apply(x);
                x = named(new Dense(4096, "relu"), "fc1").apply(x);
                x = named(new Dense(4096, "relu"), "fc2").apply(x);
                x = named(new Dense(classes, classifierActivation), "predictions").apply(x);
            } else if ("avg".equals(pooling)) {
                x = new GlobalAveragePooling2D().apply(x);
            } else if ("max".equals(pooling)) {
                x = new GlobalMaxPooling2D().apply(x);
            }
            return new Model(inputs, x, "vgg16");
        }

        private static <L extends Layer> L named(L layer, String name) {
            layer.setName(name);
            return layer;
        }
    }
}
