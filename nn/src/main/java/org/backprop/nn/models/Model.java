package org.backprop.nn.models;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
import org.backprop.nn.optim.Optimizer;
import org.backprop.nn.saving.SavedModels;

/**
 * A model, as Keras's {@code Model}: built from an {@link Input} and the output of the layers called on it
 * (the functional API, {@code new Model(inputs, outputs)}), or a {@link Sequential}. Offers compile, fit,
 * evaluate, predict, summary and weights.
 *
 * <p>Not thread-safe.
 */
public class Model {
    private final String name;
    private final Graph graph;
    /** This model as a layer of another: also where its trainable flag lives. */
    private final ModelLayer asLayer;
    private Optimizer optimizer;
    private Loss loss;
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
        this.name = checkName(name);
        this.graph = new Graph(inputs, outputs);
        this.asLayer = new ModelLayer(this);
    }

    /** For subclasses that route inputs themselves. */
    protected Model(String name) {
        this.name = checkName(name);
        this.graph = null;
        this.asLayer = new ModelLayer(this);
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
        return graph.input();
    }

    /** Returns the symbolic output of the functional model, as Keras's {@code model.output}; a Sequential has none. */
    public KerasTensor output() {
        return graph.output();
    }

    /** Returns the layers in the order inputs reach them. */
    public List<Layer> layers() {
        return graph.layers();
    }

    /** Returns the model's output for a batch; {@code training} switches dropout, augmentation, batch statistics. */
    public Tensor call(Tensor inputs, boolean training) {
        int[] expected = graph.input().shape();
        if (!Shapes.same(expected, Shapes.withoutBatch(inputs.shape()))) {
            throw new IllegalArgumentException("Model \"" + name + "\" expects input of shape "
                    + Shapes.describe(Shapes.withBatch(-1, expected)) + ", but received input with shape "
                    + Shapes.describe(inputs.shape()));
        }
        return graph.run(inputs, training);
    }

    /**
     * Records this model applied to symbolic {@code inputs} inside another functional model, as Keras's
     * {@code x = conv_base(x)}: the outer model gets one layer, named and typed as this model, holding all its
     * weights (see {@link #asLayer()}). A Sequential that has not seen data yet is built for the inputs' shape.
     */
    public final KerasTensor apply(KerasTensor inputs) {
        return asLayer.apply(inputs);
    }

    /** Returns the model's output for {@code inputs} in inference mode, as Keras's {@code model(x)}. */
    public final Tensor apply(Tensor inputs) {
        return call(inputs, false);
    }

    /**
     * Returns this model as a layer, for where a {@link Layer} is wanted: {@code new Sequential(convBase.asLayer(),
     * new Flatten(), new Dense(1, "sigmoid"))}, as Keras puts a model in a Sequential. The layer is this model: its
     * weights are the model's, freezing it freezes the model; a summary shows it as one row ({@code vgg16
     * (Functional)}) with all its parameters. Always the same layer for one model.
     */
    public final Layer asLayer() {
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
        return graph.input().shape();
    }

    /** Returns the output shape (without batch) of the built model. */
    int[] builtOutputShape() {
        return graph.output().shape();
    }

    /** Returns whether every layer has its weights; a functional model is built when it is made. */
    public boolean built() {
        return true;
    }

    /** Returns the output shape (without batch) of each layer, in the order of {@link #layers()}; the model must be built. */
    public List<int[]> layerOutputShapes() {
        return graph.layerOutputShapes();
    }

    /**
     * Returns the names of the layers whose outputs {@code layer} takes, {@code input_layer} standing for the
     * model's input, as the "Connected to" column of Keras's summary.
     */
    public List<String> inboundLayerNames(Layer layer) {
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
        this.metrics.clear();
        this.metrics.addAll(resolved);
    }

    private static void addMetric(List<Metric> resolved, Object metric, Loss loss) {
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
     * Trains on {@code data} (arrays in a {@link Dataset}, or a split from {@code Datasets.load}) and returns the per-epoch history, whose {@link History#runRecord()} records the
     * run. A loss that becomes NaN or infinite stops training with a {@link TrainingDivergedException}; a lost
     * GPU device stops it with a {@link org.backprop.nn.backend.DeviceLostException}. Both carry the run record.
     */
    public final History fit(ExampleSource data, FitOptions options) {
        checkCompiled("fit");
        stopRequested = false;
        try {
            return new FitLoop(this, optimizer, loss, metrics, options).run(data);
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
        Tensor predictions = call(batch.features(), true);
        Tensor lossValue = loss.call(batch.labels(), predictions);
        List<Variable> weights = trainableWeights();
        optimizer.apply(weights, Gradients.ofWeights(lossValue, weights));
        compiledResults.add(lossValue, batch.labels(), predictions);
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
        Tensor predictions = call(batch.features(), false);
        compiledResults.add(loss.call(batch.labels(), predictions), batch.labels(), predictions);
        return List.of();
    }

    private void checkCompiledStep(String step, String caller) {
        if (compiledResults == null) {
            throw new IllegalStateException(step + " is " + caller + "'s to call, once per batch; call " + caller
                    + "(...).");
        }
        if (loss == null) {
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
        return Inference.predict(this, x, batchSize, predictProgress(callbacks));
    }

    /** Returns the model's outputs for the features of {@code data} (its labels are not read), in batches of 32. */
    public final Tensor predict(ExampleSource data) {
        return predict(data, 32);
    }

    /** Returns the model's outputs for the features of {@code data}, in batches of {@code batchSize}. */
    public final Tensor predict(ExampleSource data, int batchSize, Callback... callbacks) {
        return Inference.predict(this, data, batchSize, predictProgress(callbacks));
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
        if (!built()) {
            throw new IllegalStateException("Model \"" + name + "\" is not built yet: give it an Input, or call it on"
                    + " data, before asking for its summary.");
        }
        return Summary.render(this, layerOutputShapes(), summarizesConnections());
    }
}
