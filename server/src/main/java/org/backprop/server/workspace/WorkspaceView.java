package org.backprop.server.workspace;

import java.util.List;

/** A team's workspace for an assignment: its files that are not deleted, by path. */
public record WorkspaceView(long teamId, List<FileView> files) {
}
