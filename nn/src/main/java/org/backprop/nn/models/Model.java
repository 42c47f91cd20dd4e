package org.backprop.nn.models;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.autograd.Gradients;
import org.backprop.nn.callbacks.Callback;
import org.backprop.nn.data.Dataset;
import org.backprop.nn.data.ExampleSource;
import org.backprop.nn.internal.RunInternals;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.layers.LayerNames;
import org.backprop.nn.losses.Loss;
import org.backprop.nn.metrics.Metrics;
import org.backprop.nn.metrics.Metric;
import org.backprop.nn.ops.Ops;
import org.backprop.nn.optim.Optimizer;
import org.backprop.nn.records.ComponentConfig;
import org.backprop.nn.records.RunRecords;
import org.backprop.nn.saving.SavedModels;

/**
 * A model, as Keras's {@code Model}: built from an {@link Input} and the output of the layers called on it
 * (the functional API, {@code new Model(inputs, outputs)}), a {@link Sequential}, or a subclass with its own
 * {@link #call} (below). Offers compile, fit, evaluate, predict, summary and weights. A functional model may have several inputs and outputs ({@code new
 * Model(List.of(title, textBody, tags), List.of(priority, department))}): it is compiled with one loss per output,
 * and fit, evaluate and predict take one array per input and per output, in lists or in maps keyed by name.
 *
 * <p><b>A subclassed model</b> (Deep Learning with Python's {@code CustomerTicketModel(keras.Model)}): call
 * {@link #Model()} or {@link #Model(String)}, create the layers in the constructor and hand each to {@link #track}
 * (as a layer made of layers does, {@link Layer}), wire them in an override of {@link #call(Tensor, boolean)}. As in
 * Keras, the model is built (its layers' weights created) on its first {@link #apply(Tensor)}, {@code fit},
 * {@code evaluate} or {@code predict}, or by {@link #build}, which run {@code call} once on one example of zeros;
 * its summary lists the tracked layers, with output shape {@code ?} before that. It can be called inside a
 * functional model ({@link #apply(KerasTensor)}) and use one inside. It cannot be saved ({@code save} says so): nn
 * rebuilds saved models from their config and never runs a program's code.
 *
 * <p>A subclassed model of several inputs or outputs, the book's listing 7.14 as written, overrides {@link
 * #call(Map, boolean)} instead: it reads its inputs by name ({@code inputs.get("title")}) and returns its outputs,
 * {@code List.of(priority, department)}. {@link #apply(Map)} calls it ({@code priority, department = model({...})});
 * it is compiled with one loss and one list of metrics per output, in the order it returns them, and {@code fit},
 * {@code evaluate} and {@code predict} take the inputs as a map and the targets as a list, as Keras's do. Its outputs
 * have no names, so the logs name them as Keras 3 does: {@code loss}, {@code mean_squared_error_loss}, {@code
 * categorical_crossentropy_loss}, {@code mean_absolute_error}, {@code accuracy}.
 *
 * <p>Not thread-safe.
 */
public class Model {
    private final String name;
    private final Graph graph;
    /** This model as a layer of another: also where its trainable flag lives. */
    private final ModelLayer asLayer;
    /** A subclassed model's example shapes (without batch) once built; null before, and for the others. */
    private int[] calledInputShape;
    private int[] calledOutputShape;
    /**
     * A subclassed model built on arrays by name ({@link #call(Map, boolean)}): their names, sorted as Keras flattens
     * a dict, and shapes (without batch), and how many outputs its call returned; null and 0 for the others.
     */
    private List<String> calledInputNames;
    private List<int[]> calledInputShapes;
    private int calledOutputCount;
    private Optimizer optimizer;
    private Loss loss;
    /** One loss per output, when compiled so ({@code compile(optimizer, List.of(...), ...)}); else null. */
    private OutputLosses outputLosses;
    private final List<Metric> metrics = new ArrayList<>();
    private boolean stopRequested;
    /**
     * Where the default {@link #trainStep} and {@link #testStep} keep their losses and predictions: the epoch of the
     * fit, or the evaluation, under way; null outside them.
     */
    private StepResults compiledResults;

    /** Returns the model that maps {@code inputs} to {@code outputs} through the layers called in between. */
    public Model(Input inputs, KerasTensor outputs) {
        this(inputs, outputs, LayerNames.uniqueModelName("functional"));
    }

    /** Returns the model named {@code name}, as Keras's {@code Model(inputs, outputs, name=...)}. */
    public Model(Input inputs, KerasTensor outputs, String name) {
        this(List.of(inputs), List.of(outputs), name);
    }

    /**
     * Returns the model that maps several inputs to several outputs, as Keras's {@code keras.Model(inputs=[title,
     * text_body, tags], outputs=[priority, department])}. Every input must be an {@link Input}; an output may be any
     * tensor the layers produced, also one inside another model's graph, which then shares those layers and weights
     * (the book's listing 7.13). Outputs are named after the layers that produce them.
     */
    public Model(List<? extends KerasTensor> inputs, List<? extends KerasTensor> outputs) {
        this(inputs, outputs, LayerNames.uniqueModelName("functional"));
    }

    /** Returns the model of several inputs and outputs named {@code name}. */
    public Model(List<? extends KerasTensor> inputs, List<? extends KerasTensor> outputs, String name) {
        this.name = checkName(name);
        this.graph = new Graph(inputs, outputs);
        this.asLayer = new ModelLayer(this);
    }

    /** Returns the model of several inputs and one output. */
    public Model(List<? extends KerasTensor> inputs, KerasTensor output) {
        this(inputs, List.of(output));
    }

    /**
     * For subclasses that route inputs themselves: {@link Sequential}, and a model with its own {@link #call} (see the
     * class comment), named {@code name}.
     */
    protected Model(String name) {
        this.name = checkName(name);
        this.graph = null;
        this.asLayer = new ModelLayer(this);
    }

    /**
     * For a model with its own {@link #call}, named as Keras names it after its class: {@code CustomerTicketModel}
     * is {@code customer_ticket_model}, then {@code customer_ticket_model_1}, …
     */
    protected Model() {
        this.name = LayerNames.uniqueModelName(snakeCase(getClass().getSimpleName()));
        this.graph = null;
        this.asLayer = new ModelLayer(this);
    }

    /** Returns Keras's default name for a class: {@code CustomerTicketModel} → {@code customer_ticket_model}. */
    private static String snakeCase(String className) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < className.length(); i++) {
            char c = className.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                name.append('_');
            }
            name.append(Character.toLowerCase(c));
        }
        // An anonymous class has no simple name.
        return name.length() == 0 ? "model" : name.toString();
    }

    private static String checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a model name must not be empty");
        }
        return name;
    }

    /** Returns the model's name, e.g. {@code "sequential"}. */
    public final String name() {
        return name;
    }

    /**
     * Returns the symbolic input the functional model was built from, as Keras's {@code model.input}; a
     * {@link Sequential} model has none.
     */
    public Input input() {
        checkGraph("input");
        if (graph.inputs().size() != 1) {
            throw new IllegalStateException("Model \"" + name + "\" has " + graph.inputs().size() + " inputs "
                    + graph.inputNames() + ": use inputs()");
        }
        return graph.inputs().get(0);
    }

    /** Returns the symbolic output of the functional model, as Keras's {@code model.output}; a Sequential has none. */
    public KerasTensor output() {
        checkGraph("output");
        if (graph.outputs().size() != 1) {
            throw new IllegalStateException("Model \"" + name + "\" has " + graph.outputs().size() + " outputs "
                    + graph.outputNames() + ": use outputs()");
        }
        return graph.outputs().get(0);
    }

    /** Returns the functional model's symbolic inputs, in order, as Keras's {@code model.inputs}. */
    public List<Input> inputs() {
        checkGraph("inputs");
        return graph.inputs();
    }

    /** Returns the functional model's symbolic outputs, in order, as Keras's {@code model.outputs}. */
    public List<KerasTensor> outputs() {
        checkGraph("outputs");
        return graph.outputs();
    }

    /** Returns the names of the functional model's inputs: the ones given, else {@code input_layer}, … */
    public List<String> inputNames() {
        if (calledByName()) {
            return calledInputNames;
        }
        checkGraph("input names");
        return graph.inputNames();
    }

    /**
     * Returns the names of the functional model's outputs, as Keras's {@code model.output_names}: the names of the
     * layers that produce them, which name their losses and metrics in the logs. A subclassed model built on arrays
     * by name has {@code output_1}, {@code output_2}, … in the order its call returns them (tf.keras's names for
     * them; {@code predict(Map)} keys its outputs so), which its logs do not use: Keras 3 names their losses after
     * the losses, {@code mean_squared_error_loss}.
     */
    public List<String> outputNames() {
        if (calledByName()) {
            return numberedOutputNames(calledOutputCount);
        }
        checkGraph("output names");
        return graph.outputNames();
    }

    /** Returns whether {@code name} stands for one of the model's inputs among {@link #inboundLayerNames}. */
    final boolean isInputName(String name) {
        return graph == null ? Graph.INPUT_NAME.equals(name) : graph.inputNames().contains(name);
    }

    /**
     * Returns whether this is a functional model of more than one input or output, or a subclassed model built on
     * arrays by name: either takes and returns lists of arrays.
     */
    final boolean severalArrays() {
        return graph != null ? graph.inputs().size() > 1 || graph.outputs().size() > 1 : calledByName();
    }

    /** Returns whether this is a subclassed model built on arrays by name, whose call takes a map. */
    private boolean calledByName() {
        return graph == null && calledInputNames != null;
    }

    /**
     * Returns the names the logs give the outputs' losses one by one, before {@code _loss}: those of a multi-output
     * compile (see {@link OutputLosses#logNames}).
     */
    final List<String> lossOutputNames() {
        return outputLosses == null ? List.of() : outputLosses.logNames();
    }

    private List<String> compiledOutputNames() {
        return compiledOutputNames(0);
    }

    /**
     * Returns the names of the outputs to compile: a subclassed model not built yet has as many as {@code losses}
     * the program gives, which its first step checks against what its call returns.
     */
    private List<String> compiledOutputNames(int losses) {
        if (graph != null) {
            return graph.outputNames();
        }
        if (calledByName()) {
            return outputNames();
        }
        if (routesInputsItself() && !built() && losses > 1) {
            return numberedOutputNames(losses);
        }
        List<Layer> layers = layers();
        return List.of(layers.isEmpty() ? "output" : layers.get(layers.size() - 1).name());
    }

    private static List<String> numberedOutputNames(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add("output_" + i);
        }
        return names;
    }

    private void checkGraph(String what) {
        if (graph == null) {
            throw new IllegalStateException("Model \"" + name + "\" routes its inputs in its own call(), so it has no"
                    + " symbolic " + what + "; read its layers()");
        }
    }

    /**
     * Returns the layer named {@code name}, as Keras's {@code model.get_layer(name)}: the book's {@code
     * model.layers[4]} counts the inputs, which {@link #layers()} leaves out, so asking by name is the sure way.
     */
    public final Layer getLayer(String name) {
        List<String> names = new ArrayList<>();
        for (Layer layer : layers()) {
            if (layer.name().equals(name)) {
                return layer;
            }
            names.add(layer.name());
        }
        throw new IllegalArgumentException("Model \"" + this.name + "\" has no layer named \"" + name + "\"; its"
                + " layers are " + names);
    }

    /**
     * Returns the layers in the order inputs reach them; a subclassed model's are those it {@link #track}s, in the
     * order it tracked them.
     */
    public List<Layer> layers() {
        return graph == null ? asLayer.trackedLayers() : graph.layers();
    }

    /**
     * Makes {@code layer} one of this subclassed model's layers, as Keras tracks a model's attributes: its weights
     * are the model's, the optimizer moves them, the summary lists it. Returns {@code layer}, for {@code mixing =
     * track(new Dense(64, "relu"))} in the constructor. The same mechanism as a layer made of layers
     * ({@link Layer}): a model used as a layer holds them.
     */
    protected final <L extends Layer> L track(L layer) {
        if (!routesInputsItself()) {
            throw new IllegalStateException("Model \"" + name + "\" gets its layers from its inputs and outputs;"
                    + " track(...) is for a Model subclass with its own call()");
        }
        return asLayer.trackLayer(layer);
    }

    /** Tracks {@code model} as one layer of this subclassed model (see {@link #track(Layer)}) and returns it. */
    protected final <M extends Model> M track(M model) {
        if (model == null || model == this) {
            throw new IllegalArgumentException("Model \"" + name + "\" cannot track " + (model == null ? "null"
                    : "itself"));
        }
        track(model.asLayer());
        return model;
    }

    /** Returns whether this model wires its layers in its own {@link #call}, as a Keras subclassed model. */
    boolean routesInputsItself() {
        return graph == null;
    }

    /**
     * Builds the model for examples of {@code shape} (without batch), as Keras's {@code model.build}: a subclassed
     * model runs {@link #call} once on one example of zeros in inference mode, so that every layer it calls creates
     * its weights; a functional model is built already and checks the shape. Later builds must agree with the first.
     */
    public void build(int... shape) {
        if (calledByName()) {
            throw new IllegalArgumentException("Model \"" + name + "\" is built for inputs " + calledInputNames
                    + " by name; build(shape) is for a model of one input");
        }
        int[] expected = graph != null ? input().shape() : calledInputShape;
        if (expected != null) {
            if (!Shapes.same(expected, shape)) {
                throw new IllegalArgumentException("Model \"" + name + "\" is built for input of shape "
                        + Shapes.describe(Shapes.withBatch(-1, expected)) + ", but was asked to build for "
                        + Shapes.describe(Shapes.withBatch(-1, shape)));
            }
            return;
        }
        Tensor output = call(Tensor.zeros(Shapes.withBatch(1, shape)), false);
        calledInputShape = shape.clone();
        calledOutputShape = Shapes.withoutBatch(output.shape());
    }

    /** Builds a model not built yet for examples of {@code shape} (without batch), before data reaches it. */
    final void buildIfNeeded(int[] shape) {
        if (!built()) {
            build(shape);
        }
    }

    /**
     * Builds a subclassed model not built yet for the arrays of {@code inputs} (batch first), keyed by input name, as
     * Keras builds it by its first call {@code model({"title": title_data, ...})}: {@link #call(Map, boolean)} runs
     * once on one example of zeros per input, in inference mode. A built one checks that the names and shapes are
     * those it was built for; a functional model checks them as it orders them.
     */
    private void buildIfNeeded(Map<String, Tensor> inputs) {
        if (graph != null) {
            return;
        }
        List<String> names = sortedNames(inputs);
        if (!routesInputsItself()) {
            throw new IllegalArgumentException("Model \"" + name + "\" takes one array, not arrays by name " + names);
        }
        if (built()) {
            if (calledInputNames == null) {
                throw new IllegalArgumentException("Model \"" + name + "\" was built for one input of shape "
                        + Shapes.describe(Shapes.withBatch(-1, calledInputShape)) + ", so it takes one array, not"
                        + " arrays by name " + names);
            }
            if (!calledInputNames.equals(names)) {
                throw new IllegalArgumentException("Model \"" + name + "\" is built for inputs " + calledInputNames
                        + ", but received " + names);
            }
            for (int i = 0; i < names.size(); i++) {
                int[] shape = Shapes.withoutBatch(inputs.get(names.get(i)).shape());
                if (!Shapes.same(calledInputShapes.get(i), shape)) {
                    throw new IllegalArgumentException("Model \"" + name + "\" is built for input \"" + names.get(i)
                            + "\" of shape " + Shapes.describe(Shapes.withBatch(-1, calledInputShapes.get(i)))
                            + ", but received " + Shapes.describe(Shapes.withBatch(-1, shape)));
                }
            }
            return;
        }
        List<int[]> shapes = new ArrayList<>();
        Map<String, Tensor> zeros = new LinkedHashMap<>();
        for (String input : names) {
            int[] shape = Shapes.withoutBatch(inputs.get(input).shape());
            shapes.add(shape);
            zeros.put(input, Tensor.zeros(Shapes.withBatch(1, shape)));
        }
        List<Tensor> outputs = checkedOutputs(call(zeros, false));
        calledInputNames = List.copyOf(names);
        calledInputShapes = shapes;
        calledInputShape = shapes.get(0).clone();
        calledOutputShape = Shapes.withoutBatch(outputs.get(0).shape());
        calledOutputCount = outputs.size();
    }

    /** Returns the names of {@code inputs}, sorted, after checking each names a batch of examples. */
    private List<String> sortedNames(Map<String, Tensor> inputs) {
        if (inputs == null || inputs.isEmpty()) {
            throw new IllegalArgumentException("Model \"" + name + "\" needs at least one array by input name, got "
                    + (inputs == null ? "null" : "none"));
        }
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, Tensor> entry : inputs.entrySet()) {
            if (entry.getKey() == null || entry.getValue() == null || entry.getValue().rank() == 0) {
                throw new IllegalArgumentException("Model \"" + name + "\" needs a batch of examples for each input"
                        + " name, got " + (entry.getKey() == null ? "a null name" : entry.getValue() == null
                        ? "null for \"" + entry.getKey() + "\"" : "a scalar for \"" + entry.getKey() + "\""));
            }
            names.add(entry.getKey());
        }
        return new ArrayList<>(new TreeSet<>(names));
    }

    /**
     * Returns what a subclassed model's {@link #call(Map, boolean)} returned, or says what it should have returned;
     * once built, it must return as many outputs as when it was built.
     */
    private List<Tensor> checkedOutputs(List<Tensor> outputs) {
        boolean nullOutput = false;
        for (int i = 0; outputs != null && i < outputs.size(); i++) {
            nullOutput |= outputs.get(i) == null;
        }
        if (outputs == null || outputs.isEmpty() || nullOutput) {
            throw new IllegalStateException("call(Map<String, Tensor> inputs, boolean training) of model \"" + name
                    + "\" returned " + (outputs == null ? "null" : outputs.isEmpty() ? "no outputs" : "a null output")
                    + ": return its outputs, e.g. List.of(priority, department)");
        }
        if (calledOutputCount > 0 && outputs.size() != calledOutputCount) {
            throw new IllegalStateException("call(Map<String, Tensor> inputs, boolean training) of model \"" + name
                    + "\" returned " + outputs.size() + " outputs, but " + calledOutputCount + " when it was built");
        }
        return List.copyOf(outputs);
    }

    /**
     * Returns the model's output for a batch; {@code training} switches dropout, augmentation, batch statistics. A
     * subclassed model overrides it to call its layers, as Keras's {@code call(self, inputs, training=False)}.
     */
    public Tensor call(Tensor inputs, boolean training) {
        if (graph == null) {
            throw new IllegalStateException("Model \"" + name + "\" has no layers wired from an Input: override"
                    + " call(Tensor inputs, boolean training) to call its layers, or build it with new"
                    + " Model(inputs, outputs)");
        }
        return runGraph(inputs, null, training).output();
    }

    /**
     * Returns the model's output for a batch whose steps {@code mask} marks (null: none) and the mask of that output,
     * as Keras runs a model called as a layer with a mask (see {@link org.backprop.nn.layers.Masks}). A subclass's
     * call takes no mask and its output carries none, as in Keras by default; it runs as written, since it may do
     * more than its graph.
     */
    MaskedOutput callWithMask(Tensor inputs, Tensor mask, boolean training) {
        if (!carriesMasks()) {
            return new MaskedOutput(call(inputs, training), null);
        }
        return runGraph(inputs, mask, training);
    }

    /** Returns whether a mask goes through this model to its layers and out of it: not through a subclass's call. */
    boolean carriesMasks() {
        return graph != null && getClass() == Model.class;
    }

    private MaskedOutput runGraph(Tensor inputs, Tensor mask, boolean training) {
        if (severalArrays()) {
            throw new IllegalArgumentException("Model \"" + name + "\" has inputs " + graph.inputNames()
                    + " and outputs " + graph.outputNames() + ": call(List.of(...), training) takes one batch per"
                    + " input and returns one per output");
        }
        graph.checkInputs(name, List.of(inputs));
        return graph.run(inputs, mask, training);
    }

    /**
     * Returns the model's outputs, one batch per output, for one batch per input (in the order of {@link #inputs()}),
     * as Keras's {@code model([title, text_body, tags])}. A model of one input and output takes a list of one.
     */
    public List<Tensor> call(List<Tensor> inputs, boolean training) {
        if (calledByName()) {
            if (inputs == null || inputs.size() != calledInputNames.size()) {
                throw new IllegalArgumentException("Model \"" + name + "\" has inputs " + calledInputNames
                        + ", but received " + (inputs == null ? "null" : inputs.size() + " arrays"));
            }
            Map<String, Tensor> byName = new LinkedHashMap<>();
            for (int i = 0; i < inputs.size(); i++) {
                byName.put(calledInputNames.get(i), inputs.get(i));
            }
            return checkedOutputs(call(byName, training));
        }
        if (!severalArrays()) {
            if (inputs == null || inputs.size() != 1) {
                throw new IllegalArgumentException("Model \"" + name + "\" has one input, but received "
                        + (inputs == null ? "null" : inputs.size() + " arrays"));
            }
            return List.of(call(inputs.get(0), training));
        }
        graph.checkInputs(name, inputs);
        return graph.run(inputs, training);
    }

    /**
     * Returns the model's outputs, one batch per output, for batches keyed by input name, as Keras's {@code
     * call(self, inputs)} receives the book's {@code {"title": title_data, "text_body": text_body_data, "tags":
     * tags_data}}. A subclassed model of several inputs or outputs overrides this one, as listing 7.14's {@code
     * CustomerTicketModel}: {@code inputs.get("title")}, …, its layers called on them, {@code return
     * List.of(priority, department)}. It is built by its first {@link #apply(Map)}, or the first {@code fit},
     * {@code evaluate} or {@code predict} given arrays by name, which then pass the arrays by the same names; its
     * outputs are compiled with a list of losses (and of metrics), in the order it returns them. A functional model
     * runs its graph on the inputs named so.
     */
    public List<Tensor> call(Map<String, Tensor> inputs, boolean training) {
        if (graph != null) {
            return call(byInputName(inputs), training);
        }
        String names = inputs == null ? "null" : new TreeSet<>(inputs.keySet()).toString();
        if (!routesInputsItself()) {
            throw new IllegalArgumentException("Model \"" + name + "\" takes one array, not arrays by name " + names);
        }
        throw new IllegalStateException("Model \"" + name + "\" was called on arrays by name " + names + ": override"
                + " call(Map<String, Tensor> inputs, boolean training) to call its layers on them and return its"
                + " outputs, e.g. List.of(priority, department)");
    }

    /**
     * Records this model applied to symbolic {@code inputs} inside another functional model, as Keras's
     * {@code x = conv_base(x)}: the outer model gets one layer, named and typed as this model, holding all its
     * weights (see {@link #asLayer()}). A Sequential that has not seen data yet is built for the inputs' shape.
     */
    public final KerasTensor apply(KerasTensor inputs) {
        return asLayer().apply(inputs);
    }

    /** Returns the model's output for {@code inputs} in inference mode, as Keras's {@code model(x)}. */
    public final Tensor apply(Tensor inputs) {
        buildIfNeeded(Shapes.withoutBatch(inputs.shape()));
        return call(inputs, false);
    }

    /**
     * Returns the model's outputs, one per output, for batches keyed by input name, in inference mode, as the book's
     * {@code priority, department = model({"title": title_data, "text_body": text_body_data, "tags": tags_data})};
     * the first call builds a subclassed model (see {@link #call(Map, boolean)}).
     */
    public final List<Tensor> apply(Map<String, Tensor> inputs) {
        if (graph != null) {
            return call(byInputName(inputs), false);
        }
        buildIfNeeded(inputs);
        return checkedOutputs(call(inputs, false));
    }

    /**
     * Returns this model as a layer, for where a {@link Layer} is wanted: {@code new Sequential(convBase.asLayer(),
     * new Flatten(), new Dense(1, "sigmoid"))}, as Keras puts a model in a Sequential. The layer is this model: its
     * weights are the model's, freezing it freezes the model; a summary shows it as one row ({@code vgg16
     * (Functional)}) with all its parameters. Always the same layer for one model.
     */
    public final Layer asLayer() {
        if (severalArrays()) {
            throw new IllegalStateException("Model \"" + name + "\" has inputs " + inputNames() + " and outputs "
                    + outputNames() + ": nn uses only models of one input and one output as layers. Build"
                    + " the larger model from this one's layers instead, e.g. from model.outputs().");
        }
        return asLayer;
    }

    /** Returns whether the optimizer updates the model's weights; see {@link #setTrainable}. */
    public final boolean trainable() {
        return asLayer.trainable();
    }

    /**
     * Freezes or unfreezes every layer of the model, as Keras's {@code conv_base.trainable = False}; unfreeze single
     * layers afterwards for fine-tuning. A frozen BatchNormalization runs in inference mode, as in Keras.
     */
    public final void setTrainable(boolean trainable) {
        asLayer.setTrainable(trainable);
    }

    /** Returns the input shape (without batch) the model is built for. */
    int[] builtInputShape() {
        return graph == null ? calledShape(calledInputShape) : input().shape();
    }

    /** Returns the output shape (without batch) of the built model. */
    int[] builtOutputShape() {
        return graph == null ? calledShape(calledOutputShape) : output().shape();
    }

    private int[] calledShape(int[] shape) {
        if (shape == null) {
            throw new IllegalStateException("Model \"" + name + "\" is not built yet: call it on data, or build(shape)");
        }
        return shape.clone();
    }

    /**
     * Returns whether every layer has its weights; a functional model is built when it is made, a subclassed one by
     * its first call ({@link #build}).
     */
    public boolean built() {
        return graph != null || calledInputShape != null;
    }

    /**
     * Returns the output shape (without batch) of each layer, in the order of {@link #layers()}; the model must be
     * built. A subclassed model's layer that its call has not built yet has null, shown as {@code ?} in summaries.
     */
    public List<int[]> layerOutputShapes() {
        return graph == null ? ModelLayer.outputShapesOf(layers()) : graph.layerOutputShapes();
    }

    /**
     * Returns the names of the layers whose outputs {@code layer} takes, {@code input_layer} standing for the
     * model's input, as the "Connected to" column of Keras's summary; none for a subclassed model, whose call Keras
     * does not trace either.
     */
    public List<String> inboundLayerNames(Layer layer) {
        if (graph == null) {
            if (!layers().contains(layer)) {
                throw new IllegalArgumentException("layer \"" + layer.name() + "\" is not in model \"" + name + "\"");
            }
            return List.of();
        }
        return graph.inboundLayerNames(layer);
    }

    /** Returns whether the summary shows the input as a layer and who is connected to whom (functional models). */
    boolean summarizesConnections() {
        return graph != null;
    }

    /**
     * Sets the optimizer, loss and metrics by their Keras names, as Keras's {@code compile}: {@code compile("rmsprop",
     * "binary_crossentropy", "accuracy")}. Each metric is a name ({@code "accuracy"}, {@code "mae"}, …) or a
     * {@link Metric} ({@code new Precision()}), in any mix; a list of them counts as its elements.
     */
    public final void compile(String optimizer, String loss, Object... metrics) {
        compile(Optimizer.byName(optimizer), Loss.byName(loss), metrics);
    }

    /** Sets the optimizer by its Keras name, the loss and the metrics (names or {@link Metric}s). */
    public final void compile(String optimizer, Loss loss, Object... metrics) {
        compile(Optimizer.byName(optimizer), loss, metrics);
    }

    /** Sets the optimizer, the loss by its Keras name and the metrics (names or {@link Metric}s). */
    public final void compile(Optimizer optimizer, String loss, Object... metrics) {
        compile(optimizer, Loss.byName(loss), metrics);
    }

    /**
     * Sets only the optimizer, as Keras's {@code vae.compile(optimizer=keras.optimizers.Adam())}: for a model whose
     * {@link #trainStep} computes its own loss and logs it through {@link org.backprop.nn.metrics.Mean} trackers.
     * Such a model evaluates and validates only through a {@link #testStep} of its own; its run record names the
     * loss {@code custom_train_step}.
     */
    public final void compile(Optimizer optimizer) {
        if (optimizer == null) {
            throw new IllegalArgumentException("compile needs an optimizer, got null");
        }
        this.optimizer = optimizer;
        this.loss = null;
        this.outputLosses = null;
        this.metrics.clear();
    }

    /** Sets only the optimizer, by its Keras name: {@code compile("adam")}; see {@link #compile(Optimizer)}. */
    public final void compile(String optimizer) {
        compile(Optimizer.byName(optimizer));
    }

    /** Sets the optimizer, loss and metrics (names or {@link Metric}s, in any mix). */
    public final void compile(Optimizer optimizer, Loss loss, Object... metrics) {
        if (optimizer == null || loss == null) {
            throw new IllegalArgumentException("compile needs an optimizer and a loss, got " + optimizer + " and "
                    + loss);
        }
        List<Metric> resolved = new ArrayList<>();
        for (Object metric : metrics) {
            addMetric(resolved, metric, loss);
        }
        this.optimizer = optimizer;
        this.loss = loss;
        this.outputLosses = null;
        this.metrics.clear();
        this.metrics.addAll(resolved);
    }

    /**
     * Sets the optimizer by its Keras name and one loss per output, with each output's metrics, as the book's
     * {@code compile(optimizer="rmsprop", loss=["mean_squared_error", "categorical_crossentropy"],
     * metrics=[["mean_absolute_error"], ["accuracy"]])}: {@code compile("rmsprop", List.of("mean_squared_error",
     * "categorical_crossentropy"), List.of(List.of("mean_absolute_error"), List.of("accuracy")))}. Losses are names or
     * {@link Loss} objects in the order of {@link #outputs()}; each metrics entry is a name, a {@link Metric} or a
     * list of them (an empty list for none). The model minimizes the sum of the outputs' losses; the logs have
     * {@code loss}, each {@code <output>_loss} and each {@code <output>_<metric>}, e.g. {@code department_accuracy}.
     */
    public final void compile(String optimizer, List<?> losses, List<?> metrics) {
        compile(Optimizer.byName(optimizer), losses, metrics, null);
    }

    /** Sets the optimizer, one loss per output and each output's metrics; see {@link #compile(String, List, List)}. */
    public final void compile(Optimizer optimizer, List<?> losses, List<?> metrics) {
        compile(optimizer, losses, metrics, null);
    }

    /**
     * Sets the optimizer, one loss per output, each output's metrics and the outputs' loss weights, as Keras's
     * {@code loss_weights=[1.0, 0.2]}: the model minimizes each output's loss times its weight, summed.
     */
    public final void compile(Optimizer optimizer, List<?> losses, List<?> metrics, List<? extends Number> lossWeights) {
        compileOutputs(optimizer, OutputLosses.of(compiledOutputNames(losses == null ? 0 : losses.size()), losses,
                metrics, lossWeights, !routesInputsItself()));
    }

    /**
     * Sets the optimizer by its Keras name, and the losses and metrics keyed by output name, as the book's {@code
     * compile(loss={"priority": "mean_squared_error", "department": "categorical_crossentropy"}, metrics=
     * {"priority": ["mean_absolute_error"], "department": ["accuracy"]})}. Every output needs a loss; an output
     * missing from {@code metrics} has none.
     */
    public final void compile(String optimizer, Map<String, ?> losses, Map<String, ?> metrics) {
        compile(Optimizer.byName(optimizer), losses, metrics, null);
    }

    /** Sets the optimizer, and the losses and metrics keyed by output name. */
    public final void compile(Optimizer optimizer, Map<String, ?> losses, Map<String, ?> metrics) {
        compile(optimizer, losses, metrics, null);
    }

    /** Sets the optimizer, and the losses, metrics and loss weights (1 for an output left out) keyed by output name. */
    public final void compile(Optimizer optimizer, Map<String, ?> losses, Map<String, ?> metrics,
            Map<String, ? extends Number> lossWeights) {
        if (routesInputsItself() && (severalArrays() || losses == null || losses.size() > 1)) {
            throw new IllegalArgumentException("Model \"" + name + "\" returns its outputs from its own call(), so"
                    + " they have no names to key losses by: compile it with lists, one loss (and one list of"
                    + " metrics) per output in the order call returns them");
        }
        compileOutputs(optimizer, OutputLosses.of(compiledOutputNames(), losses, metrics, lossWeights));
    }

    private void compileOutputs(Optimizer optimizer, OutputLosses outputs) {
        if (optimizer == null) {
            throw new IllegalArgumentException("compile needs an optimizer, got null");
        }
        this.optimizer = optimizer;
        this.loss = null;
        this.outputLosses = outputs;
        this.metrics.clear();
        this.metrics.addAll(outputs.metrics());
    }

    /** Returns the names of the losses the logs list: none for a model with a step of its own. */
    final List<String> compiledLossNames() {
        if (loss == null && outputLosses == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>(List.of("loss"));
        for (String output : lossOutputNames()) {
            names.add(output + "_loss");
        }
        return names;
    }

    /** Returns how the run record describes the compiled loss. */
    final ComponentConfig compiledLossRecord() {
        return outputLosses != null ? outputLosses.record() : RunRecords.loss(loss);
    }

    /** Adds {@code metric} (a name, a {@link Metric} or a list of them) to {@code resolved}, for {@code loss}. */
    static void addMetric(List<Metric> resolved, Object metric, Loss loss) {
        if (metric instanceof String metricName) {
            resolved.add(Metrics.byName(metricName, loss.name()));
        } else if (metric instanceof Metric object) {
            resolved.add(object);
        } else if (metric instanceof Iterable<?> list) {
            for (Object element : list) {
                addMetric(resolved, element, loss);
            }
        } else {
            throw new IllegalArgumentException("metrics must be metric names (\"accuracy\") or Metric objects (new"
                    + " BinaryAccuracy()), got " + (metric == null ? "null" : metric.getClass().getSimpleName() + " "
                    + metric));
        }
    }

    /** Trains on {@code x} and {@code y} with Keras's defaults: one epoch, batches of 32, shuffled. */
    public final History fit(Tensor x, Tensor y) {
        return fit(x, y, FitOptions.defaults());
    }

    /** Trains on {@code data} with Keras's defaults: one epoch, batches of 32, shuffled. */
    public final History fit(ExampleSource data) {
        return fit(data, FitOptions.defaults());
    }

    /**
     * Trains on unlabelled {@code x}, as the book's {@code vae.fit(mnist_digits, epochs=30, batch_size=128)}: for a
     * model whose {@link #trainStep} reads only the batch's features (each batch's labels are its features).
     */
    public final History fit(Tensor x, FitOptions options) {
        return fit(Dataset.of(x, x), options);
    }

    /** Trains on {@code x} and {@code y} (examples along the first axis) and returns the per-epoch history. */
    public final History fit(Tensor x, Tensor y, FitOptions options) {
        checkSameBatch(x, y);
        return fit(Dataset.of(x, y), options);
    }

    /**
     * Trains a model of several inputs and outputs with Keras's defaults, as the book's {@code model.fit([title_data,
     * text_body_data, tags_data], [priority_data, department_data])}: one array per input and one per output, in the
     * order of {@link #inputs()} and {@link #outputs()}, all with the same examples along the first axis.
     */
    public final History fit(List<Tensor> x, List<Tensor> y) {
        return fit(x, y, FitOptions.defaults());
    }

    /**
     * Trains on one array per input and per output; shuffling, batches and the validation split keep each example's
     * rows of every array together. {@code options.validationData} takes {@code Dataset.of(List, List)}.
     */
    public final History fit(List<Tensor> x, List<Tensor> y, FitOptions options) {
        return fit(arrays(x, y), options);
    }

    /**
     * Trains on arrays keyed by input and output name, as the book's {@code model.fit({"title": title_data, ...},
     * {"priority": priority_data, ...})}.
     */
    public final History fit(Map<String, Tensor> x, Map<String, Tensor> y) {
        return fit(x, y, FitOptions.defaults());
    }

    /** Trains on arrays keyed by input and output name. */
    public final History fit(Map<String, Tensor> x, Map<String, Tensor> y, FitOptions options) {
        return fit(byInputName(x), byOutputName(y), options);
    }

    /**
     * Trains on arrays keyed by input name and one target array per output, as the book's subclassed {@code
     * model.fit({"title": title_data, "text_body": text_body_data, "tags": tags_data}, [priority_data,
     * department_data])}, with Keras's defaults; a subclassed model not built yet is built for them first.
     */
    public final History fit(Map<String, Tensor> x, List<Tensor> y) {
        return fit(x, y, FitOptions.defaults());
    }

    /** Trains on arrays keyed by input name and one target array per output, in the order of the outputs. */
    public final History fit(Map<String, Tensor> x, List<Tensor> y, FitOptions options) {
        return fit(byInputName(x), y, options);
    }

    /**
     * Returns the arrays as one dataset whose rows stay together, after checking there is one per input and per
     * output; a model of one input and output takes lists of one.
     */
    private Dataset arrays(List<Tensor> x, List<Tensor> y) {
        boolean named = graph != null || calledByName();
        int inputs = named ? inputNames().size() : 1;
        if (x == null || x.size() != inputs) {
            throw new IllegalArgumentException("Model \"" + name + "\" has " + inputs + " input" + (inputs == 1 ? ""
                    : "s") + (named ? " " + inputNames() : "") + ", but x holds " + (x == null ? "null"
                    : x.size() + " array" + (x.size() == 1 ? "" : "s")));
        }
        int outputs = named ? outputNames().size() : 1;
        if (y == null || y.size() != outputs) {
            throw new IllegalArgumentException("Model \"" + name + "\" has " + outputs + " output" + (outputs == 1
                    ? "" : "s") + (named ? " " + outputNames() : "") + ", but y holds " + (y == null
                    ? "null" : y.size() + " array" + (y.size() == 1 ? "" : "s")));
        }
        return Dataset.of(x, y);
    }

    /** Returns the arrays of {@code x} in the order of the inputs; a subclassed model is built for them first. */
    private List<Tensor> byInputName(Map<String, Tensor> x) {
        buildIfNeeded(x);
        return inOrder(x, inputNames(), "input", "x");
    }

    private List<Tensor> byOutputName(Map<String, Tensor> y) {
        return inOrder(y, outputNames(), "output", "y");
    }

    /** Returns the arrays of {@code byName} in the order of {@code names}, refusing a name that is not one of them. */
    private List<Tensor> inOrder(Map<String, Tensor> byName, List<String> names, String what, String argument) {
        if (byName == null) {
            throw new IllegalArgumentException(argument + " must map each " + what + " " + names + " to an array, got"
                    + " null");
        }
        for (String key : byName.keySet()) {
            if (!names.contains(key)) {
                throw new IllegalArgumentException(argument + " names \"" + key + "\", which is not an " + what
                        + " of model \"" + name + "\"; its " + what + "s are " + names);
            }
        }
        List<Tensor> ordered = new ArrayList<>();
        for (String key : names) {
            Tensor array = byName.get(key);
            if (array == null) {
                throw new IllegalArgumentException(argument + " has no array for " + what + " \"" + key + "\": give"
                        + " one for each of " + names);
            }
            ordered.add(array);
        }
        return ordered;
    }

    /**
     * Trains on {@code data} (arrays in a {@link Dataset}, or a split from {@code Datasets.load}) and returns the per-epoch history, whose {@link History#runRecord()} records the
     * run. A loss that becomes NaN or infinite stops training with a {@link TrainingDivergedException}; a lost
     * GPU device stops it with a {@link org.backprop.nn.backend.DeviceLostException}. Both carry the run record.
     */
    public final History fit(ExampleSource data, FitOptions options) {
        checkCompiled("fit");
        stopRequested = false;
        try {
            return new FitLoop(this, optimizer, metrics, options).run(data);
        } finally {
            compiledResults = null;
        }
    }

    /**
     * Trains on one batch and returns the trackers whose results {@code fit} logs, as overriding Keras's
     * {@code train_step}. {@code fit} calls it once per batch, with the batch's {@code features()} ({@code [batch,
     * ...]}) and {@code labels()}; the epochs, shuffling, callbacks, progress, history and run record stay
     * {@code fit}'s. An override computes a loss with the model's forward ({@code call(x, true)}), takes its
     * gradients ({@link org.backprop.nn.autograd.Gradients#ofWeights}), applies them ({@code
     * optimizer().applyGradients(grads, trainableWeights())}), updates its {@link org.backprop.nn.metrics.Mean}
     * trackers and returns them, the book's {@code return {m.name: m.result() for m in self.metrics}}: the logs are
     * each tracker's name and {@link Metric#result()}, read when an epoch ends or progress is reported. {@code fit}
     * resets {@link #metrics()} (and the trackers its steps returned) as each epoch begins.
     *
     * <p>The default step is the compiled one: the loss of {@code compile} on the model's predictions, one
     * optimizer step, the loss and compiled metrics logged. It returns no trackers, since {@code fit} keeps those
     * logs itself.
     */
    protected List<Metric> trainStep(Dataset batch) {
        checkCompiledStep("trainStep", "fit");
        Tensor lossValue = compiledLoss(batch, true);
        List<Variable> weights = trainableWeights();
        optimizer.apply(weights, Gradients.ofWeights(lossValue, weights));
        return List.of();
    }

    /**
     * Scores one batch in inference mode and returns the trackers whose results {@code evaluate} (and {@code fit}'s
     * validation, as {@code val_} logs) reports, as overriding Keras's {@code test_step}. {@code evaluate} resets
     * {@link #metrics()} before its first batch. The default is the compiled loss and metrics on the model's
     * predictions, which {@code evaluate} logs itself.
     */
    protected List<Metric> testStep(Dataset batch) {
        checkCompiledStep("testStep", "evaluate");
        compiledLoss(batch, false);
        return List.of();
    }

    /**
     * Returns the compiled loss of the model's predictions for {@code batch}, keeping the step's losses, labels and
     * predictions for the logs. A model of several inputs or outputs reads the batch's arrays one per input and per
     * output; with one loss per output, the loss is their weighted sum. Every penalty of {@link #losses()} is added,
     * as Keras 3's {@code Trainer.compute_loss}, which both {@code train_step} and {@code test_step} call: the logged
     * {@code loss} and {@code val_loss} include the regularizers' penalties (keras/src/trainers/trainer.py, "for loss
     * in self.losses").
     */
    private Tensor compiledLoss(Dataset batch, boolean training) {
        if (!severalArrays() && outputLosses == null) {
            Tensor predictions = call(batch.features(), training);
            Tensor lossValue = withPenalties(loss.call(batch.labels(), predictions));
            compiledResults.add(lossValue, batch.labels(), predictions);
            return lossValue;
        }
        List<Tensor> predictions = call(batch.featureList(), training);
        List<Tensor> labels = batch.labelList();
        if (labels.size() != predictions.size()) {
            throw new IllegalArgumentException("Model \"" + name + "\" has " + predictions.size() + " output"
                    + (predictions.size() == 1 ? "" : "s") + " " + compiledOutputNames() + ", but the data holds "
                    + labels.size() + " target array" + (labels.size() == 1 ? "" : "s") + ": give one per output");
        }
        if (outputLosses != null && outputLosses.size() != predictions.size()) {
            throw new IllegalStateException("Model \"" + name + "\" was compiled with " + outputLosses.size()
                    + " losses, one per output, but it returns " + predictions.size() + " output"
                    + (predictions.size() == 1 ? "" : "s") + ": compile it with one loss per output");
        }
        if (outputLosses == null) {
            if (predictions.size() != 1) {
                throw new IllegalStateException("Model \"" + name + "\" has outputs " + compiledOutputNames()
                        + ": compile it with one loss per output, compile(optimizer, List.of(loss, ...), metrics)");
            }
            Tensor lossValue = withPenalties(loss.call(labels.get(0), predictions.get(0)));
            compiledResults.add(lossValue, List.of(), labels, predictions);
            return lossValue;
        }
        List<Tensor> perOutput = outputLosses.perOutput(labels, predictions);
        Tensor total = withPenalties(outputLosses.total(perOutput));
        compiledResults.add(total, outputLosses.size() < 2 ? List.of() : perOutput, labels, predictions);
        return total;
    }

    /** Returns {@code dataLoss} plus every penalty of {@link #losses()}. */
    private Tensor withPenalties(Tensor dataLoss) {
        List<Tensor> penalties = losses();
        return penalties.isEmpty() ? dataLoss : Ops.add(dataLoss, Ops.addN(penalties));
    }

    /**
     * Returns the penalties training adds to the compiled loss, as Keras's {@code model.losses}: every regularizer of
     * every layer applied to its weight (layers inside nested models and layers made of layers included; frozen ones
     * left out), each a scalar {@code []} whose gradients reach the weights. A custom {@link #trainStep} adds them to
     * its loss, the book's {@code loss += sum(model.losses)}: {@code loss = loss.add(Ops.addN(losses()))}.
     */
    public final List<Tensor> losses() {
        return asLayer.losses();
    }

    private void checkCompiledStep(String step, String caller) {
        if (compiledResults == null) {
            throw new IllegalStateException(step + " is " + caller + "'s to call, once per batch; call " + caller
                    + "(...).");
        }
        if (loss == null && outputLosses == null) {
            throw new IllegalStateException("Model \"" + name + "\" was compiled without a loss: compile(optimizer,"
                    + " loss, metrics...), or override " + step + " to compute the loss yourself.");
        }
    }

    /** Makes the default steps keep their results in {@code results} (null: none may run); returns the previous. */
    final StepResults keepCompiledResultsIn(StepResults results) {
        StepResults previous = compiledResults;
        compiledResults = results;
        return previous;
    }

    /** Returns what a step returned, or says what it should have returned. */
    final List<Metric> checkedTrackers(List<Metric> returned, String step) {
        if (returned == null) {
            throw new IllegalStateException(step + " of model \"" + name + "\" returned null: return the trackers to"
                    + " log, e.g. metrics(), or List.of() for none.");
        }
        return List.copyOf(returned);
    }

    /**
     * Returns the metrics {@code fit} resets as each epoch begins, as Keras's {@code model.metrics}: by default the
     * compiled ones. A model with a custom {@link #trainStep} overrides it to list its trackers, as the book's
     * {@code @property def metrics(self)}.
     */
    public List<Metric> metrics() {
        return Collections.unmodifiableList(metrics);
    }

    /** Asks {@code fit} to stop after the current epoch, as Keras's {@code model.stop_training = True}. */
    public final void stopTraining() {
        stopRequested = true;
    }

    final boolean stopRequested() {
        return stopRequested;
    }

    /** Returns the optimizer set by {@code compile}. */
    public final Optimizer optimizer() {
        checkCompiled("optimizer");
        return optimizer;
    }

    /** Returns the loss and metrics on {@code x} and {@code y}, in inference mode, by name, in batches of 32. */
    public final Map<String, Double> evaluate(Tensor x, Tensor y) {
        return evaluate(x, y, 32);
    }

    /**
     * Returns the loss and metrics on {@code x} and {@code y}, computed in batches of {@code batchSize}; the
     * callbacks hear each batch ({@link Callback#onTestBatchEnd}).
     */
    public final Map<String, Double> evaluate(Tensor x, Tensor y, int batchSize, Callback... callbacks) {
        checkSameBatch(x, y);
        return evaluate(Dataset.of(x, y), batchSize, callbacks);
    }

    /**
     * Returns the loss and metrics of a model of several inputs and outputs, as the book's {@code
     * model.evaluate([title_data, text_body_data, tags_data], [priority_data, department_data])}, in batches of 32.
     */
    public final Map<String, Double> evaluate(List<Tensor> x, List<Tensor> y) {
        return evaluate(x, y, 32);
    }

    /** Returns the loss and metrics on one array per input and per output, in batches of {@code batchSize}. */
    public final Map<String, Double> evaluate(List<Tensor> x, List<Tensor> y, int batchSize, Callback... callbacks) {
        return evaluate(arrays(x, y), batchSize, callbacks);
    }

    /** Returns the loss and metrics on arrays keyed by input and output name, in batches of 32. */
    public final Map<String, Double> evaluate(Map<String, Tensor> x, Map<String, Tensor> y) {
        return evaluate(byInputName(x), byOutputName(y), 32);
    }

    /**
     * Returns the loss and metrics on arrays keyed by input name and one target array per output, as the book's
     * subclassed {@code model.evaluate({"title": title_data, ...}, [priority_data, department_data])}; batches of 32.
     */
    public final Map<String, Double> evaluate(Map<String, Tensor> x, List<Tensor> y) {
        return evaluate(byInputName(x), y, 32);
    }

    /** Returns the loss and metrics on {@code data}, in inference mode, in batches of 32. */
    public final Map<String, Double> evaluate(ExampleSource data) {
        return evaluate(data, 32);
    }

    /**
     * Returns the loss and metrics on {@code data} (arrays in a {@link Dataset}, or a split from
     * {@code Datasets.load}), in inference mode, computed in batches of {@code batchSize}; the callbacks hear each
     * batch, and in the browser a progress bar shows them.
     */
    public final Map<String, Double> evaluate(ExampleSource data, int batchSize, Callback... callbacks) {
        checkCompiled("evaluate");
        if (!built()) {
            build(data.featureShape());
        }
        return Inference.evaluate(this, metrics, data, batchSize,
                InferenceProgress.of(this, InferenceProgress.Kind.EVALUATE, List.of(callbacks), RunInternals.observer()));
    }

    /** Returns the loss and metrics on {@code data} without telling anyone: a fit's validation. */
    final Map<String, Double> validate(ExampleSource data, int batchSize) {
        return Inference.evaluate(this, metrics, data, batchSize, InferenceProgress.SILENT);
    }

    /** Returns the model's outputs for {@code x} in inference mode, computed in batches of 32. */
    public final Tensor predict(Tensor x) {
        return predict(x, 32);
    }

    /**
     * Returns the model's outputs for {@code x} (examples along the first axis) in inference mode, in batches of
     * {@code batchSize}; the callbacks hear each batch ({@link Callback#onPredictBatchEnd}), and in the browser a
     * progress bar shows them.
     */
    public final Tensor predict(Tensor x, int batchSize, Callback... callbacks) {
        buildIfNeeded(Shapes.withoutBatch(x.shape()));
        return onlyOutput(Inference.predict(this, List.of(x), batchSize, predictProgress(callbacks)));
    }

    private Tensor onlyOutput(List<Tensor> outputs) {
        if (outputs.size() != 1) {
            throw new IllegalArgumentException("Model \"" + name + "\" has outputs " + outputNames() + ": predict(List"
                    + ".of(...)) returns one array per output");
        }
        return outputs.get(0);
    }

    /**
     * Returns the outputs of a model of several inputs and outputs, one array per output in the order of {@link
     * #outputs()}, for one array per input, as the book's {@code priority_preds, department_preds =
     * model.predict([title_data, text_body_data, tags_data])}; in batches of 32.
     */
    public final List<Tensor> predict(List<Tensor> x) {
        return predict(x, 32);
    }

    /** Returns the outputs, one array per output, for one array per input, in batches of {@code batchSize}. */
    public final List<Tensor> predict(List<Tensor> x, int batchSize, Callback... callbacks) {
        if (x == null || x.isEmpty()) {
            throw new IllegalArgumentException("predict needs one array per input, got " + (x == null ? "null"
                    : "none"));
        }
        return Inference.predict(this, x, batchSize, predictProgress(callbacks));
    }

    /**
     * Returns the outputs keyed by output name for arrays keyed by input name, as Keras's {@code
     * model.predict({"title": title_data, ...})}; in batches of 32.
     */
    public final Map<String, Tensor> predict(Map<String, Tensor> x) {
        List<Tensor> outputs = predict(byInputName(x));
        Map<String, Tensor> byName = new LinkedHashMap<>();
        for (int i = 0; i < outputs.size(); i++) {
            byName.put(outputNames().get(i), outputs.get(i));
        }
        return byName;
    }

    /** Returns the model's outputs for the features of {@code data} (its labels are not read), in batches of 32. */
    public final Tensor predict(ExampleSource data) {
        return predict(data, 32);
    }

    /** Returns the model's outputs for the features of {@code data}, in batches of {@code batchSize}. */
    public final Tensor predict(ExampleSource data, int batchSize, Callback... callbacks) {
        if (!built()) {
            build(data.featureShape());
        }
        return onlyOutput(Inference.predict(this, data, batchSize, predictProgress(callbacks)));
    }

    /** Returns the model's outputs for {@code x} without telling anyone: the run record's confusion matrix. */
    final Tensor predictSilently(Tensor x) {
        return Inference.predict(this, x, 32, InferenceProgress.SILENT);
    }

    private InferenceProgress predictProgress(Callback... callbacks) {
        return InferenceProgress.of(this, InferenceProgress.Kind.PREDICT, List.of(callbacks), RunInternals.observer());
    }

    private void checkCompiled(String method) {
        if (optimizer == null) {
            throw new IllegalStateException("Call compile(optimizer, loss, metrics) before " + method + "().");
        }
    }

    private static void checkSameBatch(Tensor x, Tensor y) {
        if (x.rank() == 0 || y.rank() == 0 || x.dim(0) != y.dim(0)) {
            throw new IllegalArgumentException("x and y must hold the same number of examples along the first"
                    + " axis, got shapes " + Shapes.describe(x.shape()) + " and " + Shapes.describe(y.shape()));
        }
    }

    /** Returns every weight of every layer, as Keras's {@code model.weights}. */
    public final List<Variable> weights() {
        List<Variable> all = new ArrayList<>();
        for (Layer layer : layers()) {
            all.addAll(layer.weights());
        }
        return all;
    }

    /** Returns the weights the optimizer updates. */
    public final List<Variable> trainableWeights() {
        List<Variable> all = new ArrayList<>();
        for (Layer layer : layers()) {
            all.addAll(layer.trainableWeights());
        }
        return all;
    }

    /** Returns every weight in {@link org.backprop.nn.io.WeightsFormat}, as Keras's {@code save_weights}. */
    public final byte[] saveWeights() {
        return org.backprop.nn.io.WeightsFormat.write(weights());
    }

    /** Sets every weight from bytes written by {@link #saveWeights()} for a model of the same architecture. */
    public final void loadWeights(byte[] bytes) {
        org.backprop.nn.io.WeightsFormat.read(bytes, weights());
    }

    /**
     * Saves the model under {@code name} in nn's saved-model format (architecture and weights, as Keras's
     * {@code model.save}; see {@link org.backprop.nn.saving.SavedModels}) and hands it to the platform running the
     * program. In the browser the model is kept for the team, beside its runs; in the grader, the model a
     * submission saves is the one evaluated on the assignment's hidden test split, rebuilt by the library alone
     * (so it must be built from nn's own layers: a model with a Layer subclass of your own cannot be saved). Run
     * as a plain Java program, nothing is kept.
     *
     * <p>{@code name} is 1 to {@value org.backprop.nn.saving.SavedModels#MAX_NAME_LENGTH} characters of letters,
     * digits, {@code _}, {@code -} and {@code .}, not starting with a dot, e.g. {@code "final"} or
     * {@code "mini-xception.v2"}. The optimizer's state is not saved: the saved model is for inference.
     */
    public final void save(String name) {
        SavedModels.checkName(name);
        RunInternals.observer().modelSaved(name, SavedModels.toBytes(this));
    }

    /**
     * Returns the confusion matrix of this model's predictions for {@code x} against integer labels
     * {@code y} ({@code [n]} or {@code [n, 1]}), classes named 0, 1, …; a single sigmoid output counts as two
     * classes split at 0.5. At higher rank it counts positions, as Keras 3's sparse accuracy does: labels
     * {@code [n, h, w]} or {@code [n, h, w, 1]} against per-pixel scores {@code [n, h, w, classes]} count pixels.
     */
    public final org.backprop.nn.records.ConfusionMatrix confusionMatrix(Tensor x, Tensor y) {
        Tensor predictions = predict(x);
        int width = predictions.dim(-1);
        int classes = width == 1 ? 2 : width;
        long[][] counts = new long[classes][classes];
        int[] labels = org.backprop.nn.internal.SparseLabels.classIndices("confusionMatrix", y, predictions, classes);
        for (int row = 0; row < labels.length; row++) {
            int predicted = width == 1 ? (predictions.get(row) > 0.5f ? 1 : 0)
                    : org.backprop.nn.metrics.Metrics.argmax(predictions, row, width);
            counts[labels[row]][predicted]++;
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            names.add(Integer.toString(i));
        }
        return new org.backprop.nn.records.ConfusionMatrix(names, counts);
    }

    /** Returns the number of weight values, as Keras's {@code count_params()}. */
    public final int countParams() {
        int count = 0;
        for (Layer layer : layers()) {
            count += layer.countParams();
        }
        return count;
    }

    /** Prints the model summary, as Keras's {@code model.summary()}; {@link #summaryText()} returns it. */
    public final void summary() {
        System.out.print(summaryText());
    }

    /**
     * Returns the model summary as Keras prints it: a table of the layers (a model used as a layer is one row), their
     * output shapes and parameter counts, then the totals. The model must be built.
     */
    public final String summaryText() {
        if (!built() && !routesInputsItself()) {
            throw new IllegalStateException("Model \"" + name + "\" is not built yet: give it an Input, or call it on"
                    + " data, before asking for its summary.");
        }
        return Summary.render(this, layerOutputShapes(), summarizesConnections());
    }
}
