package org.backprop.server.team;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where the instructor puts a student. */
public record PlacementRequest(@Schema(description = "The team; null takes the student out of every team") Long teamId) {
}
