package org.backprop.nn.metrics;

import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;

/** Per-example regression errors, the mean over each example's values, for the error metrics. */
final class Errors {
    private Errors() {
    }

    /** Returns each example's mean absolute (or, with {@code squared}, squared) error. */
    static float[] perExample(Tensor yTrue, Tensor yPred, boolean squared) {
        if (yTrue.size() != yPred.size()) {
            throw new IllegalArgumentException("targets of shape " + Shapes.describe(yTrue.shape())
                    + " do not match predictions of shape " + Shapes.describe(yPred.shape()));
        }
        int examples = yPred.rank() == 0 ? 1 : yPred.dim(0);
        int width = examples == 0 ? 0 : yPred.size() / examples;
        float[] scores = new float[examples];
        for (int row = 0; row < examples; row++) {
            double total = 0;
            for (int i = row * width; i < (row + 1) * width; i++) {
                double error = yTrue.get(i) - yPred.get(i);
                total += squared ? error * error : Math.abs(error);
            }
            scores[row] = (float) (total / width);
        }
        return scores;
    }
}
