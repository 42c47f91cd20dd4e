package org.backprop.server.dataset;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;

/** Settings of datasets, under {@code backprop.datasets}. */
@ConfigMapping(prefix = "backprop.datasets")
public interface DatasetConfig {
    /**
     * Where datasets live: {@code shards/} (named by SHA-256), {@code manifests/} and {@code tmp/} for uploads
     * being unpacked and shards of imports not finished yet.
     */
    Path dir();

    /** The largest archive an instructor may upload. */
    MemorySize maxUploadSize();

    /** The most bytes one archive may unpack to. */
    MemorySize maxExtractedSize();

    /** The most entries one archive may hold. */
    int maxEntries();

    /** The most pixel bytes one dataset may hold once imported (all splits, at the chosen image size). */
    MemorySize maxDatasetSize();

    default ImportLimits limits() {
        return new ImportLimits(maxExtractedSize().asLongValue(), maxEntries(), maxDatasetSize().asLongValue());
    }
}
