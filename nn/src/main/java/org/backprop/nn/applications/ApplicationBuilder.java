package org.backprop.nn.applications;

import org.backprop.nn.KerasTensor;
import org.backprop.nn.Tensor;
import org.backprop.nn.layers.GlobalAveragePooling2D;
import org.backprop.nn.layers.GlobalMaxPooling2D;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.models.Model;

/**
 * The arguments every {@code keras.applications} image model takes ({@code include_top}, {@code input_shape},
 * {@code classes}, {@code classifier_activation}, {@code pooling}) with Keras's defaults and checks; each
 * architecture's builder adds its layers. {@code weights} has no counterpart: pretrained weights come from a
 * course's published model ({@link org.backprop.nn.models.Pretrained}).
 *
 * @param <B> the architecture's builder, returned by each setting for chained calls
 */
public abstract class ApplicationBuilder<B extends ApplicationBuilder<B>> {
    private final int minSide;
    private boolean includeTop = true;
    private int[] inputShape;
    private int classes = 1000;
    private String classifierActivation = "softmax";
    private String pooling;

    /** Keras's default input is {@code defaultSide × defaultSide × 3}; it refuses sides under {@code minSide}. */
    ApplicationBuilder(int defaultSide, int minSide) {
        this.minSide = minSide;
        this.inputShape = new int[] {defaultSide, defaultSide, 3};
    }

    /** Returns this builder, for chained settings. */
    abstract B self();

    /** Returns the model, built, with freshly initialised weights. */
    public abstract Model build();

    /** Whether to add the classifier on top of the convolutional base; default true. */
    public final B includeTop(boolean value) {
        this.includeTop = value;
        return self();
    }

    /**
     * The input shape without batch, {@code height, width, channels}, each side at least the architecture's minimum
     * (Keras's); default the architecture's ImageNet size with 3 channels.
     */
    public final B inputShape(int... shape) {
        if (shape == null || shape.length != 3) {
            throw new IllegalArgumentException("inputShape must be (height, width, channels), got "
                    + (shape == null ? "null" : Tensor.describe(shape)));
        }
        if (shape[0] < minSide || shape[1] < minSide || shape[2] < 1) {
            throw new IllegalArgumentException("inputShape must be at least " + minSide + "×" + minSide
                    + " with at least one channel, as Keras's, got " + Tensor.describe(shape));
        }
        this.inputShape = shape.clone();
        return self();
    }

    /** The number of classes {@code predictions} has, with the top; default 1000. */
    public final B classes(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("classes must be at least 1, got " + value);
        }
        this.classes = value;
        return self();
    }

    /** The activation of {@code predictions}, with the top; default {@code "softmax"}. */
    public final B classifierActivation(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("classifierActivation must name an activation, got " + value);
        }
        this.classifierActivation = value;
        return self();
    }

    /**
     * Without the top, how to pool the last block's output: {@code null} or {@code "none"} keeps the 4-D output,
     * {@code "avg"} adds a GlobalAveragePooling2D and {@code "max"} a GlobalMaxPooling2D; default none.
     */
    public final B pooling(String value) {
        if (value != null && !value.equals("none") && !value.equals("avg") && !value.equals("max")) {
            throw new IllegalArgumentException("pooling must be null, \"none\", \"avg\" or \"max\", got \""
                    + value + "\"");
        }
        this.pooling = "none".equals(value) ? null : value;
        return self();
    }

    final boolean includeTop() {
        return includeTop;
    }

    final int[] inputShape() {
        return inputShape.clone();
    }

    final int classes() {
        return classes;
    }

    final String classifierActivation() {
        return classifierActivation;
    }

    /** Returns {@code x} pooled as {@link #pooling} asks, for a model without its top. */
    final KerasTensor pooled(KerasTensor x) {
        if ("avg".equals(pooling)) {
            return new GlobalAveragePooling2D().apply(x);
        }
        if ("max".equals(pooling)) {
            return new GlobalMaxPooling2D().apply(x);
        }
        return x;
    }

    /** Returns {@code layer} under Keras's name for it, so that a Keras file's weights import by name. */
    static <L extends Layer> L named(L layer, String name) {
        layer.setName(name);
        return layer;
    }
}
