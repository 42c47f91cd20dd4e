package org.backprop.nn.models;

import org.backprop.nn.Tensor;
import org.backprop.nn.metrics.Metric;

/**
 * A metric compiled for one output of a model with several, as Keras's {@code metrics=[["mean_absolute_error"],
 * ["accuracy"]]}: it reads that output's labels and predictions and logs under the name it is given: after the
 * output's name, {@code priority_mean_absolute_error}, {@code department_accuracy}, or for a subclassed model, whose
 * outputs have no names, its own ({@link OutputLosses}).
 */
final class OutputMetric extends Metric {
    private final int output;
    private final Metric metric;

    OutputMetric(String name, int output, Metric metric) {
        super(name);
        this.output = output;
        this.metric = metric;
    }

    /** Returns the index of the output this metric reads. */
    int output() {
        return output;
    }

    @Override
    public void update(Tensor yTrue, Tensor yPred) {
        metric.update(yTrue, yPred);
    }

    @Override
    public double result() {
        return metric.result();
    }

    @Override
    public void reset() {
        metric.reset();
    }
}
