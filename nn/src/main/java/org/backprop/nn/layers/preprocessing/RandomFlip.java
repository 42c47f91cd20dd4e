package org.backprop.nn.layers.preprocessing;

import org.backprop.nn.layers.LayerConfig;
import org.backprop.nn.random.RandomGenerator;

/**
 * Mirrors each image with probability ½ in training, as Keras's {@code RandomFlip}: mode "horizontal",
 * "vertical" or "horizontal_and_vertical" (the default).
 */
public final class RandomFlip extends ImageAugmentation {
    private final boolean horizontal;
    private final boolean vertical;
    private final String mode;

    public RandomFlip() {
        this("horizontal_and_vertical");
    }

    public RandomFlip(String mode) {
        super("random_flip");
        this.mode = mode;
        switch (mode) {
            case "horizontal":
                horizontal = true;
                vertical = false;
                break;
            case "vertical":
                horizontal = false;
                vertical = true;
                break;
            case "horizontal_and_vertical":
                horizontal = true;
                vertical = true;
                break;
            default:
                throw new IllegalArgumentException("mode must be \"horizontal\", \"vertical\" or"
                        + " \"horizontal_and_vertical\", got \"" + mode + "\"");
        }
    }

    @Override
    public String typeName() {
        return "RandomFlip";
    }

    @Override
    public LayerConfig getConfig() {
        return super.getConfig().put("mode", mode);
    }

    @Override
    protected double[] inverseTransform(RandomGenerator random, int height, int width) {
        double sx = horizontal && random.nextFloat() < 0.5f ? -1 : 1;
        double sy = vertical && random.nextFloat() < 0.5f ? -1 : 1;
        return new double[] {sx, 0, 0, 0, sy, 0};
    }
}
