package org.backprop.server.submission;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;

/** Settings of submissions, under {@code backprop.submissions}. */
@ConfigMapping(prefix = "backprop.submissions")
public interface SubmissionConfig {
    /** Where submitted files live, named by their SHA-256; {@code tmp/} inside it holds files being written. */
    Path blobDir();

    /** The most runs of the experiment log one submission may name. */
    int maxRuns();

    /** The most report Markdown one submission may carry. */
    MemorySize maxReportSize();

    /** The largest weights file one submission may carry. */
    MemorySize maxWeightsSize();
}
