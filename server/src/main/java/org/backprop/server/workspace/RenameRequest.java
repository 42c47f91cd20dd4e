package org.backprop.server.workspace;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** A file's new path, given the revision the editor opened. */
public record RenameRequest(
        @NotNull(message = "is required: send the new path, e.g. model/Net.java") String to,
        @NotNull(message = "is required: send the revision you opened")
        @Positive(message = "must be the revision you opened, 1 or more") Integer baseRevision) {
}
