package org.backprop.server.pretrained.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import org.backprop.nn.layers.WeightBudget;
import org.backprop.nn.models.Model;
import org.backprop.nn.saving.SavedModels;

/**
 * Imports a Keras 3 {@code .keras} file (what {@code model.save("model.keras")} writes) as an nn saved model, so
 * that a course can publish a model trained in Keras, VGG16 with ImageNet weights for one, as a pretrained model
 * its students load by name (docs/pretrained.md, "Importing a Keras model").
 *
 * <p>The archive is read with bounded sizes ({@link KerasLimits}); {@code config.json} is rebuilt from nn layers
 * through nn's {@link org.backprop.nn.saving.LayerRegistry} (Sequential and Functional models, nested ones opened
 * up; layers nn lacks are refused by name); the weights are read from {@code model.weights.h5} with a pure-Java
 * HDF5 reader, each checked against its nn weight's shape. Layers keep their Keras names and frozen flags.
 *
 * <p>Every failure is an {@link IllegalArgumentException} whose message, starting "Cannot import the Keras model:",
 * says what is wrong with the file. Instances are immutable and thread-safe; one import peaks at three to four times
 * the file's weights in memory (the HDF5 bytes, the model, the saved model's bytes), so callers bound how many run
 * at once.
 */
public final class KerasArchiveImporter {
    private final KerasLimits limits;

    /** Returns an importer with {@link KerasLimits#DEFAULTS}. */
    public KerasArchiveImporter() {
        this(KerasLimits.DEFAULTS);
    }

    /** Returns an importer that refuses files beyond {@code limits}. */
    public KerasArchiveImporter(KerasLimits limits) {
        if (limits == null) {
            throw new IllegalArgumentException("limits must not be null");
        }
        this.limits = limits;
    }

    /**
     * Returns the nn saved model ({@link SavedModels} format) of the {@code .keras} file {@code kerasFile} streams;
     * the stream is read to its end and closed.
     */
    public byte[] toSavedModel(InputStream kerasFile) {
        return SavedModels.toBytes(toModel(kerasFile));
    }

    /** Returns the nn model, built and with the file's weights, of the {@code .keras} file {@code kerasFile} streams. */
    public Model toModel(InputStream kerasFile) {
        if (kerasFile == null) {
            throw new IllegalArgumentException("kerasFile must not be null");
        }
        try {
            KerasArchive archive = KerasArchive.read(kerasFile, limits);
            checkKerasVersion(archive.metadata());
            JsonNode config = KerasJson.parse(archive.config(), KerasArchive.CONFIG, limits.maxJsonDepth());
            // The layers' weights cannot take more values than the weights file holds: a config asking for more
            // (units: 2000000000) fails while the layers are built instead of allocating them.
            KerasGraph.Imported imported = WeightBudget.limit(archive.weights().length / 4,
                    KerasArchive.WEIGHTS, () -> KerasGraph.rebuild(config, limits));
            KerasWeights.assign(archive.weights(), imported.slots());
            return imported.model();
        } catch (RuntimeException e) {
            // Building runs nn layer code on shapes from the file; whatever a damaged file makes it throw, the caller
            // gets one kind of failure that says the file is at fault.
            throw new IllegalArgumentException("Cannot import the Keras model: " + e.getMessage(), e);
        }
    }

    /** Fails for a file written by Keras 2, whose weights file has another layout; a missing metadata.json passes. */
    private void checkKerasVersion(String metadata) {
        if (metadata == null) {
            return;
        }
        JsonNode document = KerasJson.parse(metadata, KerasArchive.METADATA, limits.maxJsonDepth());
        JsonNode version = document.get("keras_version");
        if (version != null && version.isTextual() && !version.asText().startsWith("3.")) {
            throw new IllegalArgumentException("the file was saved by Keras " + version.asText() + "; nn imports files"
                    + " saved by Keras 3");
        }
    }
}
