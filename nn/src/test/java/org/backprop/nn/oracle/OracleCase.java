package org.backprop.nn.oracle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.nn.GradientChecks;
import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.autograd.Gradients;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.layers.MultiHeadAttention;
import org.backprop.nn.losses.Loss;
import org.backprop.nn.ops.Ops;

/**
 * One comparison with TensorFlow.js: what the oracle script is asked to compute ({@link #spec}, a JSON
 * object) and what nn computed for the same inputs and weights ({@link #ours}), under the result names the
 * script uses.
 */
record OracleCase(String name, String spec, Map<String, Tensor> ours) {
    private static final long OUTPUT_WEIGHTS_SEED = 7;

    /**
     * Returns the case for {@code layer} applied to {@code input} with {@code weights} (every weight, in Keras
     * order): the output, and the gradients of sum(output · r) with respect to the input and each trainable
     * weight, r fixed random weights of the output's shape; in training, also every weight after the call
     * (BatchNormalization's moving statistics).
     *
     * @param tfjsLayer the {@code tf.layers} factory, e.g. {@code "conv2d"}
     * @param tfjsConfig its configuration as a JSON object
     */
    static OracleCase layer(String name, Layer layer, String tfjsLayer, String tfjsConfig, boolean training,
            Tensor input, Tensor... weights) {
        return layer(name, layer, tfjsLayer, tfjsConfig, training, false, input, null, weights);
    }

    /**
     * Returns the case for {@code layer} applied in inference to {@code input} whose steps {@code mask}
     * {@code [batch, steps]} marks (Keras's {@code layer(input, mask=mask)}); also the output's mask, when any.
     */
    static OracleCase maskedLayer(String name, Layer layer, String tfjsLayer, String tfjsConfig, Tensor input,
            Tensor mask, Tensor... weights) {
        return layer(name, layer, tfjsLayer, tfjsConfig, false, false, input, mask, weights);
    }

    /**
     * Returns the case for a layer whose input holds ids (Embedding), which have no gradient; in inference; also
     * the output's mask, when the layer makes one.
     */
    static OracleCase layerOnIds(String name, Layer layer, String tfjsLayer, String tfjsConfig, Tensor ids,
            Tensor... weights) {
        return layer(name, layer, tfjsLayer, tfjsConfig, false, true, ids, null, weights);
    }

    private static OracleCase layer(String name, Layer layer, String tfjsLayer, String tfjsConfig, boolean training,
            boolean idsInput, Tensor input, Tensor mask, Tensor... weights) {
        layer.build(Shapes.withoutBatch(input.shape()));
        layer.setWeights(weights);
        Tensor inputLeaf = input.asVariable();
        List<Tensor> leaves = new ArrayList<>(List.of(inputLeaf));
        layer.trainableWeights().forEach(weight -> leaves.add(weight.value()));
        Tensor output = layer.callWithMask(inputLeaf, mask, training);
        Tensor outputMask = layer.computeMask(input, mask);
        Tensor outputWeights = GradientChecks.random(OUTPUT_WEIGHTS_SEED, -1, 1, output.shape());
        List<Tensor> gradients = Gradients.of(Ops.sumAll(Ops.multiply(output, outputWeights)), leaves);

        Map<String, Tensor> ours = new LinkedHashMap<>();
        ours.put("output", output.detach());
        if (outputMask != null) {
            ours.put("output mask", outputMask);
        }
        if (!idsInput) {
            ours.put("gradient input", gradients.get(0));
        }
        for (int i = 1; i < gradients.size(); i++) {
            ours.put("gradient " + (i - 1), gradients.get(i));
        }
        if (training) {
            List<Tensor> after = layer.getWeights();
            for (int i = 0; i < after.size(); i++) {
                ours.put("weight " + i + " after", after.get(i));
            }
        }
        String spec = "{\"name\":" + Json.quote(name) + ",\"type\":\"layer\",\"layer\":" + Json.quote(tfjsLayer)
                + ",\"config\":" + tfjsConfig + ",\"training\":" + training + ",\"idsInput\":" + idsInput
                + ",\"input\":" + Json.tensor(input) + (mask == null ? "" : ",\"mask\":" + Json.tensor(mask))
                + ",\"weights\":" + tensors(weights) + ",\"outputWeights\":" + Json.tensor(outputWeights) + "}";
        return new OracleCase(name, spec, ours);
    }

    /**
     * Returns the case for {@code attention} on query, value and key with {@code weights} (Keras's eight, in
     * order): the output, and the gradients of sum(output · r) with respect to query, value, key and every
     * weight. TensorFlow.js composes the attention from its ops, having no MultiHeadAttention layer.
     */
    static OracleCase attention(String name, MultiHeadAttention attention, int keyDim, Tensor query, Tensor value,
            Tensor key, Tensor... weights) {
        attention.build(Shapes.withoutBatch(query.shape()), Shapes.withoutBatch(value.shape()),
                Shapes.withoutBatch(key.shape()));
        attention.setWeights(weights);
        List<Tensor> leaves = new ArrayList<>(List.of(query.asVariable(), value.asVariable(), key.asVariable()));
        Tensor output = attention.apply(leaves.get(0), leaves.get(1), leaves.get(2));
        attention.weights().forEach(weight -> leaves.add(weight.value()));
        Tensor outputWeights = GradientChecks.random(OUTPUT_WEIGHTS_SEED, -1, 1, output.shape());
        List<Tensor> gradients = Gradients.of(Ops.sumAll(Ops.multiply(output, outputWeights)), leaves);

        Map<String, Tensor> ours = new LinkedHashMap<>();
        ours.put("output", output.detach());
        String[] roles = {"query", "value", "key"};
        for (int i = 0; i < gradients.size(); i++) {
            ours.put("gradient " + (i < roles.length ? roles[i] : Integer.toString(i - roles.length)),
                    gradients.get(i));
        }
        String spec = "{\"name\":" + Json.quote(name) + ",\"type\":\"attention\",\"keyDim\":" + keyDim
                + ",\"query\":" + Json.tensor(query) + ",\"value\":" + Json.tensor(value) + ",\"key\":"
                + Json.tensor(key) + ",\"weights\":" + tensors(weights) + ",\"outputWeights\":"
                + Json.tensor(outputWeights) + "}";
        return new OracleCase(name, spec, ours);
    }

    private static String tensors(Tensor... tensors) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < tensors.length; i++) {
            json.append(i > 0 ? "," : "").append(Json.tensor(tensors[i]));
        }
        return json.append(']').toString();
    }

    /** Returns the case for {@code loss}: its value and its gradient with respect to the predictions. */
    static OracleCase loss(String name, Loss loss, String kerasName, boolean fromLogits, Tensor yTrue, Tensor yPred) {
        Tensor predictions = yPred.asVariable();
        Tensor value = loss.call(yTrue, predictions);
        Map<String, Tensor> ours = new LinkedHashMap<>();
        ours.put("output", value.detach());
        ours.put("gradient predictions", Gradients.of(value, List.of(predictions)).get(0));
        String spec = "{\"name\":" + Json.quote(name) + ",\"type\":\"loss\",\"loss\":" + Json.quote(kerasName)
                + ",\"fromLogits\":" + fromLogits + ",\"yTrue\":" + Json.tensor(yTrue) + ",\"yPred\":"
                + Json.tensor(yPred) + "}";
        return new OracleCase(name, spec, ours);
    }
}
