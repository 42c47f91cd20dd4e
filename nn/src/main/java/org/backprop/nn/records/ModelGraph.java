package org.backprop.nn.records;

import java.util.List;

/**
 * The model a run trained: its name, the shape of one input example without the batch dimension (e.g.
 * {@code [28, 28, 1]}), and its layers in the order inputs reach them. Ablation studies compare these graphs.
 */
public record ModelGraph(String name, List<Integer> inputShape, List<LayerRecord> layers) {

    public ModelGraph {
        Checks.notEmpty("name", name);
        inputShape = Checks.shape("inputShape", inputShape);
        layers = Checks.copy("layers", layers);
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
