package org.backprop.nn.records;

import java.util.List;

/**
 * One layer of a run's model graph, as a row of Keras's {@code summary()}: the layer's name, Keras class name,
 * output shape without the batch dimension (e.g. {@code [26, 26, 32]} for Keras's {@code (None, 26, 26, 32)}),
 * weight counts, whether the layer does anything only in training (dropout, augmentation), which the
 * grader's {@code augmentation-active} check reads, and the layers it takes its inputs from
 * ({@code input_layer} for the model's input), so that residual connections show in the record.
 */
public record LayerRecord(String name, String type, List<Integer> outputShape, long trainableParams,
        long nonTrainableParams, boolean trainingOnly, List<String> inbound) {

    public LayerRecord {
        Checks.notEmpty("name", name);
        Checks.notEmpty("type", type);
        outputShape = Checks.shape("outputShape", outputShape);
        Checks.notNegative("trainableParams", trainableParams);
        Checks.notNegative("nonTrainableParams", nonTrainableParams);
        inbound = inbound == null ? List.of() : List.copyOf(inbound);
    }

    /** Returns a record that names no inbound layers (records written before they were kept). */
    public LayerRecord(String name, String type, List<Integer> outputShape, long trainableParams,
            long nonTrainableParams, boolean trainingOnly) {
        this(name, type, outputShape, trainableParams, nonTrainableParams, trainingOnly, List.of());
    }

    /** Returns the number of weight values, trainable or not, as Keras's {@code count_params()}. */
    public long params() {
        return trainableParams + nonTrainableParams;
    }
}
