package org.backprop.server.workspace;

import java.time.Instant;

/** One revision of a workspace file in its history, without the content. */
public record RevisionView(int revision, boolean deleted, Author updatedBy, Instant updatedAt) {
}
