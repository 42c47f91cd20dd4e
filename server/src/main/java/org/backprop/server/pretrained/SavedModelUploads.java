package org.backprop.server.pretrained;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.backprop.server.pretrained.keras.KerasArchiveImporter;

/**
 * Turns an uploaded model file into saved-model bytes ({@link org.backprop.nn.saving.SavedModels}'s format) by its
 * file name's extension: the one place that knows which kinds of model file a course can publish: {@code .bpm}, what
 * {@code model.save} writes, and Keras 3's {@code .keras}, converted for the layers nn has ({@link KerasArchiveImporter}).
 */
final class SavedModelUploads {
    private SavedModelUploads() {
    }

    /** A model file of a kind the server converts whose content it cannot convert; the message says why. */
    static final class UnreadableModelException extends RuntimeException {
        UnreadableModelException(String message) {
            super(message);
        }
    }

    /**
     * Returns the saved-model bytes of {@code file}, uploaded as {@code fileName}; fails with a message for the staff
     * when the kind of file is not one the server converts ({@link IllegalArgumentException}) or when a file of such a
     * kind cannot be converted ({@link UnreadableModelException}). The bytes are not checked here: the caller rebuilds
     * them.
     */
    static byte[] toSavedModel(Path file, String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".keras")) {
                try (InputStream in = Files.newInputStream(file)) {
                    return new KerasArchiveImporter().toSavedModel(in);
                } catch (IllegalArgumentException e) {
                    throw new UnreadableModelException(e.getMessage());
                }
            }
            if (!name.endsWith(".bpm")) {
                throw new IllegalArgumentException("\"" + (fileName == null ? "" : fileName) + "\" is not a model"
                        + " file the server can publish: upload a Backprop saved model (.bpm, what model.save writes)"
                        + " or a Keras 3 model (.keras, what model.save(\"name.keras\") writes).");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the uploaded model " + fileName, e);
        }
    }
}
