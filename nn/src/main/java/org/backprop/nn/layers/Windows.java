package org.backprop.nn.layers;

import org.backprop.nn.Shapes;
import org.backprop.nn.backend.ConvGeometry;

/** Checks and shape arithmetic shared by the convolution and pooling layers (inputs {@code [h, w, c]}). */
final class Windows {
    private Windows() {
    }

    static int positive(String argument, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(argument + " must be positive, got " + value);
        }
        return value;
    }

    static String padding(String value) {
        if (!"valid".equals(value) && !"same".equals(value)) {
            throw new IllegalArgumentException("padding must be \"valid\" or \"same\", got \"" + value + "\"");
        }
        return value;
    }

    static void checkSequenceInput(Layer layer, int[] shape) {
        if (shape.length != 2) {
            throw new IllegalArgumentException("Layer \"" + layer.name() + "\" (" + layer.typeName()
                    + ") expects sequences of shape (None, steps, channels), but received input with shape "
                    + Shapes.describe(Shapes.withBatch(-1, shape)));
        }
    }

    /** Returns the steps a 1-D window leaves of {@code steps}, failing with the layer's name when none are left. */
    static int outputSteps(Layer layer, int steps, int window, int stride, String padding) {
        int out = ConvGeometry.of(steps, 1, window, 1, stride, 1, padding).outHeight;
        if (out <= 0) {
            throw new IllegalArgumentException("Layer \"" + layer.name() + "\" (" + layer.typeName() + "): a window of "
                    + window + " does not fit in " + steps + " steps with \"" + padding + "\" padding");
        }
        return out;
    }

    static void checkImageInput(Layer layer, int[] shape) {
        if (shape.length != 3) {
            throw new IllegalArgumentException("Layer \"" + layer.name() + "\" (" + layer.typeName()
                    + ") expects images of shape (None, height, width, channels), but received input with shape "
                    + Shapes.describe(Shapes.withBatch(-1, shape)));
        }
    }

    /** Returns {@code [outH, outW, channels]} for images {@code [h, w, ·]}, failing if the window does not fit. */
    static int[] outputShape(Layer layer, int[] inputShape, int window, int stride, String padding, int channels) {
        return outputShape(layer, inputShape, window, window, stride, padding, channels);
    }

    /** Returns {@code [outH, outW, channels]} for a {@code windowHeight × windowWidth} window. */
    static int[] outputShape(Layer layer, int[] inputShape, int windowHeight, int windowWidth, int stride,
            String padding, int channels) {
        ConvGeometry g = ConvGeometry.of(inputShape[0], inputShape[1], windowHeight, windowWidth, stride, stride,
                padding);
        if (g.outHeight <= 0 || g.outWidth <= 0) {
            throw new IllegalArgumentException("Layer \"" + layer.name() + "\" (" + layer.typeName() + "): a "
                    + windowHeight + "x" + windowWidth + " window with \"" + padding + "\" padding does not fit inputs"
                    + " of shape " + Shapes.describe(Shapes.withBatch(-1, inputShape)));
        }
        return new int[] {g.outHeight, g.outWidth, channels};
    }
}
