package org.backprop.server.pretrained.keras;

/**
 * What a {@code .keras} file may hold before {@link KerasArchiveImporter} refuses it, so that a hostile file (a zip
 * bomb, a config nested thousands deep, a weights file larger than the server wants in memory) fails with a
 * message instead of exhausting the server. Sizes count uncompressed bytes as they are read, never the sizes the
 * zip claims.
 *
 * @param maxEntries    the most zip entries the archive may have (Keras writes three, plus any assets)
 * @param maxJsonBytes  the most bytes {@code config.json} and {@code metadata.json} may each take
 * @param maxWeightsBytes the most bytes {@code model.weights.h5} may take; VGG16 with its top takes about 528 MiB
 * @param maxOtherBytes the most bytes all other entries (assets) may take together; they are read and dropped
 * @param maxJsonDepth  the deepest nesting of objects and arrays in the JSON documents
 * @param maxLayers     the most layers the model may have, nested models' layers included
 */
public record KerasLimits(int maxEntries, int maxJsonBytes, long maxWeightsBytes, long maxOtherBytes,
        int maxJsonDepth, int maxLayers) {
    /** Limits that fit VGG16 with its top and the book's models, with room to spare. */
    public static final KerasLimits DEFAULTS = new KerasLimits(64, 8 * 1024 * 1024, 1024L * 1024 * 1024,
            16L * 1024 * 1024, 64, 2_000);

    public KerasLimits {
        if (maxEntries < 1 || maxJsonBytes < 1 || maxWeightsBytes < 1 || maxOtherBytes < 0 || maxJsonDepth < 4
                || maxLayers < 1) {
            throw new IllegalArgumentException("Keras import limits must be positive (JSON depth at least 4), got "
                    + maxEntries + ", " + maxJsonBytes + ", " + maxWeightsBytes + ", " + maxOtherBytes + ", "
                    + maxJsonDepth + ", " + maxLayers);
        }
        if (maxWeightsBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxWeightsBytes must fit in one array, got " + maxWeightsBytes);
        }
    }
}
