package org.backprop.nn.layers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;

/**
 * Runs a recurrent layer over the steps both ways, as Keras 3's {@code Bidirectional(layer, merge_mode)}: a copy of
 * {@code layer} named {@code forward_<name>} reads first to last, another named {@code backward_<name>} last to
 * first, and their outputs (the backward one put back in step order with {@code returnSequences}) are merged:
 * {@code "concat"} (the default; {@code [batch, 2·units]} or {@code [batch, steps, 2·units]}), {@code "sum"},
 * {@code "mul"} or {@code "ave"} ({@code units} wide). The given layer is a template, as in Keras: its settings are
 * copied and it is never called. Weights: the forward layer's, then the backward layer's. Both directions skip the
 * steps a {@link Masks mask} marks as padding; the output carries the mask with {@code returnSequences}. Weight
 * names, as Keras 3's paths: {@code bidirectional/forward_lstm/kernel}, ….
 */
public final class Bidirectional extends Layer {
    private static final List<String> MERGE_MODES = List.of("concat", "sum", "mul", "ave");

    private final String mergeMode;
    private final Recurrent<?> forwardLayer;
    private final Recurrent<?> backwardLayer;

    /** Returns the layer running {@code layer} both ways and concatenating the two outputs. */
    public Bidirectional(Recurrent<?> layer) {
        this(layer, "concat");
    }

    /** Returns the layer running {@code layer} both ways and merging the outputs by {@code mergeMode}. */
    public Bidirectional(Recurrent<?> layer, String mergeMode) {
        super("bidirectional");
        if (layer == null) {
            throw new IllegalArgumentException("layer must be a recurrent layer (LSTM, GRU, SimpleRNN), got null");
        }
        if (!MERGE_MODES.contains(mergeMode)) {
            throw new IllegalArgumentException("merge_mode must be one of " + MERGE_MODES + ", got "
                    + (mergeMode == null ? "null" : "\"" + mergeMode + "\""));
        }
        this.mergeMode = mergeMode;
        // Keras saves the forward copy as the layer, so a rebuilt layer must not prefix its name twice.
        String base = layer.name().startsWith("forward_") ? layer.name().substring("forward_".length())
                : layer.name();
        forwardLayer = track(layer.copy("forward_" + base, layer.goesBackwards()));
        backwardLayer = track(layer.copy("backward_" + base, !layer.goesBackwards()));
    }

    @Override
    public String typeName() {
        return "Bidirectional";
    }

    /** Returns Keras's config: the forward layer as {@code {"class_name", "config"}} under "layer", and "merge_mode". */
    @Override
    public LayerConfig getConfig() {
        Map<String, Object> layer = new LinkedHashMap<>();
        layer.put("class_name", forwardLayer.typeName());
        layer.put("config", forwardLayer.getConfig().asMap());
        return super.getConfig().put("layer", layer).put("merge_mode", mergeMode);
    }

    @Override
    protected void checkInputShape(int[] shape) {
        forwardLayer.checkInputShape(shape);
    }

    @Override
    protected void createWeights(int[] inputShape) {
        forwardLayer.weightsOwnedBy(this);
        backwardLayer.weightsOwnedBy(this);
        forwardLayer.build(inputShape);
        backwardLayer.build(inputShape);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        int[] shape = forwardLayer.computeOutputShape(inputShape);
        if (mergeMode.equals("concat")) {
            shape[shape.length - 1] *= 2;
        }
        return shape;
    }

    @Override
    public Tensor computeMask(Tensor inputs, Tensor mask) {
        return forwardLayer.computeMask(inputs, mask);
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        return forward(inputs, null, training);
    }

    @Override
    protected Tensor forward(Tensor inputs, Tensor mask, boolean training) {
        return merge(forwardLayer.callWithMask(inputs, mask, training),
                backwardLayer.callWithMask(inputs, mask, training));
    }

    private Tensor merge(Tensor forward, Tensor backward) {
        Tensor reordered = backwardLayer.returnsSequences() ? reversed(backward) : backward;
        switch (mergeMode) {
            case "concat":
                return Ops.concatenate(List.of(forward, reordered), forward.rank() - 1);
            case "sum":
                return Ops.add(forward, reordered);
            case "mul":
                return Ops.multiply(forward, reordered);
            default:
                return Ops.scale(Ops.add(forward, reordered), 0.5f);
        }
    }

    /** Returns {@code x} {@code [batch, steps, …]} with its steps in reverse order. */
    private static Tensor reversed(Tensor x) {
        List<Tensor> steps = new ArrayList<>();
        for (int t = x.dim(1) - 1; t >= 0; t--) {
            steps.add(Ops.slice(x, 1, t, 1));
        }
        return Ops.concatenate(steps, 1);
    }
}
