package org.backprop.nn.records;

import java.util.List;

/**
 * The model a run trained: its name, the shape of one input example without the batch dimension (e.g.
 * {@code [28, 28, 1]}), and its layers in the order inputs reach them. Ablation studies compare these graphs.
 * {@code inferenceDeterministic} says whether two inference calls on the same probe batch gave identical outputs;
 * null where the run did not probe its model (only runs the grader observes do).
 */
public record ModelGraph(String name, List<Integer> inputShape, List<LayerRecord> layers,
        Boolean inferenceDeterministic) {

    public ModelGraph {
        Checks.notEmpty("name", name);
        inputShape = Checks.shape("inputShape", inputShape);
        layers = Checks.copy("layers", layers);
    }

    /** Returns a graph without behaviour evidence. */
    public ModelGraph(String name, List<Integer> inputShape, List<LayerRecord> layers) {
        this(name, inputShape, layers, null);
    }

    /** Returns the number of weight values of all layers. */
    public long totalParams() {
        return trainableParams() + nonTrainableParams();
    }

    /** Returns the number of weight values the optimizer updates. */
    public long trainableParams() {
        long count = 0;
        for (LayerRecord layer : layers) {
            count += layer.trainableParams();
        }
        return count;
    }

    /** Returns the number of weight values the optimizer leaves alone (frozen layers, moving statistics). */
    public long nonTrainableParams() {
        long count = 0;
        for (LayerRecord layer : layers) {
            count += layer.nonTrainableParams();
        }
        return count;
    }
}
