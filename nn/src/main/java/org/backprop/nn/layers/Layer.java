package org.backprop.nn.layers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.initializers.Initializer;
import org.backprop.nn.random.RandomSeed;
import org.backprop.nn.regularizers.Regularizer;
import org.backprop.nn.regularizers.Regularizers;

/**
 * A Keras layer: the constructor checks and stores settings, {@link #build} creates the weights once the
 * input shape is known (on the first call, or when asked), {@link #call} is the math. Shapes given to
 * {@code build} and {@link #computeOutputShape} leave out the batch dimension.
 *
 * <p><b>A layer made of layers</b> (Deep Learning with Python's {@code TransformerEncoder}): create the sub-layers in
 * the constructor and hand each to {@link #track} (Keras tracks attributes by itself; Java needs the call), call them
 * in {@link #forward}, and add the constructor's arguments to {@link #getConfig()}. Their weights are then this
 * layer's ({@link #weights()}, {@link #countParams()}, the optimizer's), freezing this layer freezes them, and a
 * model's summary shows the layer as one row with all their parameters. As in Keras 3, when {@link #build} leaves a
 * sub-layer unbuilt, it runs {@link #forward} once on one example of zeros in inference mode so that every sub-layer
 * builds for the shape it gets. A {@code Model} or {@code Sequential} is tracked the same way ({@link #track(Model)}).
 *
 * <pre>{@code
 * public final class TransformerEncoder extends Layer {
 *     private final int embedDim, denseDim, numHeads;
 *     private final MultiHeadAttention attention;
 *     private final Sequential denseProj;
 *     private final LayerNormalization layernorm1, layernorm2;
 *
 *     public TransformerEncoder(int embedDim, int denseDim, int numHeads) {
 *         super("transformer_encoder");
 *         this.embedDim = embedDim; this.denseDim = denseDim; this.numHeads = numHeads;
 *         attention = track(new MultiHeadAttention(numHeads, embedDim));
 *         denseProj = track(new Sequential(new Dense(denseDim, "relu"), new Dense(embedDim)));
 *         layernorm1 = track(new LayerNormalization());
 *         layernorm2 = track(new LayerNormalization());
 *     }
 *
 *     public String typeName() { return "TransformerEncoder"; }
 *
 *     public int[] computeOutputShape(int[] inputShape) { return inputShape; }
 *
 *     protected Tensor forward(Tensor inputs, boolean training) {
 *         return forward(inputs, null, training);
 *     }
 *
 *     // The book's call(self, inputs, mask=None): the mask of the padding before it, or null.
 *     protected Tensor forward(Tensor inputs, Tensor mask, boolean training) {
 *         Tensor attentionMask = mask == null ? null : mask.reshape(mask.dim(0), 1, mask.dim(1));
 *         Tensor attended = attention.callWithAttentionMask(inputs, inputs, attentionMask, training);
 *         Tensor projInput = layernorm1.call(inputs.add(attended), training);
 *         Tensor projOutput = denseProj.call(projInput, training);
 *         return layernorm2.call(projInput.add(projOutput), training);
 *     }
 *
 *     public LayerConfig getConfig() {
 *         return super.getConfig().put("embed_dim", embedDim).put("dense_dim", denseDim).put("num_heads", numHeads);
 *     }
 * }
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public abstract class Layer {
    private String name;
    private final List<Variable> weights = new ArrayList<>();
    /** Each weight's penalty (null: none), in the order of {@link #weights}: Keras's {@code variable.regularizer}. */
    private final List<Regularizer> weightRegularizers = new ArrayList<>();
    /** The regularizers set, by Keras config key ({@code kernel_regularizer}), each with the weight it applies to. */
    private final Map<String, WeightPenalty> regularizers = new LinkedHashMap<>();
    private final List<Layer> tracked = new ArrayList<>();
    private boolean trainable = true;
    private int[] inputShape;
    /** The symbolic output of this layer's first call in a functional model; see {@link #output()}. */
    private KerasTensor firstCall;
    /** The library layer whose saved weights this one's are (Bidirectional's copies), or null. */
    private String owner;

    /** Names the layer as Keras does by default: {@code kerasPrefix}, then {@code kerasPrefix_1}, … */
    protected Layer(String kerasPrefix) {
        this.name = LayerNames.unique(kerasPrefix);
    }

    /**
     * Names the layer {@code name}, as Keras's {@code name=} argument, without using up a default name; a null
     * {@code name} names it as {@link #Layer(String)} does.
     */
    protected Layer(String kerasPrefix, String name) {
        this.name = name == null ? LayerNames.unique(kerasPrefix) : checkName(name);
    }

    private static String checkName(String name) {
        if (name == null || name.isEmpty() || name.indexOf('/') >= 0) {
            throw new IllegalArgumentException("a layer name must be non-empty and must not contain '/', got "
                    + (name == null ? "null" : "\"" + name + "\""));
        }
        return name;
    }

    /** Returns the layer's name, unique per prefix as Keras makes them: {@code dense}, {@code dense_1}, … */
    public final String name() {
        return name;
    }

    /**
     * Names the layer, as Keras's {@code name=} argument; before it is built, since its weights carry the name
     * ({@code dense/kernel}). The name must be non-empty and free of {@code /}, which separates layer and weight
     * in weight names. Two layers of one model must not share a name, or the model cannot be saved.
     */
    public final void setName(String newName) {
        checkName(newName);
        if (built()) {
            throw new IllegalStateException("Layer \"" + name + "\" is built already: name it before calling it on"
                    + " inputs, since its weights carry its name");
        }
        name = newName;
    }

    /** Returns the Keras class name, e.g. {@code Dense}, for summaries and run records. */
    public abstract String typeName();

    /**
     * Returns the layer's settings, as Keras's {@code get_config()}: {@code name}, {@code trainable} and the
     * constructor arguments and options under Keras's names. {@code org.backprop.nn.saving.LayerRegistry}
     * rebuilds a library layer from it; each layer adds its own settings to this one's.
     */
    public LayerConfig getConfig() {
        LayerConfig config = new LayerConfig().put("name", name).put("trainable", trainable());
        for (Map.Entry<String, WeightPenalty> regularizer : regularizers.entrySet()) {
            config.put(regularizer.getKey(), Regularizers.serialize(regularizer.getValue().regularizer()));
        }
        return config;
    }

    /** A regularizer and the name of the weight it applies to ({@code kernel}). */
    private record WeightPenalty(String weightName, Regularizer regularizer) {
    }

    /**
     * Sets the penalty on this layer's weight {@code weightName} that Keras's option {@code configKey}
     * ({@code kernel_regularizer}) holds, or removes it when {@code regularizer} is null; before the layer is built,
     * since the weight takes it when it is created. The config then carries it under {@code configKey}.
     */
    protected final void regularize(String configKey, String weightName, Regularizer regularizer) {
        if (built()) {
            throw new IllegalStateException(Regularizers.setterName(configKey) + " must be set before layer \"" + name
                    + "\" is built");
        }
        if (regularizer == null) {
            regularizers.remove(configKey);
        } else {
            regularizers.put(configKey, new WeightPenalty(weightName, regularizer));
        }
    }

    /** Returns the regularizer set under Keras's option {@code configKey}, or null. */
    protected final Regularizer regularizer(String configKey) {
        WeightPenalty penalty = regularizers.get(configKey);
        return penalty == null ? null : penalty.regularizer();
    }

    /**
     * Returns the penalties training adds to the loss, as Keras's {@code layer.losses}: each regularizer applied to
     * its weight's current value (scalars {@code []}, gradients flowing to the weights), for this layer's
     * {@link #trainableWeights()} only, those of the layers it is made of included; empty while the layer is frozen,
     * as in Keras, which penalizes only {@code trainable_weights}. A custom train step adds their sum to its loss,
     * the book's {@code loss += sum(model.losses)}
     * ({@code loss = loss.add(Ops.addN(model.losses()))}).
     */
    public final List<Tensor> losses() {
        List<Tensor> losses = new ArrayList<>();
        for (Variable weight : trainableWeights()) {
            Regularizer regularizer = regularizerOf(weight);
            if (regularizer != null) {
                losses.add(regularizer.call(weight.value()));
            }
        }
        return losses;
    }

    /** Returns the regularizer of {@code weight}, one of this layer's or of the layers it is made of, or null. */
    private Regularizer regularizerOf(Variable weight) {
        for (int i = 0; i < weights.size(); i++) {
            if (weights.get(i) == weight) {
                return weightRegularizers.get(i);
            }
        }
        for (Layer layer : sublayers()) {
            Regularizer regularizer = layer.regularizerOf(weight);
            if (regularizer != null) {
                return regularizer;
            }
        }
        return null;
    }

    /** Returns whether the optimizer updates this layer's weights (and, for BatchNormalization, its statistics). */
    public boolean trainable() {
        return trainable;
    }

    /**
     * Freezes or unfreezes the layer and every layer it {@link #track}s, as Keras's {@code layer.trainable = false}.
     */
    public void setTrainable(boolean trainable) {
        this.trainable = trainable;
        for (Layer layer : sublayers()) {
            layer.setTrainable(trainable);
        }
    }

    /**
     * Makes {@code layer} part of this one (see the class comment): its weights count as this layer's, and freezing
     * this layer freezes it. Returns {@code layer}, for {@code attention = track(new MultiHeadAttention(2, 8))}.
     */
    protected final <L extends Layer> L track(L layer) {
        if (layer == null || layer == this) {
            throw new IllegalArgumentException("Layer \"" + name + "\" cannot track " + (layer == null ? "null"
                    : "itself"));
        }
        if (!tracked.contains(layer)) {
            tracked.add(layer);
        }
        return layer;
    }

    /** Tracks {@code model} as a sub-layer (see {@link #track(Layer)}) and returns it, to be called in forward. */
    protected final <M extends org.backprop.nn.models.Model> M track(M model) {
        if (model == null) {
            throw new IllegalArgumentException("Layer \"" + name + "\" cannot track null");
        }
        track(model.asLayer());
        return model;
    }

    /** Returns the layers this one is made of ({@link #track}), in the order they were tracked. */
    public List<Layer> sublayers() {
        return Collections.unmodifiableList(tracked);
    }

    /** Returns whether {@link #build} has run. */
    public final boolean built() {
        return inputShape != null;
    }

    /** Returns the input shape (without batch) the layer was built for. */
    public final int[] inputShape() {
        if (inputShape == null) {
            throw new IllegalStateException("layer " + name + " is not built yet");
        }
        return inputShape.clone();
    }

    /**
     * Builds the layer for inputs of {@code shape} (without batch), as Keras's {@code layer.build}; a layer
     * is built once, and later calls must agree with the first.
     */
    public final void build(int... shape) {
        if (inputShape == null) {
            checkInputShape(shape);
            createWeights(shape.clone());
            inputShape = shape.clone();
            buildSublayersByRunning(shape);
        } else if (!Shapes.same(inputShape, shape)) {
            throw new IllegalArgumentException("Layer \"" + name + "\" (" + typeName() + ") expects input of shape "
                    + Shapes.describe(Shapes.withBatch(-1, inputShape)) + ", but received input with shape "
                    + Shapes.describe(Shapes.withBatch(-1, shape)));
        }
    }

    /**
     * Builds the tracked sub-layers that {@link #createWeights} left unbuilt by running {@link #forward} on one
     * example of zeros in inference mode, as Keras 3 builds a layer whose build it cannot infer.
     */
    private void buildSublayersByRunning(int[] shape) {
        for (Layer layer : sublayers()) {
            if (!layer.allBuilt()) {
                forward(Tensor.zeros(Shapes.withBatch(1, shape)), false);
                return;
            }
        }
    }

    /** Returns whether this layer and every layer it is made of are built. */
    private boolean allBuilt() {
        if (!built()) {
            return false;
        }
        for (Layer layer : sublayers()) {
            if (!layer.allBuilt()) {
                return false;
            }
        }
        return true;
    }

    /** Rejects input shapes this layer cannot work on; the message names the layer and both shapes. */
    protected void checkInputShape(int[] shape) {
    }

    /** Creates the weights for inputs of {@code inputShape} (without batch). */
    protected void createWeights(int[] inputShape) {
    }

    /** Returns the output shape (without batch) for inputs of {@code inputShape} (without batch). */
    public abstract int[] computeOutputShape(int[] inputShape);

    /** Returns this layer's output in inference mode, building it first if needed. */
    public final Tensor apply(Tensor inputs) {
        return call(inputs, false);
    }

    /**
     * Records this layer applied to symbolic {@code inputs} (functional API), building it for their shapes,
     * and returns the symbolic output: {@code x = new Dense(64, "relu").apply(inputs)}.
     */
    public KerasTensor apply(KerasTensor... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("Layer \"" + name + "\" (" + typeName() + ") takes one input, got "
                    + inputs.length);
        }
        build(inputs[0].shape());
        return KerasTensor.produced(computeOutputShape(inputs[0].shape()), this, List.of(inputs));
    }

    /**
     * Returns the symbolic output of this layer's first call on symbolic tensors, as Keras's {@code layer.output}:
     * {@code model.layers().get(4).output()} is where a new model can branch off (the book's listing 7.13).
     */
    public final KerasTensor output() {
        if (firstCall == null) {
            throw new IllegalStateException("Layer \"" + name + "\" has not been called on an Input or another"
                    + " layer's output yet, so it has no symbolic output.");
        }
        return firstCall;
    }

    /**
     * Returns the symbolic input of this layer's first call, as Keras's {@code layer.input}; a layer called on several
     * tensors ({@code Concatenate}) has them in {@link #inputs()}.
     */
    public final KerasTensor input() {
        List<KerasTensor> inputs = inputs();
        if (inputs.size() != 1) {
            throw new IllegalStateException("Layer \"" + name + "\" was called on " + inputs.size() + " tensors: use"
                    + " inputs()");
        }
        return inputs.get(0);
    }

    /** Returns the symbolic tensors of this layer's first call, as Keras's {@code layer.input} for a merging layer. */
    public final List<KerasTensor> inputs() {
        return output().inputs();
    }

    /**
     * Keeps {@code output} as this layer's {@link #output()} if it is the first tensor the layer produced; called by
     * {@link KerasTensor} as it is made, and ignored afterwards.
     */
    public final void rememberFirstCall(KerasTensor output) {
        if (firstCall == null && output.layer() == this) {
            firstCall = output;
        }
    }

    /** Returns this layer's output for each of its inputs in a graph; single-input layers take one. */
    public Tensor callAll(List<Tensor> inputs, boolean training) {
        return call(inputs.get(0), training);
    }

    /**
     * Returns this layer's output for each of its inputs in a graph, with each input's {@link Masks mask} (null
     * where it has none); single-input layers take one. Layers of several inputs ignore masks unless they override
     * this.
     */
    public Tensor callAll(List<Tensor> inputs, List<Tensor> masks, boolean training) {
        if (inputs.size() == 1) {
            return callWithMask(inputs.get(0), masks.get(0), training);
        }
        return callAll(inputs, training);
    }

    /** Returns this layer's output; {@code training} switches dropout, augmentation and batch statistics. */
    public final Tensor call(Tensor inputs, boolean training) {
        return callWithMask(inputs, null, training);
    }

    /**
     * Returns this layer's output for {@code inputs} whose steps {@code mask} {@code [batch, steps]} marks as real
     * (1) or padding (0), as Keras's {@code layer(inputs, mask=mask)}; a null mask masks nothing. See {@link Masks}.
     */
    public final Tensor callWithMask(Tensor inputs, Tensor mask, boolean training) {
        if (inputs.rank() == 0) {
            throw new IllegalArgumentException("Layer \"" + name + "\" needs a batch of inputs, got a scalar");
        }
        if (mask != null) {
            Masks.check(this, mask, inputs);
        }
        build(Shapes.withoutBatch(inputs.shape()));
        return forward(inputs, mask, training);
    }

    /** Returns the output for {@code inputs} (with batch); the layer is built. */
    protected abstract Tensor forward(Tensor inputs, boolean training);

    /**
     * Returns the output for {@code inputs} (with batch) and their {@link Masks mask} {@code [batch, steps]}, null
     * when they carry none; the layer is built. This one ignores the mask. A layer that uses masks overrides it as
     * Keras's {@code call(inputs, mask=None)}, and its {@link #forward(Tensor, boolean)} returns
     * {@code forward(inputs, null, training)}.
     */
    protected Tensor forward(Tensor inputs, Tensor mask, boolean training) {
        return forward(inputs, training);
    }

    /**
     * Returns whether the layer hands its input's mask on unchanged, as Keras's {@code supports_masking}: true for
     * layers that work on each step alone (Dense, Dropout, Activation, the normalisations).
     */
    public boolean supportsMasking() {
        return false;
    }

    /**
     * Returns the mask of this layer's output for {@code inputs} (with batch) carrying {@code mask} (null when they
     * carry none), as Keras's {@code compute_mask}: {@code mask} when the layer {@link #supportsMasking()}, else
     * null. Embedding with {@code maskZero} makes one; see {@link Masks}.
     */
    public Tensor computeMask(Tensor inputs, Tensor mask) {
        return supportsMasking() ? mask : null;
    }

    /**
     * Returns the mask of this layer's output for each of its inputs in a graph and their masks (null where they
     * carry none): that of {@link #computeMask(Tensor, Tensor)} for the first input. Add and Concatenate merge them.
     */
    public Tensor computeMask(List<Tensor> inputs, List<Tensor> masks) {
        return computeMask(inputs.get(0), masks.get(0));
    }

    /**
     * Returns whether the layer does anything only in training (dropout, augmentation), for run records; a layer
     * made of layers does when one of them does.
     */
    public boolean activeOnlyInTraining() {
        for (Layer layer : sublayers()) {
            if (layer.activeOnlyInTraining()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Makes this layer's weights part of {@code owner}'s in saved models, before this layer is built: their names
     * start with the owner's ({@code bidirectional/forward_lstm/kernel}), as a saved model lists a layer's weights
     * under its name.
     */
    final void weightsOwnedBy(Layer owner) {
        this.owner = owner.name();
    }

    private Regularizer penaltyOn(String weightName) {
        for (WeightPenalty penalty : regularizers.values()) {
            if (penalty.weightName().equals(weightName)) {
                return penalty.regularizer();
            }
        }
        return null;
    }

    /** Adds a weight created by {@code initializer} with the random generator shared by the whole program. */
    protected final Variable addWeight(String weightName, int[] shape, Initializer initializer, int fanIn,
            int fanOut, boolean trainableWeight) {
        String path = (owner == null ? "" : owner + "/") + name + "/" + weightName;
        WeightBudget.spend(path, shape);
        Tensor initial = initializer.create(shape, fanIn, fanOut, RandomSeed.generator());
        Variable variable = new Variable(path, initial, trainableWeight);
        weights.add(variable);
        weightRegularizers.add(penaltyOn(weightName));
        return variable;
    }

    /**
     * Returns all weights, as Keras's {@code layer.weights}: this layer's own in creation order, then those of the
     * layers it is made of, each once.
     */
    public final List<Variable> weights() {
        if (sublayers().isEmpty()) {
            return Collections.unmodifiableList(weights);
        }
        List<Variable> all = new ArrayList<>(weights);
        for (Layer layer : sublayers()) {
            for (Variable weight : layer.weights()) {
                if (!containsSame(all, weight)) {
                    all.add(weight);
                }
            }
        }
        return Collections.unmodifiableList(all);
    }

    private static boolean containsSame(List<Variable> weights, Variable weight) {
        for (Variable present : weights) {
            if (present == weight) {
                return true;
            }
        }
        return false;
    }

    /** Returns the weights the optimizer updates: none while the layer is frozen. */
    public List<Variable> trainableWeights() {
        List<Variable> result = new ArrayList<>();
        if (trainable()) {
            for (Variable weight : weights) {
                if (weight.trainable()) {
                    result.add(weight);
                }
            }
            for (Layer layer : sublayers()) {
                for (Variable weight : layer.trainableWeights()) {
                    if (!containsSame(result, weight)) {
                        result.add(weight);
                    }
                }
            }
        }
        return result;
    }

    /** Returns the number of weight values, trainable or not, as Keras's {@code count_params()}. */
    public final int countParams() {
        int count = 0;
        for (Variable weight : weights()) {
            count += weight.size();
        }
        return count;
    }

    /** Returns the number of weight values the optimizer updates. */
    public final int countTrainableParams() {
        int count = 0;
        for (Variable weight : trainableWeights()) {
            count += weight.size();
        }
        return count;
    }

    /** Sets every weight, in the order of {@link #weights()}, as Keras's {@code set_weights}. */
    public void setWeights(Tensor... values) {
        if (!built()) {
            throw new IllegalStateException("Layer \"" + name + "\" has no weights yet: build it first by calling it"
                    + " on an input or giving the model an Input");
        }
        List<Variable> all = weights();
        if (values.length != all.size()) {
            throw new IllegalArgumentException("Layer \"" + name + "\" has " + all.size()
                    + " weights, but " + values.length + " values were given");
        }
        for (int i = 0; i < values.length; i++) {
            all.get(i).assign(values[i]);
        }
    }

    /** Returns every weight's current value, as Keras's {@code get_weights}. */
    public final List<Tensor> getWeights() {
        List<Tensor> values = new ArrayList<>();
        for (Variable weight : weights()) {
            values.add(weight.value().detach());
        }
        return values;
    }
}
