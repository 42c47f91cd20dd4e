package org.backprop.nn.records;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one {@code fit} did, as DESIGN.md's run record: name and tags (e.g. {@code ablation:no-augmentation}),
 * the seed that reproduces it, data and split, model graph, optimizer and loss, per-epoch history, final and
 * test metrics, an optional confusion matrix, wall time, device, and how it ended. Reports embed records and
 * the grader re-creates runs from them; {@link RunRecordJson} writes and reads them as JSON.
 *
 * <p>Immutable; build one with {@link #builder(String, long, ModelGraph)}.
 */
public final class RunRecord {
    private final String name;
    private final List<String> tags;
    private final long seed;
    private final DatasetRecord dataset;
    private final ModelGraph model;
    private final ComponentConfig optimizer;
    private final ComponentConfig loss;
    private final Map<String, List<Double>> history;
    private final Map<String, Double> finalMetrics;
    private final Map<String, Double> testMetrics;
    private final ConfusionMatrix confusionMatrix;
    private final long wallTimeMs;
    private final Device device;
    private final RunStatus status;

    private RunRecord(Builder builder) {
        name = builder.name;
        tags = Checks.copy("tags", builder.tags);
        seed = builder.seed;
        dataset = required(builder.dataset, "dataset");
        model = builder.model;
        optimizer = required(builder.optimizer, "optimizer");
        loss = required(builder.loss, "loss");
        history = copyHistory(builder.history);
        finalMetrics = copyMetrics("finalMetrics", builder.finalMetrics);
        testMetrics = copyMetrics("testMetrics", builder.testMetrics);
        confusionMatrix = builder.confusionMatrix;
        wallTimeMs = builder.wallTimeMs;
        device = required(builder.device, "device");
        status = builder.status;
    }

    /** Returns a builder for the run {@code name}, trained from {@code seed}, of {@code model}. */
    public static Builder builder(String name, long seed, ModelGraph model) {
        return new Builder(name, seed, model);
    }

    public String name() {
        return name;
    }

    /** Returns the tags, e.g. {@code ablation:no-augmentation}, in the order given. */
    public List<String> tags() {
        return tags;
    }

    /** Returns the seed of {@code RandomSeed} the run trained from. */
    public long seed() {
        return seed;
    }

    public DatasetRecord dataset() {
        return dataset;
    }

    public ModelGraph model() {
        return model;
    }

    public ComponentConfig optimizer() {
        return optimizer;
    }

    public ComponentConfig loss() {
        return loss;
    }

    /** Returns each metric's value per epoch by Keras's name ({@code loss}, {@code val_accuracy}), in logging order. */
    public Map<String, List<Double>> history() {
        return history;
    }

    /** Returns the metrics after the last epoch, by name. */
    public Map<String, Double> finalMetrics() {
        return finalMetrics;
    }

    /** Returns the metrics on the test split, by name; empty when the run was not tested. */
    public Map<String, Double> testMetrics() {
        return testMetrics;
    }

    public Optional<ConfusionMatrix> confusionMatrix() {
        return Optional.ofNullable(confusionMatrix);
    }

    /** Returns how long the run took, in milliseconds of wall-clock time. */
    public long wallTimeMs() {
        return wallTimeMs;
    }

    public Device device() {
        return device;
    }

    public RunStatus status() {
        return status;
    }

    private <T> T required(T part, String setter) {
        if (part == null) {
            throw new IllegalStateException("Run record \"" + name + "\" needs " + setter + "(...) before build()");
        }
        return part;
    }

    private static Map<String, List<Double>> copyHistory(Map<String, List<Double>> history) {
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<Double>> metric : history.entrySet()) {
            copy.put(Checks.notEmpty("history metric name", metric.getKey()),
                    Checks.copy("history[" + metric.getKey() + "]", metric.getValue()));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static Map<String, Double> copyMetrics(String argument, Map<String, Double> metrics) {
        Map<String, Double> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Double> metric : metrics.entrySet()) {
            copy.put(Checks.notEmpty(argument + " name", metric.getKey()),
                    Checks.notNull(argument + "[" + metric.getKey() + "]", metric.getValue()));
        }
        return Collections.unmodifiableMap(copy);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof RunRecord)) {
            return false;
        }
        RunRecord that = (RunRecord) other;
        return name.equals(that.name) && tags.equals(that.tags) && seed == that.seed && dataset.equals(that.dataset)
                && model.equals(that.model) && optimizer.equals(that.optimizer) && loss.equals(that.loss)
                && history.equals(that.history) && finalMetrics.equals(that.finalMetrics)
                && testMetrics.equals(that.testMetrics) && Objects.equals(confusionMatrix, that.confusionMatrix)
                && wallTimeMs == that.wallTimeMs && device.equals(that.device) && status.equals(that.status);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, tags, seed, dataset, model, optimizer, loss, history, finalMetrics, testMetrics,
                confusionMatrix, wallTimeMs, device, status);
    }

    @Override
    public String toString() {
        return "RunRecord{name=" + name + ", seed=" + seed + ", status=" + status + "}";
    }

    /**
     * Collects a run record's parts. The run's name, seed and model are given up front; dataset, optimizer,
     * loss and device must be set before {@link #build()}; tags, history, metrics and the confusion matrix
     * default to none, wall time to 0 and the status to completed.
     *
     * <p>Not thread-safe.
     */
    public static final class Builder {
        private final String name;
        private final long seed;
        private final ModelGraph model;
        private final List<String> tags = new ArrayList<>();
        private DatasetRecord dataset;
        private ComponentConfig optimizer;
        private ComponentConfig loss;
        private Map<String, List<Double>> history = Map.of();
        private Map<String, Double> finalMetrics = Map.of();
        private Map<String, Double> testMetrics = Map.of();
        private ConfusionMatrix confusionMatrix;
        private long wallTimeMs;
        private Device device;
        private RunStatus status = RunStatus.completed();

        private Builder(String name, long seed, ModelGraph model) {
            this.name = Checks.notEmpty("name", name);
            this.seed = seed;
            this.model = Checks.notNull("model", model);
        }

        /** Adds a tag, e.g. {@code ablation:no-augmentation}. */
        public Builder tag(String tag) {
            tags.add(Checks.notEmpty("tag", tag));
            return this;
        }

        public Builder dataset(DatasetRecord value) {
            dataset = Checks.notNull("dataset", value);
            return this;
        }

        public Builder optimizer(ComponentConfig value) {
            optimizer = Checks.notNull("optimizer", value);
            return this;
        }

        public Builder loss(ComponentConfig value) {
            loss = Checks.notNull("loss", value);
            return this;
        }

        /** Sets the per-epoch values by metric name; see {@link RunRecords#history}. */
        public Builder history(Map<String, List<Double>> value) {
            history = Checks.notNull("history", value);
            return this;
        }

        public Builder finalMetrics(Map<String, Double> value) {
            finalMetrics = Checks.notNull("finalMetrics", value);
            return this;
        }

        public Builder testMetrics(Map<String, Double> value) {
            testMetrics = Checks.notNull("testMetrics", value);
            return this;
        }

        public Builder confusionMatrix(ConfusionMatrix value) {
            confusionMatrix = Checks.notNull("confusionMatrix", value);
            return this;
        }

        public Builder wallTimeMs(long value) {
            Checks.notNegative("wallTimeMs", value);
            wallTimeMs = value;
            return this;
        }

        public Builder device(Device value) {
            device = Checks.notNull("device", value);
            return this;
        }

        public Builder status(RunStatus value) {
            status = Checks.notNull("status", value);
            return this;
        }

        /** Returns the record; fails naming the first required part that was not set. */
        public RunRecord build() {
            return new RunRecord(this);
        }
    }
}
