package org.backprop.server.dataset;

import java.io.IOException;
import java.nio.file.Path;
import org.backprop.nn.data.store.DatasetManifest;

/** Reads one layout of dataset files from an unpacked folder into shards and returns the manifest. */
interface FolderImporter {
    DatasetManifest read(Path folder, ImportSettings settings, ShardSink sink, ImportLimits limits) throws IOException;

    /** Returns the importer for {@code format}. */
    static FolderImporter of(DatasetFormat format) {
        return switch (format) {
            case IDX -> new IdxImporter();
            case TFDS -> new TfdsImporter();
            case IMAGE_FOLDER -> new ImageFolderImporter();
        };
    }

    /** Returns the name or version the instructor gave, or {@code fallback}; fails when there is neither. */
    static String required(String given, String fallback, String field) {
        String value = given != null && !given.isBlank() ? given.strip() : fallback;
        if (value == null || value.isBlank()) {
            throw new DatasetImportException("Give the dataset's " + field + ".");
        }
        return value;
    }
}
