package org.backprop.server.experiment;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;

/** Settings of the teams' experiment logs, under {@code backprop.experiments}. */
@ConfigMapping(prefix = "backprop.experiments")
public interface ExperimentConfig {
    /** The largest run record one run may keep, measured as stored (compact JSON, UTF-8). */
    MemorySize maxRecordSize();
}
