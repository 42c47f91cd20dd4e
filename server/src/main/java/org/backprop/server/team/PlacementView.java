package org.backprop.server.team;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Which team a student is in; no team when {@code teamId} is absent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlacementView(long accountId, String name, Long teamId, String teamName) {
}
