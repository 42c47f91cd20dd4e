package org.backprop.server.pretrained;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns an uploaded model file into saved-model bytes ({@link org.backprop.nn.saving.SavedModels}'s format) by its
 * file name's extension: the one place that knows which kinds of model file a course can publish. Only
 * {@code .bpm}, what {@code model.save} writes, for now.
 */
final class SavedModelUploads {
    private SavedModelUploads() {
    }

    /**
     * Returns the saved-model bytes of {@code file}, uploaded as {@code fileName}; fails with a message for the staff
     * when the kind of file is not one the server converts. The bytes are not checked here: the caller rebuilds them.
     */
    static byte[] toSavedModel(Path file, String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (!name.endsWith(".bpm")) {
            throw new IllegalArgumentException("\"" + (fileName == null ? "" : fileName) + "\" is not a model file"
                    + " the server can publish: upload a Backprop saved model (.bpm, what model.save writes).");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the uploaded model " + fileName, e);
        }
    }
}
