package org.backprop.server.workspace;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.backprop.server.api.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A {@link Problem} for a save over a revision that is no longer the latest: the standard members, and
 * {@code theirs}, what is stored now (a {@link FileView}, possibly deleted, or a {@link DraftView}), so that the
 * editor can show both versions side by side.
 */
public record ConflictProblem(String type, String title, int status, String detail,
        @Schema(description = "What is stored now: a FileView (\"deleted\": true when a teammate deleted the file)"
                + " or a DraftView") Object theirs) {

    /** Returns the exception that answers 409 with this problem; it rolls back the transaction. */
    static WebApplicationException of(String detail, Object theirs) {
        Response.Status status = Response.Status.CONFLICT;
        return new WebApplicationException(detail, Response.status(status).type(Problem.PROBLEM_JSON)
                .entity(new ConflictProblem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail,
                        theirs))
                .build());
    }
}
