package org.backprop.nn.layers.preprocessing;

import org.backprop.nn.layers.LayerConfig;
import org.backprop.nn.random.RandomGenerator;

/**
 * Rotates each image by a random angle in ±{@code factor}·2π in training, as Keras's
 * {@code RandomRotation(0.1)} (up to 36°).
 */
public final class RandomRotation extends ImageAugmentation {
    private final double factor;

    public RandomRotation(double factor) {
        super("random_rotation");
        if (!(factor >= 0 && factor <= 1)) {
            throw new IllegalArgumentException("factor must be in [0, 1], got " + factor);
        }
        this.factor = factor;
    }

    @Override
    public String typeName() {
        return "RandomRotation";
    }

    @Override
    public LayerConfig getConfig() {
        return super.getConfig().put("factor", factor);
    }

    @Override
    protected double[] inverseTransform(RandomGenerator random, int height, int width) {
        double angle = (random.nextDouble() * 2 - 1) * factor * 2 * Math.PI;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        return new double[] {cos, -sin, 0, sin, cos, 0};
    }
}
