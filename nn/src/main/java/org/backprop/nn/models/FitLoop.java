package org.backprop.nn.models;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.nn.Numbers;
import org.backprop.nn.backend.Backend;
import org.backprop.nn.backend.Backends;
import org.backprop.nn.backend.DeviceLostException;
import org.backprop.nn.callbacks.Callback;
import org.backprop.nn.data.Dataset;
import org.backprop.nn.data.ExampleSource;
import org.backprop.nn.internal.RandomInternals;
import org.backprop.nn.internal.RunInternals;
import org.backprop.nn.internal.RunObserver;
import org.backprop.nn.metrics.Metric;
import org.backprop.nn.optim.Optimizer;
import org.backprop.nn.random.RandomGenerator;
import org.backprop.nn.random.RandomSeed;
import org.backprop.nn.records.Device;
import org.backprop.nn.records.ModelGraph;
import org.backprop.nn.records.RunRecord;
import org.backprop.nn.records.RunRecords;
import org.backprop.nn.records.RunStatus;

/**
 * One {@code fit}: epochs of shuffled batches, validation, callbacks, and the run record at the end, which the
 * runtime's {@link RunObserver} receives once per fit however it ends. The observer may also say that this run is
 * not to be trained (the grader re-runs only the runs its budget picked); the record then describes the model and
 * data and says so.
 */
final class FitLoop {
    static final String NOT_TRAINED = "The grader did not re-run this run: it was not among those its re-run budget"
            + " picked.";

    private final Model model;
    private final Optimizer optimizer;
    private final List<Metric> metrics;
    private final FitOptions options;
    /** The compiled steps' losses and predictions since the epoch began or progress was last read. */
    private StepResults results;
    /** The trackers the model's train step returned last: the custom part of the logs, reset each epoch. */
    private List<Metric> trackers = List.of();

    FitLoop(Model model, Optimizer optimizer, List<Metric> metrics, FitOptions options) {
        this.model = model;
        this.optimizer = optimizer;
        this.metrics = metrics;
        this.options = options;
    }

    /**
     * Runs the fit on its own random stream, split from the program's generator with one draw whether the fit trains
     * or not. A fit the grader does not re-run therefore leaves the program's generator where a trained one would:
     * the weights of every later model (drawn when its layers are built, before its fit) and every later fit's
     * shuffles and dropout are the ones the team's browser drew, even in a program that set its seed only once.
     */
    History run(ExampleSource data) {
        // Built from the program's stream, as its first training step would, before the fit's own is split off.
        if (!model.built()) {
            model.build(data.featureShape());
        }
        RandomGenerator fitStream = RandomSeed.generator().split();
        RandomInternals.Saved program = RandomInternals.setAside(fitStream);
        try {
            return trainOrDescribe(data);
        } finally {
            RandomInternals.restoreUnlessReseeded(program, fitStream);
        }
    }

    private History trainOrDescribe(ExampleSource data) {
        long started = System.currentTimeMillis();
        DataParts parts = DataParts.of(data, options);
        RunObserver observer = RunInternals.observer();
        if (!observer.shouldTrain(runName(), List.copyOf(options.tags))) {
            return notTrained(data, parts, started, observer);
        }
        ExampleSource train = parts.train;
        ExampleSource validation = parts.validation;
        History history = new History();
        for (Callback callback : options.callbacks) {
            callback.onTrainBegin(model);
        }
        int steps = train.batchCount(options.batchSize);
        String name = runName();
        observer.fitStarted(name, options.epochs, steps);
        int epochsDone = 0;
        try {
            for (int epoch = 1; epoch <= options.epochs && !model.stopRequested(); epoch++) {
                for (Callback callback : options.callbacks) {
                    callback.onEpochBegin(model, epoch);
                }
                Map<String, Double> logs = trainEpoch(options.shuffle ? train.shuffle(RandomSeed.generator()) : train,
                        epoch, steps, observer, name);
                if (validation != null) {
                    for (Map.Entry<String, Double> entry : model.validate(validation, options.batchSize).entrySet()) {
                        logs.put("val_" + entry.getKey(), entry.getValue());
                    }
                }
                for (Map.Entry<String, Double> entry : logs.entrySet()) {
                    history.record(entry.getKey(), entry.getValue());
                }
                // A copy: callbacks may add to the logs they are handed, the history has what it recorded.
                observer.epochEnded(name, epoch, options.epochs,
                        Collections.unmodifiableMap(new LinkedHashMap<>(logs)));
                if (options.verbose > 0) {
                    System.out.println(epochLine(epoch, steps, logs));
                }
                epochsDone = epoch;
                for (Callback callback : options.callbacks) {
                    callback.onEpochEnd(model, epoch, logs);
                }
            }
        } catch (TrainingDivergedException diverged) {
            end(history, parts, RunStatus.diverged(diverged.getMessage()), started, observer);
            throw new TrainingDivergedException(diverged.getMessage(), history.runRecord());
        } catch (DeviceLostException lost) {
            String message = "The GPU device was lost: " + lost.getMessage() + "; your run stopped after epoch "
                    + epochsDone + ". Run it again; if this keeps happening, close other GPU-heavy tabs or train"
                    + " with a smaller model or batch size.";
            end(history, parts, RunStatus.deviceLost(message), started, observer);
            throw new DeviceLostException(message, history.runRecord());
        }
        for (Callback callback : options.callbacks) {
            callback.onTrainEnd(model);
        }
        end(history, parts, RunStatus.completed(), started, observer);
        return history;
    }

    /**
     * Describes the run without training it: the runtime (the grader's re-run) did not pick it. A model that had
     * not seen data was built for the data's shape already, as its first training step would have built it. The
     * program gets the runtime's stand-in history (the team's own numbers in the grader) to read, and empty curves
     * for the metrics it lacks.
     */
    private History notTrained(ExampleSource data, DataParts parts, long started, RunObserver observer) {
        History history = new History();
        end(history, parts, RunStatus.notTrained(NOT_TRAINED), started, observer);
        // After the record is made: what the program reads is never evidence of a run. The runtime's stand-in (the
        // team's own numbers in the grader) first; every other metric a trained fit logs is there without values, as
        // after a fit of no epochs, so that a program that reads its history does not stop at this run.
        for (Map.Entry<String, List<Double>> metric : observer.standInHistory(runName()).entrySet()) {
            for (Double value : metric.getValue()) {
                history.record(metric.getKey(), value);
            }
        }
        List<String> lossNames = model.compiledLossNames();
        lossNames.forEach(history::declare);
        metrics.forEach(metric -> history.declare(metric.name()));
        model.metrics().forEach(metric -> history.declare(metric.name()));
        if (parts.validation != null) {
            lossNames.forEach(name -> history.declare("val_" + name));
            metrics.forEach(metric -> history.declare("val_" + metric.name()));
            model.metrics().forEach(metric -> history.declare("val_" + metric.name()));
        }
        return history;
    }

    /** Records how the run ended on {@code history} and reports it to the runtime: once per fit, on every path. */
    private void end(History history, DataParts parts, RunStatus status, long started, RunObserver observer) {
        history.setRunRecord(record(history, parts, status, started, observer));
        observer.runEnded(history.runRecord());
    }

    /** The name the record gives the run: the program's run name, else the model's. */
    private String runName() {
        return options.runName == null ? model.name() : options.runName;
    }

    /**
     * Trains one epoch and returns its logs. Losses stay on the device until the epoch ends, unless callbacks
     * ({@code progressEvery}) or the observer ({@link RunObserver#wantsBatchLoss}) ask for them sooner: then the
     * steps so far are read back, in one transfer for both, and their totals carry over to the epoch's. Each step
     * is the model's {@link Model#trainStep}: the compiled one, or the program's own.
     */
    private Map<String, Double> trainEpoch(ExampleSource train, int epoch, int steps, RunObserver observer,
            String name) {
        // As Keras's reset_metrics: the compiled metrics, the model's, and the trackers a custom step returned.
        for (Metric metric : metrics) {
            metric.reset();
        }
        for (Metric metric : model.metrics()) {
            metric.reset();
        }
        for (Metric tracker : trackers) {
            tracker.reset();
        }
        results = new StepResults(Backends.current());
        model.keepCompiledResultsIn(results);
        int step = 0;
        for (Dataset batch : train.batches(options.batchSize)) {
            trainStep(batch);
            step++;
            if (step >= steps) {
                continue;
            }
            boolean callbacksDue = options.progressEvery > 0 && step % options.progressEvery == 0;
            boolean observerDue = observer.wantsBatchLoss(name, epoch, step, steps);
            if (callbacksDue || observerDue) {
                Map<String, Double> soFar = logs(epoch, step, steps);
                if (observerDue && !soFar.isEmpty()) {
                    observer.batchEnded(name, epoch, step, steps, progressLoss(soFar));
                }
                if (callbacksDue) {
                    for (Callback callback : options.callbacks) {
                        callback.onBatchEnd(model, epoch, step, soFar);
                    }
                }
            }
        }
        return logs(epoch, steps, steps);
    }

    /** The figure a progress report shows: the loss, or a custom step's first log (the VAE's total_loss). */
    private static double progressLoss(Map<String, Double> logs) {
        Double loss = logs.get("loss");
        return loss != null ? loss : logs.values().iterator().next();
    }

    /**
     * Returns the logs of the epoch's steps so far: the compiled steps' mean loss and metrics, then each tracker a
     * custom step returned. Stops the run if a loss, or a tracker, is not finite.
     */
    private Map<String, Double> logs(int epoch, int step, int steps) {
        StepResults.Totals totals = checked(results.finish(metrics), epoch, steps);
        Map<String, Double> logs = new LinkedHashMap<>();
        totals.putLogs(model.lossOutputNames(), metrics, logs);
        for (Metric tracker : trackers) {
            double value = tracker.result();
            if (!Double.isFinite(value)) {
                throw new TrainingDivergedException("The " + tracker.name() + " became " + value + " in epoch " + epoch
                        + " (by step " + step + " of " + steps + "). Try a smaller learning rate, or check the inputs"
                        + " for NaN or very large values.", null);
            }
            logs.put(tracker.name(), value);
        }
        return logs;
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

    /** Runs the model's train step on one batch, inside one backend step. */
    private void trainStep(Dataset batch) {
        Backend backend = Backends.current();
        backend.beginStep();
        try {
            trackers = model.checkedTrackers(model.trainStep(batch), "trainStep");
        } finally {
            backend.endStep();
        }
    }

    private String epochLine(int epoch, int steps, Map<String, Double> logs) {
        StringBuilder line = new StringBuilder("Epoch " + epoch + "/" + options.epochs + " - " + steps + "/" + steps);
        for (Map.Entry<String, Double> entry : logs.entrySet()) {
            line.append(" - ").append(entry.getKey()).append(": ").append(Numbers.format(entry.getValue(), 4));
        }
        return line.toString();
    }

    private RunRecord record(History history, DataParts parts, RunStatus status, long started, RunObserver observer) {
        Map<String, Double> finalMetrics = new LinkedHashMap<>();
        for (String metric : history.metrics()) {
            List<Double> values = history.get(metric);
            finalMetrics.put(metric, values.get(values.size() - 1));
        }
        ModelGraph graph = RunRecords.describe(model);
        // A lost device cannot run the probe's calls; every other ending leaves a model to observe.
        if (observer.probesBehaviour() && status.state() != RunStatus.State.DEVICE_LOST) {
            graph = BehaviourProbe.probe(model, graph);
        }
        RunRecord.Builder record = RunRecord.builder(runName(), RandomSeed.get(), graph)
                .dataset(parts.record())
                .optimizer(RunRecords.optimizer(optimizer))
                .loss(model.compiledLossRecord())
                .history(RunRecords.history(history))
                .finalMetrics(finalMetrics)
                .wallTimeMs(System.currentTimeMillis() - started)
                .device(new Device(Backends.current().name(), Backends.current().device()))
                .status(status);
        for (String tag : options.tags) {
            record.tag(tag);
        }
        if (status.state() == RunStatus.State.COMPLETED && parts.validation != null) {
            ValidationConfusion.of(model, parts.validation, options.batchSize).ifPresent(record::confusionMatrix);
        }
        return record.build();
    }
}
