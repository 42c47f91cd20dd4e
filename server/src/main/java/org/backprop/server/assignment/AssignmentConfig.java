package org.backprop.server.assignment;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;

/** Settings of assignments, under {@code backprop.assignments}. */
@ConfigMapping(prefix = "backprop.assignments")
public interface AssignmentConfig {
    /** The server's {@code assignments/} folder: one sub-folder per assignment with its assignment.yaml. */
    Path directory();
}
