package org.backprop.nn.records;

import java.util.List;

/**
 * One layer of a run's model graph, as a row of Keras's {@code summary()}: the layer's name, Keras class name,
 * output shape without the batch dimension (e.g. {@code [26, 26, 32]} for Keras's {@code (None, 26, 26, 32)}),
 * weight counts, whether the layer does anything only in training (dropout, augmentation), which the
 * grader's {@code augmentation-active} check reads, and the layers it takes its inputs from
 * ({@code input_layer} for the model's input), so that residual connections show in the record.
 *
 * <p>{@code custom} says the class is not the library's own: a student may subclass {@code Layer} and give it
 * any type name ("BatchNormalization"), so a check that counts on a type must look at this flag too. The
 * behaviour evidence, {@code changesInTraining} (a call in training changed a probe batch) and
 * {@code identityAtInference} (a call in inference returned the probe batch exactly), is null where the run
 * did not probe the layer: only runs the grader observes probe, and only augmentation, training-only and
 * custom layers.
 */
public record LayerRecord(String name, String type, List<Integer> outputShape, long trainableParams,
        long nonTrainableParams, boolean trainingOnly, List<String> inbound, boolean custom,
        Boolean changesInTraining, Boolean identityAtInference) {

    public LayerRecord {
        Checks.notEmpty("name", name);
        Checks.notEmpty("type", type);
        outputShape = Checks.shape("outputShape", outputShape);
        Checks.notNegative("trainableParams", trainableParams);
        Checks.notNegative("nonTrainableParams", nonTrainableParams);
        inbound = inbound == null ? List.of() : List.copyOf(inbound);
        if ((changesInTraining == null) != (identityAtInference == null)) {
            throw new IllegalArgumentException("layer " + name + ": changesInTraining and identityAtInference are"
                    + " both known (probed) or both null");
        }
    }

    /** Returns a library layer's record without behaviour evidence. */
    public LayerRecord(String name, String type, List<Integer> outputShape, long trainableParams,
            long nonTrainableParams, boolean trainingOnly, List<String> inbound) {
        this(name, type, outputShape, trainableParams, nonTrainableParams, trainingOnly, inbound, false, null, null);
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

    /** Returns whether a probe looked at this layer's behaviour. */
    public boolean probed() {
        return changesInTraining != null;
    }

    /** Returns this record with the behaviour a probe observed. */
    public LayerRecord withBehaviour(boolean changesInTraining, boolean identityAtInference) {
        return new LayerRecord(name, type, outputShape, trainableParams, nonTrainableParams, trainingOnly, inbound,
                custom, changesInTraining, identityAtInference);
    }
}
