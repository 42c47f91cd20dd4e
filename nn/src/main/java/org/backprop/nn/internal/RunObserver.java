package org.backprop.nn.internal;

import java.util.List;
import java.util.Map;
import org.backprop.nn.records.RunRecord;

/**
 * What the runtime hosting a program learns of its fits, and how it steers them. The browser sends each
 * finished run to the team's experiment log; the grader's sandbox reports it to the grader on a channel the
 * program cannot write, and trains only the runs its re-run budget picked. Installed through
 * {@link RunInternals}, which the policy refuses to student code.
 */
public interface RunObserver {
    /** Trains every run and reports nothing: the JVM's default. */
    RunObserver NONE = new RunObserver() {
        @Override
        public boolean shouldTrain(String runName, List<String> tags) {
            return true;
        }

        @Override
        public void runEnded(RunRecord record) {
        }
    };

    /**
     * Returns whether {@code fit} trains the run named {@code runName}; when false, fit describes the model it
     * was given (graph, seed, data) in a record whose status says it was not trained, and returns at once.
     */
    boolean shouldTrain(String runName, List<String> tags);

    /**
     * Returns the history {@code fit} hands the program for a run it does not train (metric → value per epoch): the
     * grader gives the team's own, so that a program that reads its history goes on as it did for them. The run's
     * record never carries it. Empty by default: the program gets a history without metrics.
     */
    default Map<String, List<Double>> standInHistory(String runName) {
        return Map.of();
    }

    /** Receives the record of each fit as it ends, trained or not, completed or not. */
    void runEnded(RunRecord record);

    /**
     * Returns whether fits probe their model's behaviour for the record (does each augmentation layer change a
     * batch in training and leave it alone at inference; is inference deterministic). The grader's run does;
     * the browser does not spend the time.
     */
    default boolean probesBehaviour() {
        return false;
    }

    /** Receives a model the program saved ({@code model.save(name)}), in the saved-model format. */
    default void modelSaved(String name, byte[] savedModel) {
    }

    /**
     * Hears that a fit that trains is starting: {@code epochs} planned (a callback may stop it sooner),
     * {@code stepsPerEpoch} training batches in each. Never called for a run not trained. Nothing by default.
     */
    default void fitStarted(String runName, int epochs, int stepsPerEpoch) {
    }

    /**
     * Asked after each training step but an epoch's last (epoch and step from 1) whether {@link #batchEnded} is to
     * hear of it. A yes costs a wait: the fit reads the steps' losses back from the device then instead of at the
     * epoch's end, which stalls a GPU's pipeline. So an observer answers yes a few times a second at most
     * ({@link ProgressThrottle}); no by default, and then the fit reads nothing back for progress.
     */
    default boolean wantsBatchLoss(String runName, int epoch, int step, int stepsPerEpoch) {
        return false;
    }

    /**
     * Hears of a step {@link #wantsBatchLoss} asked for: {@code loss} is the mean loss of the epoch's steps so far
     * (the figure of Keras' progress bar; after an epoch's last step it would be the epoch's loss).
     */
    default void batchEnded(String runName, int epoch, int step, int stepsPerEpoch, double loss) {
    }

    /**
     * Hears that epoch {@code epoch} (from 1) of {@code epochs} ended: {@code logs} (unmodifiable) holds exactly the
     * values the fit's history records for it: {@code loss}, the compiled metrics, and with validation data their
     * {@code val_} twins. Called before the callbacks' {@code onEpochEnd}. Nothing by default.
     */
    default void epochEnded(String runName, int epoch, int epochs, Map<String, Double> logs) {
    }

    /**
     * Hears that the program's {@code evaluate} or {@code predict} ({@code kind}) of the model named {@code model}
     * starts {@code steps} batches. A fit's own validation is not reported: the fit's events cover it. Nothing by
     * default.
     */
    default void inferenceStarted(String model, String kind, int steps) {
    }

    /**
     * Hears that batch {@code step} (from 1) of an evaluate or predict was queued; nothing is read back for it, so an
     * observer may report every one or pace them ({@link ProgressThrottle}). Nothing by default.
     */
    default void inferenceBatchEnded(String model, String kind, int step, int steps) {
    }

    /** Hears that an evaluate or predict ended. Nothing by default. */
    default void inferenceEnded(String model, String kind) {
    }
}
