package org.backprop.server.ratelimit;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import org.backprop.server.api.Problem;

/** Builds the 429 answer of a full rate-limit bucket: a problem that says when, and {@code Retry-After}. */
public final class TooManyRequests {
    private TooManyRequests() {
    }

    /**
     * Returns the exception to throw; {@code what} opens the detail, e.g. "Too many failed sign-ins.", and the
     * detail goes on to say how long to wait.
     */
    public static WebApplicationException until(String what, Instant retryAt, Instant now) {
        long seconds = Math.max(1, (Duration.between(now, retryAt).toMillis() + 999) / 1000);
        String detail = what + " Try again in " + duration(seconds) + ".";
        Response problem = Problem.response(Response.Status.TOO_MANY_REQUESTS, detail);
        return new WebApplicationException(detail,
                Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, seconds).build());
    }

    /** Returns "45 seconds", "1 minute" or "15 minutes": whole minutes, rounded up, from a minute on. */
    public static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
