package org.backprop.nn.callbacks;

import org.backprop.nn.models.Model;

/**
 * Sets the optimizer's learning rate at the start of each epoch from a schedule, as Keras's
 * {@code LearningRateScheduler}: {@code new LearningRateScheduler((epoch, lr) -> epoch < 10 ? lr : lr * 0.9)}.
 * Epochs are numbered from 1.
 */
public final class LearningRateScheduler extends Callback {
    private final Schedule schedule;

    public LearningRateScheduler(Schedule schedule) {
        if (schedule == null) {
            throw new IllegalArgumentException("schedule must not be null");
        }
        this.schedule = schedule;
    }

    @Override
    public void onEpochBegin(Model model, int epoch) {
        model.optimizer().setLearningRate(schedule.learningRate(epoch, model.optimizer().learningRate()));
    }

    /** The learning rate for an epoch, given the current one. */
    @FunctionalInterface
    public interface Schedule {
        double learningRate(int epoch, double current);
    }
}
