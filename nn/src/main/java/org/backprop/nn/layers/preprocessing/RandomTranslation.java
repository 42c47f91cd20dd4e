package org.backprop.nn.layers.preprocessing;

import org.backprop.nn.layers.LayerConfig;
import org.backprop.nn.random.RandomGenerator;

/**
 * Shifts each image by a random fraction of its height and width in training, as Keras's
 * {@code RandomTranslation(heightFactor, widthFactor)}: up to ±factor of the size in each direction.
 */
public final class RandomTranslation extends ImageAugmentation {
    private final double heightFactor;
    private final double widthFactor;

    public RandomTranslation(double heightFactor, double widthFactor) {
        super("random_translation");
        if (!(heightFactor >= 0 && heightFactor <= 1) || !(widthFactor >= 0 && widthFactor <= 1)) {
            throw new IllegalArgumentException("heightFactor and widthFactor must be in [0, 1], got " + heightFactor
                    + " and " + widthFactor);
        }
        this.heightFactor = heightFactor;
        this.widthFactor = widthFactor;
    }

    @Override
    public String typeName() {
        return "RandomTranslation";
    }

    @Override
    public LayerConfig getConfig() {
        return super.getConfig().put("height_factor", heightFactor).put("width_factor", widthFactor);
    }

    @Override
    protected double[] inverseTransform(RandomGenerator random, int height, int width) {
        double dy = (random.nextDouble() * 2 - 1) * heightFactor * height;
        double dx = (random.nextDouble() * 2 - 1) * widthFactor * width;
        return new double[] {1, 0, -dx, 0, 1, -dy};
    }
}
