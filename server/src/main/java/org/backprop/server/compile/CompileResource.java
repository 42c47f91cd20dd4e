package org.backprop.server.compile;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import org.backprop.grader.compile.CompileResult;
import org.backprop.grader.compile.CompileService;
import org.backprop.grader.compile.CompileUnavailableException;
import org.backprop.grader.compile.InvalidSourcesException;
import org.backprop.grader.compile.SourceBundle;
import org.backprop.grader.pipeline.StageListener;
import org.backprop.server.api.Problem;
import org.backprop.server.auth.CurrentAccount;
import org.backprop.server.ratelimit.RateLimit;
import org.backprop.server.ratelimit.RateLimiter;
import org.backprop.server.ratelimit.TooManyRequests;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Compiles a student program to JavaScript for the browser (javac, then TeaVM), for signed-in accounts only
 * and at most so many fresh compiles per account and minute: each costs a core for about a second.
 */
@Path("/api/compile")
@Authenticated
public class CompileResource {
    /** Says whether the answer came from the cache, for clients and for measuring. */
    static final String CACHE_HEADER = "Backprop-Compile-Cache";

    @Inject
    CompileService compileService;

    @Inject
    CompileConfig config;

    @Inject
    CurrentAccount me;

    @Inject
    RateLimiter limiter;

    @Inject
    Clock clock;

    @Inject
    CompileMetrics metrics;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Compile a program", description = "Compiles the Java files with javac against the nn"
            + " library, then to an ES module with TeaVM. Results are cached by the sources' content hash; answers"
            + " from the cache do not count against the per-account limit of compiles per minute.")
    @APIResponse(responseCode = "200", description = "Compiled",
            content = @Content(schema = @Schema(implementation = CompileResponse.class)))
    @APIResponse(responseCode = "422", description = "Compile errors, with their files, lines and columns",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = CompileFailure.class)))
    @APIResponse(responseCode = "400", description = "Malformed request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Sources or request over the size limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Not signed in",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "No compiler is free or can be started right now; Retry-After"
            + " says when to try again", headers = @Header(name = "Retry-After", description = "Seconds to wait"),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many compiles in the last minute; Retry-After says when"
            + " to try again", headers = @Header(name = "Retry-After", description = "Seconds to wait"),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response compile(CompileRequest request) {
        if (request == null) {
            return Problem.response(Response.Status.BAD_REQUEST, "The request has no body: send JSON such as"
                    + " {\"mainClass\": \"Main\", \"files\": {\"Main.java\": \"...\"}}.");
        }
        SourceBundle sources = new SourceBundle(request.mainClass(), request.files());
        boolean cached = compileService.isCached(sources);
        if (!cached) {
            RateLimit limit = new RateLimit(config.ratePerAccount(), config.rateWindow());
            limiter.acquire("compile:" + me.id(), limit).ifPresent(retryAt -> {
                throw TooManyRequests.until("You compiled " + limit.events() + " programs within "
                        + TooManyRequests.duration(limit.window().toSeconds()) + ".", retryAt, clock.instant());
            });
        }
        CompileResult result = timed(sources);
        Response.ResponseBuilder response = result.succeeded()
                ? Response.ok(new CompileResponse(result.js(), result.diagnostics(), sources.sha256()),
                        MediaType.APPLICATION_JSON)
                : Response.status(422).type(Problem.PROBLEM_JSON).entity(CompileFailure.of(result.diagnostics()));
        return response.header(CACHE_HEADER, cached ? "hit" : "miss").build();
    }

    private CompileResult timed(SourceBundle sources) {
        long started = System.nanoTime();
        String outcome = StageListener.ERROR;
        try {
            CompileResult result = compileService.compile(sources);
            outcome = result.succeeded() ? StageListener.SUCCEEDED : StageListener.FAILED;
            return result;
        } catch (CompileUnavailableException e) {
            outcome = CompileMetrics.UNAVAILABLE;
            throw e;
        } finally {
            metrics.record(CompileMetrics.EDITOR, outcome, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    @ServerExceptionMapper
    public Response invalidSources(InvalidSourcesException error) {
        return Problem.response(error instanceof InvalidSourcesException.TooLarge
                ? Response.Status.REQUEST_ENTITY_TOO_LARGE : Response.Status.BAD_REQUEST, error.getMessage());
    }
}
