package org.backprop.server.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * Builds the exceptions services throw when a request breaks a rule. Each carries a {@link Problem}
 * whose detail tells the reader what to do; being runtime exceptions they also roll back the transaction.
 */
public final class ApiError {
    private ApiError() {
    }

    public static WebApplicationException badRequest(String detail) {
        return of(Response.Status.BAD_REQUEST, detail);
    }

    public static WebApplicationException forbidden(String detail) {
        return of(Response.Status.FORBIDDEN, detail);
    }

    public static WebApplicationException notFound(String detail) {
        return of(Response.Status.NOT_FOUND, detail);
    }

    public static WebApplicationException conflict(String detail) {
        return of(Response.Status.CONFLICT, detail);
    }

    /** A request part over its size limit; {@code detail} names the part and the limit. */
    public static WebApplicationException tooLarge(String detail) {
        return of(Response.Status.REQUEST_ENTITY_TOO_LARGE, detail);
    }

    /** A request that is well formed but whose content cannot be used; {@code detail} says why. */
    public static WebApplicationException unprocessable(String detail) {
        return new WebApplicationException(detail, Response.status(422).type(Problem.PROBLEM_JSON)
                .entity(new Problem("about:blank", "Unprocessable Content", 422, detail)).build());
    }

    private static WebApplicationException of(Response.Status status, String detail) {
        return new WebApplicationException(detail, Problem.response(status, detail));
    }
}
