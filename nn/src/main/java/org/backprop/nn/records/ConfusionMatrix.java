package org.backprop.nn.records;

import java.util.Arrays;
import java.util.List;

/**
 * Counts of predictions per true class, as {@code tf.math.confusion_matrix}: {@code counts[t][p]} is the number
 * of examples of true class {@code t} predicted as class {@code p}; {@code labels} names the classes in index
 * order. Immutable.
 */
public final class ConfusionMatrix {
    private final List<String> labels;
    private final long[][] counts;

    public ConfusionMatrix(List<String> labels, long[][] counts) {
        this.labels = Checks.copy("labels", labels);
        Checks.notNull("counts", counts);
        if (counts.length != this.labels.size()) {
            throw new IllegalArgumentException("counts must have one row per label (" + this.labels.size()
                    + "), got " + counts.length);
        }
        this.counts = new long[counts.length][];
        for (int row = 0; row < counts.length; row++) {
            if (counts[row] == null || counts[row].length != counts.length) {
                throw new IllegalArgumentException("counts[" + row + "] must have one column per label ("
                        + counts.length + "), got " + (counts[row] == null ? "null" : counts[row].length));
            }
            for (int column = 0; column < counts.length; column++) {
                Checks.notNegative("counts[" + row + "][" + column + "]", counts[row][column]);
            }
            this.counts[row] = counts[row].clone();
        }
    }

    /** Returns the class names, in index order. */
    public List<String> labels() {
        return labels;
    }

    /** Returns how many examples of true class {@code trueClass} were predicted as {@code predictedClass}. */
    public long count(int trueClass, int predictedClass) {
        return counts[trueClass][predictedClass];
    }

    /** Returns a copy of the counts, rows by true class, columns by predicted class. */
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int row = 0; row < counts.length; row++) {
            copy[row] = counts[row].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConfusionMatrix
                && labels.equals(((ConfusionMatrix) other).labels)
                && Arrays.deepEquals(counts, ((ConfusionMatrix) other).counts);
    }

    @Override
    public int hashCode() {
        return 31 * labels.hashCode() + Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "ConfusionMatrix" + labels + Arrays.deepToString(counts);
    }
}
