package org.backprop.nn;

/** Loss values computed on host tensors, by their Keras names. */
public final class Losses {
    private Losses() {
    }

    /** Returns the mean of {@code |yTrue - yPred|} over all values; both tensors must have the same shape. */
    public static float meanAbsoluteError(Tensor yTrue, Tensor yPred) {
        if (!java.util.Arrays.equals(yTrue.shape(), yPred.shape())) {
            throw new IllegalArgumentException("yTrue has shape " + Tensor.describe(yTrue.shape())
                    + " but yPred has shape " + Tensor.describe(yPred.shape()));
        }
        double sum = 0;
        for (int i = 0; i < yTrue.size(); i++) {
            sum += Math.abs(yTrue.get(i) - yPred.get(i));
        }
        return (float) (sum / yTrue.size());
    }
}
