package org.backprop.server.compile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.backprop.grader.compile.CompileUnavailableException;
import org.backprop.grader.compile.SourceBundle;
import org.backprop.server.api.ProblemMappers;
import org.backprop.server.api.Problem;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.fixtures.Metrics;
import org.backprop.server.fixtures.PinnedClock;
import org.backprop.server.ratelimit.RateLimit;
import org.backprop.server.ratelimit.RateLimiter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CompileResourceTest {
    private static final String HELLO = "public class Main { public static void main(String[] args) {"
            + " System.out.println(\"hello\"); } }";

    @Inject
    Fixtures fixtures;

    @Inject
    RateLimiter limiter;

    @Inject
    PinnedClock clock;

    private Fixtures.User student;

    @BeforeEach
    void signIn() {
        student = fixtures.account("compiler");
    }

    @AfterEach
    void releaseTheClock() {
        clock.release();
    }

    @Test
    void refusesAnonymousCompiles() {
        given().contentType(ContentType.JSON).body(Map.of("mainClass", "Main", "files", Map.of("Main.java", HELLO)))
                .when().post("/api/compile").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("detail", startsWithText("Sign in first"));
    }

    /** Uses programs with compile errors, which javac rejects in moments, so that TeaVM's time does not count. */
    @Test
    void refusesFreshCompilesOverTheLimitButStillAnswersFromTheCache() {
        Map<String, Object> cachedProgram = broken("cached " + student.id());
        compile().contentType(ContentType.JSON).body(cachedProgram).post("/api/compile").then()
                .statusCode(422).header(CompileResource.CACHE_HEADER, "miss");
        clock.pin(Instant.parse("2026-09-14T14:00:00Z"));
        RateLimit limit = new RateLimit(30, Duration.ofMinutes(1));
        for (int i = 0; i < 30; i++) {
            limiter.acquire("compile:" + student.id(), limit);
            clock.advance(Duration.ofSeconds(1));
        }

        compile().contentType(ContentType.JSON).body(broken("fresh " + student.id())).post("/api/compile").then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "30")
                .body("detail", equalTo("You compiled 30 programs within 1 minute. Try again in 30 seconds."));
        compile().contentType(ContentType.JSON).body(cachedProgram).post("/api/compile").then()
                .statusCode(422).header(CompileResource.CACHE_HEADER, "hit");
        given().auth().oauth2(fixtures.account("other").token()).contentType(ContentType.JSON)
                .body(broken("other " + student.id())).post("/api/compile").then()
                .statusCode(422);
        clock.advance(Duration.ofSeconds(30));
        compile().contentType(ContentType.JSON).body(broken("fresh " + student.id())).post("/api/compile").then()
                .statusCode(422);
    }

    private static Map<String, Object> broken(String comment) {
        return Map.of("mainClass", "Main", "files", Map.of("Main.java", "// " + comment + "\nclass Main { int x = }"));
    }

    @Test
    void timesEachCompileByItsOutcome() {
        Map<String, String> failed = Map.of("source", "editor", "outcome", "failed");
        double before = Metrics.value("backprop_compile_seconds_count", failed);
        double seconds = Metrics.value("backprop_compile_seconds_sum", failed);

        compile().contentType(ContentType.JSON).body(broken("timed " + student.id())).post("/api/compile").then()
                .statusCode(422);

        assertEquals(before + 1, Metrics.value("backprop_compile_seconds_count", failed));
        assertTrue(Metrics.value("backprop_compile_seconds_sum", failed) > seconds, "the compile took some time");
    }

    @Test
    void compilesAProgramToJavaScript() {
        compile().contentType(ContentType.JSON).body(Map.of("mainClass", "Main", "files", Map.of("Main.java", HELLO)))
                .when().post("/api/compile").then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("js", containsString("export"))
                .body("diagnostics", hasSize(0))
                .body("sourceSha256", equalTo(new SourceBundle("Main", Map.of("Main.java", HELLO)).sha256()));
    }

    @Test
    void answersTheSameSourcesAgainFromTheCache() {
        Map<String, Object> body = Map.of("mainClass", "Main", "files",
                Map.of("Main.java", HELLO.replace("hello", "cached")));
        compile().contentType(ContentType.JSON).body(body).when().post("/api/compile").then()
                .statusCode(200).header(CompileResource.CACHE_HEADER, "miss");
        compile().contentType(ContentType.JSON).body(body).when().post("/api/compile").then()
                .statusCode(200).header(CompileResource.CACHE_HEADER, "hit");
    }

    @Test
    void returnsCompileErrorsWithTheirLinesAs422() {
        String broken = "public class Main {\n  public static void main(String[] args) {\n    int x = 1\n  }\n}\n";
        compile().contentType(ContentType.JSON).body(Map.of("mainClass", "Main", "files", Map.of("Main.java", broken)))
                .when().post("/api/compile").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("title", equalTo("Compile errors"))
                .body("detail", equalTo("The program has 1 compile error."))
                .body("js", nullValue())
                .body("diagnostics[0].file", equalTo("Main.java"))
                .body("diagnostics[0].line", equalTo(3))
                .body("diagnostics[0].column", equalTo(14))
                .body("diagnostics[0].severity", equalTo("ERROR"))
                .body("diagnostics[0].message", equalTo("';' expected"));
    }

    @Test
    void explainsMalformedJson() {
        compile().contentType(ContentType.JSON).body("{\"mainClass\": \"Main\", \"files\": {")
                .when().post("/api/compile").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", startsWithText("The request body is not valid JSON"));
    }

    @Test
    void explainsAFieldOfTheWrongType() {
        compile().contentType(ContentType.JSON).body("{\"mainClass\": \"Main\", \"files\": [\"Main.java\"]}")
                .when().post("/api/compile").then()
                .statusCode(400)
                .body("detail", equalTo("The field \"files\" has the wrong type."));
    }

    @Test
    void explainsABodyThatIsNotUtf8() {
        byte[] latin1 = "{\"mainClass\": \"Main\", \"files\": {\"Main.java\": \"// caf\u00e9\"}}"
                .getBytes(StandardCharsets.ISO_8859_1);
        compile().contentType("application/json").body(latin1)
                .when().post("/api/compile").then()
                .statusCode(400)
                .body("detail", equalTo("The request body is not valid UTF-8 text. Save your files as UTF-8 and"
                        + " try again."));
    }

    @Test
    void explainsAnEmptyBody() {
        compile().contentType(ContentType.JSON).when().post("/api/compile").then()
                .statusCode(400)
                .body("detail", containsString("The request has no body"));
    }

    @Test
    void refusesPathTraversalInFileNames() {
        compile().contentType(ContentType.JSON)
                .body(Map.of("mainClass", "Main", "files", Map.of("../../etc/Main.java", HELLO)))
                .when().post("/api/compile").then()
                .statusCode(400)
                .body("detail", startsWithText("\"../../etc/Main.java\" is not a valid source file name"));
    }

    @Test
    void explainsMissingFiles() {
        compile().contentType(ContentType.JSON).body(Map.of("mainClass", "Main"))
                .when().post("/api/compile").then()
                .statusCode(400)
                .body("detail", equalTo("There is nothing to compile: \"files\" is missing or empty."));
    }

    @Test
    void refusesSourcesOverTheLimitWith413() {
        String comment = "//" + "x".repeat(600 * 1024) + "\n";
        compile().contentType(ContentType.JSON)
                .body(Map.of("mainClass", "Main", "files", Map.of("Main.java", comment + HELLO)))
                .when().post("/api/compile").then()
                .statusCode(413)
                .body("detail", equalTo("The sources are 600 KiB; a program may have at most 512 KiB of source."));
    }

    @Test
    void refusesRequestsOverTheBodyLimitBeforeReadingThem() {
        String huge = "{\"mainClass\": \"Main\", \"files\": {\"Main.java\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}}";
        compile().contentType(ContentType.JSON).body(huge)
                .when().post("/api/compile").then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("detail", equalTo("The request is 2049 KiB; this server accepts at most 1024 KiB."));
    }

    @Test
    void answersServiceUnavailableWithRetryAfterWhenNoCompilerCanRun() {
        String busy = "Every compiler on the server is busy. Try again in half a minute.";
        Response response = new ProblemMappers().compileUnavailable(new CompileUnavailableException(busy));
        assertEquals(503, response.getStatus());
        assertEquals("30", response.getHeaderString("Retry-After"));
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        assertEquals(new Problem("about:blank", "Service Unavailable", 503, busy), response.getEntity());
    }

    private RequestSpecification compile() {
        return given().auth().oauth2(student.token());
    }

    private static org.hamcrest.Matcher<String> startsWithText(String prefix) {
        return org.hamcrest.Matchers.startsWith(prefix);
    }
}
