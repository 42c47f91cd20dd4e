package org.backprop.nn.models;

import org.backprop.nn.data.store.DatasetReference;
import org.backprop.nn.internal.DatasetInternals;
import org.backprop.nn.internal.DatasetSource;
import org.backprop.nn.saving.SavedModels;

/**
 * Loads the pretrained models a course publishes, by name, as {@code keras.applications}:
 * {@code Model base = Pretrained.load("vgg16");} then {@code base.setTrainable(false)} and a new head for transfer
 * learning. The same call works in the browser (downloaded once, then from the browser's storage), in the grader's
 * sandbox (a read-only copy) and on the JVM. The model's input and output shapes are those it was saved with.
 */
public final class Pretrained {
    private Pretrained() {
    }

    /**
     * Returns a new copy of the pretrained model {@code reference} names, built and with its published weights:
     * {@code "vgg16"} (the version the assignment uses, else the course's newest) or {@code "vgg16:1.0.0"}. Each
     * call returns a model of its own, so training one leaves the others as published.
     */
    public static Model load(String reference) {
        DatasetReference.parse(reference, "pretrained model", "vgg16");
        DatasetSource source = DatasetInternals.source();
        if (source == null) {
            throw new IllegalStateException("This runtime provides no pretrained models: run the program from the"
                    + " course's editor or the grader to load " + reference + ".");
        }
        byte[] bytes = source.pretrained(reference);
        try {
            return SavedModels.fromBytes(bytes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The pretrained model " + reference + " cannot be read: "
                    + e.getMessage(), e);
        }
    }
}
