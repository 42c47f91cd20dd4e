package org.backprop.nn.models;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.nn.Numbers;
import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.autograd.Gradients;
import org.backprop.nn.backend.Backend;
import org.backprop.nn.backend.Backends;
import org.backprop.nn.backend.DeviceLostException;
import org.backprop.nn.callbacks.Callback;
import org.backprop.nn.data.Batching;
import org.backprop.nn.data.Dataset;
import org.backprop.nn.data.ExampleSource;
import org.backprop.nn.data.StoredDataset;
import org.backprop.nn.losses.Loss;
import org.backprop.nn.metrics.Metric;
import org.backprop.nn.optim.Optimizer;
import org.backprop.nn.random.RandomSeed;
import org.backprop.nn.records.DatasetRecord;
import org.backprop.nn.records.Device;
import org.backprop.nn.records.RunRecord;
import org.backprop.nn.records.RunRecords;
import org.backprop.nn.records.RunStatus;

/** One {@code fit}: epochs of shuffled batches, validation, callbacks, and the run record at the end. */
final class FitLoop {
    private final Model model;
    private final Optimizer optimizer;
    private final Loss loss;
    private final List<Metric> metrics;
    private final FitOptions options;

    FitLoop(Model model, Optimizer optimizer, Loss loss, List<Metric> metrics, FitOptions options) {
        this.model = model;
        this.optimizer = optimizer;
        this.loss = loss;
        this.metrics = metrics;
        this.options = options;
    }

    History run(ExampleSource data) {
        long started = System.currentTimeMillis();
        ExampleSource train = data;
        ExampleSource validation = options.validationData;
        String split = validation == null ? "no validation" : "validation data given";
        if (options.validationSplit > 0) {
            int trainSize = Batching.trainSize(data.size(), options.validationSplit, "examples");
            train = data.slice(0, trainSize);
            validation = data.slice(trainSize, data.size());
            split = "validation_split=" + options.validationSplit;
        }
        String datasetName = datasetName(data);
        History history = new History();
        RunStatus status = RunStatus.completed();
        for (Callback callback : options.callbacks) {
            callback.onTrainBegin(model);
        }
        int steps = train.batchCount(options.batchSize);
        int epochsDone = 0;
        try {
            for (int epoch = 1; epoch <= options.epochs && !model.stopRequested(); epoch++) {
                for (Callback callback : options.callbacks) {
                    callback.onEpochBegin(model, epoch);
                }
                Map<String, Double> logs = trainEpoch(options.shuffle ? train.shuffle(RandomSeed.generator()) : train,
                        epoch, steps);
                if (validation != null) {
                    for (Map.Entry<String, Double> entry : model.evaluate(validation, options.batchSize).entrySet()) {
                        logs.put("val_" + entry.getKey(), entry.getValue());
                    }
                }
                for (Map.Entry<String, Double> entry : logs.entrySet()) {
                    history.record(entry.getKey(), entry.getValue());
                }
                if (options.verbose > 0) {
                    System.out.println(epochLine(epoch, steps, logs));
                }
                epochsDone = epoch;
                for (Callback callback : options.callbacks) {
                    callback.onEpochEnd(model, epoch, logs);
                }
            }
        } catch (TrainingDivergedException diverged) {
            status = RunStatus.diverged(diverged.getMessage());
            history.setRunRecord(record(history, datasetName, train, validation, split, status, started));
            throw new TrainingDivergedException(diverged.getMessage(), history.runRecord());
        } catch (DeviceLostException lost) {
            String message = "The GPU device was lost: " + lost.getMessage() + "; your run stopped after epoch "
                    + epochsDone + ". Run it again; if this keeps happening, close other GPU-heavy tabs or train"
                    + " with a smaller model or batch size.";
            status = RunStatus.deviceLost(message);
            history.setRunRecord(record(history, datasetName, train, validation, split, status, started));
            throw new DeviceLostException(message, history.runRecord());
        }
        for (Callback callback : options.callbacks) {
            callback.onTrainEnd(model);
        }
        history.setRunRecord(record(history, datasetName, train, validation, split, status, started));
        return history;
    }

    private Map<String, Double> trainEpoch(ExampleSource train, int epoch, int steps) {
        for (Metric metric : metrics) {
            metric.reset();
        }
        StepResults results = new StepResults(Backends.current());
        int step = 0;
        for (Dataset batch : train.batches(options.batchSize)) {
            trainStep(batch.features(), batch.labels(), results);
            step++;
            if (options.progressEvery > 0 && step % options.progressEvery == 0 && step < steps) {
                Map<String, Double> soFar = logs(checked(results.finish(metrics), epoch, steps));
                for (Callback callback : options.callbacks) {
                    callback.onBatchEnd(model, epoch, step, soFar);
                }
            }
        }
        return logs(checked(results.finish(metrics), epoch, steps));
    }

    /** Returns {@code totals}, or stops the run if a step's loss was not finite. */
    private static StepResults.Totals checked(StepResults.Totals totals, int epoch, int steps) {
        if (totals.diverged()) {
            throw new TrainingDivergedException("The loss became " + totals.firstNonFiniteLoss + " in epoch " + epoch
                    + " (step " + totals.firstNonFiniteStep + " of " + steps + "). Try a smaller learning rate, or check"
                    + " the inputs for NaN or very large values.", null);
        }
        return totals;
    }

    /** Returns the mean loss and the metrics of the steps {@code totals} covers. */
    private Map<String, Double> logs(StepResults.Totals totals) {
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("loss", totals.weightedLoss / totals.examples);
        for (Metric metric : metrics) {
            logs.put(metric.name(), metric.result());
        }
        return logs;
    }

    private void trainStep(Tensor batchX, Tensor batchY, StepResults results) {
        Backend backend = Backends.current();
        backend.beginStep();
        try {
            Tensor predictions = model.call(batchX, true);
            Tensor lossValue = loss.call(batchY, predictions);
            List<Variable> weights = model.trainableWeights();
            List<Tensor> leaves = new java.util.ArrayList<>(weights.size());
            for (Variable weight : weights) {
                leaves.add(weight.value());
            }
            optimizer.apply(weights, Gradients.of(lossValue, leaves));
            results.add(lossValue, batchY, predictions);
        } finally {
            backend.endStep();
        }
    }

    /** The name the program gave, else the stored split's own ("fashion_mnist:1.0.0/train"), else "unnamed". */
    private String datasetName(ExampleSource data) {
        if (options.datasetName != null) {
            return options.datasetName;
        }
        if (data instanceof StoredDataset stored) {
            return stored.name() + ":" + stored.version() + "/" + stored.splitName();
        }
        return "unnamed";
    }

    private String epochLine(int epoch, int steps, Map<String, Double> logs) {
        StringBuilder line = new StringBuilder("Epoch " + epoch + "/" + options.epochs + " - " + steps + "/" + steps);
        for (Map.Entry<String, Double> entry : logs.entrySet()) {
            line.append(" - ").append(entry.getKey()).append(": ").append(Numbers.format(entry.getValue(), 4));
        }
        return line.toString();
    }

    private RunRecord record(History history, String datasetName, ExampleSource train, ExampleSource validation,
            String split, RunStatus status, long started) {
        Map<String, Double> finalMetrics = new LinkedHashMap<>();
        for (String metric : history.metrics()) {
            List<Double> values = history.get(metric);
            finalMetrics.put(metric, values.get(values.size() - 1));
        }
        RunRecord.Builder record = RunRecord.builder(options.runName == null ? model.name() : options.runName,
                        RandomSeed.get(), RunRecords.describe(model))
                .dataset(new DatasetRecord(datasetName, split, train.size(),
                        validation == null ? 0 : validation.size(), 0))
                .optimizer(RunRecords.optimizer(optimizer))
                .loss(RunRecords.loss(loss))
                .history(RunRecords.history(history))
                .finalMetrics(finalMetrics)
                .wallTimeMs(System.currentTimeMillis() - started)
                .device(new Device(Backends.current().name(), Backends.current().device()))
                .status(status);
        for (String tag : options.tags) {
            record.tag(tag);
        }
        return record.build();
    }
}
