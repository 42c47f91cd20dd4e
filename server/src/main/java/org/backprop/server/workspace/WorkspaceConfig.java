package org.backprop.server.workspace;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;

/** Settings of workspaces and report drafts, under {@code backprop.workspace}. */
@ConfigMapping(prefix = "backprop.workspace")
public interface WorkspaceConfig {
    /**
     * The most Markdown one report draft may hold; below the submission's report limit, and small enough that a draft
     * sent as JSON stays within the server's request limit.
     */
    MemorySize maxDraftSize();
}
