package org.backprop.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.backprop.grader.compile.CompileUnavailableException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Gives every error the API raises itself, and every body Jackson cannot read, the shape of a
 * {@link Problem} whose detail says what is wrong.
 */
public class ProblemMappers {
    /** When a client should ask again after the compile workers were all busy. */
    private static final int RETRY_COMPILE_SECONDS = 30;

    /** The compile workers are busy or cannot start: compiling in the editor and importing an assignment both wait. */
    @ServerExceptionMapper
    public Response compileUnavailable(CompileUnavailableException error) {
        return Response.fromResponse(Problem.response(Response.Status.SERVICE_UNAVAILABLE, error.getMessage()))
                .header("Retry-After", RETRY_COMPILE_SECONDS).build();
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException error) {
        String field = error.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : String.valueOf(reference.getIndex()))
                .collect(Collectors.joining("."));
        return Problem.response(Response.Status.BAD_REQUEST, field.isEmpty()
                ? "The request body has the wrong shape: expected a JSON object."
                : "The field \"" + field + "\" has the wrong type.");
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException error) {
        if (error instanceof MismatchedInputException) {
            return wrongType((MismatchedInputException) error);
        }
        String location = error.getLocation() == null ? ""
                : " (line " + error.getLocation().getLineNr() + ", column " + error.getLocation().getColumnNr() + ")";
        return Problem.response(Response.Status.BAD_REQUEST, "The request body is not valid JSON" + location + ".");
    }

    /** Quarkus wraps bodies it cannot parse in a 400; JAX-RS raises 404, 405, 415 and the like. */
    @ServerExceptionMapper
    public Response webApplicationError(WebApplicationException error) {
        if (error.getCause() instanceof JsonProcessingException) {
            return unreadableJson((JsonProcessingException) error.getCause());
        }
        Response.Status status = Response.Status.fromStatusCode(error.getResponse().getStatus());
        if (status == null || Problem.PROBLEM_JSON.isCompatible(error.getResponse().getMediaType())) {
            return error.getResponse();
        }
        return Problem.response(status, error.getMessage());
    }

    /**
     * Bean Validation on bodies and query parameters. Each violation names the field it is about; a
     * constraint on the body parameter itself (named {@code body}) carries a whole sentence.
     */
    @ServerExceptionMapper
    public Response invalidInput(ConstraintViolationException error) {
        String detail = error.getConstraintViolations().stream()
                .map(ProblemMappers::sentence)
                .sorted()
                .collect(Collectors.joining(" "));
        return Problem.response(Response.Status.BAD_REQUEST, detail);
    }

    /** A unique key or foreign key refused a write, almost always because of a change made at the same time. */
    @ServerExceptionMapper
    public Response conflictingWrite(org.hibernate.exception.ConstraintViolationException error) {
        return Problem.response(Response.Status.CONFLICT,
                "This conflicts with a change made at the same moment. Reload and try again.");
    }

    private static String sentence(ConstraintViolation<?> violation) {
        Path.Node leaf = null;
        for (Path.Node node : violation.getPropertyPath()) {
            leaf = node;
        }
        if (leaf == null || (leaf.getKind() == ElementKind.PARAMETER && "body".equals(leaf.getName()))) {
            return violation.getMessage();
        }
        return "\"" + leaf.getName() + "\" " + violation.getMessage() + ".";
    }
}
