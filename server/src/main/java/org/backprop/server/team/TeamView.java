package org.backprop.server.team;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A team with its members. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TeamView(
        long id,
        String name,
        int size,
        int maxSize,
        List<TeammateView> members,
        @Schema(description = "Shown to the team's members and the course staff only") String joinCode) {
}
