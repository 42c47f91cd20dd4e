package org.backprop.nn.layers.preprocessing;

import org.backprop.nn.layers.LayerConfig;
import org.backprop.nn.random.RandomGenerator;

/**
 * Zooms each image by a random factor in training, as Keras's {@code RandomZoom(0.2)}: the image is
 * scaled by 1 + z with z uniform in ±{@code factor}; positive z zooms out, negative zooms in. Height and
 * width are zoomed alike.
 */
public final class RandomZoom extends ImageAugmentation {
    private final double factor;

    public RandomZoom(double factor) {
        super("random_zoom");
        if (!(factor >= 0 && factor < 1)) {
            throw new IllegalArgumentException("factor must be in [0, 1), got " + factor);
        }
        this.factor = factor;
    }

    @Override
    public String typeName() {
        return "RandomZoom";
    }

    @Override
    public LayerConfig getConfig() {
        return super.getConfig().put("height_factor", factor);
    }

    @Override
    protected double[] inverseTransform(RandomGenerator random, int height, int width) {
        double zoom = 1 + (random.nextDouble() * 2 - 1) * factor;
        return new double[] {zoom, 0, 0, 0, zoom, 0};
    }
}
