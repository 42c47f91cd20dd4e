package org.backprop.server.assignment;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.backprop.server.api.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A problem detail that lists each error of a refused assignment spec with its YAML path. */
public record SpecProblem(String type, String title, int status, String detail, List<SpecError> errors) {

    /** Maps {@link InvalidSpecException} to a 422 that names every error. */
    public static class Mapper {
        @ServerExceptionMapper
        public Response invalidSpec(InvalidSpecException error) {
            int count = error.errors().size();
            String detail = "assignment.yaml has " + (count == 1 ? "1 error" : count + " errors") + ": "
                    + error.errors().stream().map(e -> e.path() + ": " + e.message())
                            .reduce((a, b) -> a + "; " + b).orElse("");
            return Response.status(422).type(Problem.PROBLEM_JSON)
                    .entity(new SpecProblem("about:blank", "Invalid assignment spec", 422, detail, error.errors()))
                    .build();
        }
    }
}
