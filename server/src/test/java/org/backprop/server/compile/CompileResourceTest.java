package org.backprop.server.compile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CompileResourceTest {
    private static final String HELLO = "public class Main { public static void main(String[] args) {"
            + " System.out.println(\"hello\"); } }";

    @Test
    void compilesAProgramToJavaScript() {
        given().contentType(ContentType.JSON).body(Map.of("mainClass", "Main", "files", Map.of("Main.java", HELLO)))
                .when().post("/api/compile").then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("js", containsString("export"))
                .body("diagnostics", hasSize(0));
    }

    @Test
    void answersTheSameSourcesAgainFromTheCache() {
        Map<String, Object> body = Map.of("mainClass", "Main", "files",
                Map.of("Main.java", HELLO.replace("hello", "cached")));
        given().contentType(ContentType.JSON).body(body).when().post("/api/compile").then()
                .statusCode(200).header(CompileResource.CACHE_HEADER, "miss");
        given().contentType(ContentType.JSON).body(body).when().post("/api/compile").then()
                .statusCode(200).header(CompileResource.CACHE_HEADER, "hit");
    }

    @Test
    void returnsCompileErrorsWithTheirLinesAs422() {
        String broken = "public class Main {\n  public static void main(String[] args) {\n    int x = 1\n  }\n}\n";
        given().contentType(ContentType.JSON).body(Map.of("mainClass", "Main", "files", Map.of("Main.java", broken)))
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
        given().contentType(ContentType.JSON).body("{\"mainClass\": \"Main\", \"files\": {")
                .when().post("/api/compile").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", startsWithText("The request body is not valid JSON"));
    }

    @Test
    void explainsAFieldOfTheWrongType() {
        given().contentType(ContentType.JSON).body("{\"mainClass\": \"Main\", \"files\": [\"Main.java\"]}")
                .when().post("/api/compile").then()
                .statusCode(400)
                .body("detail", equalTo("The field \"files\" has the wrong type."));
    }

    @Test
    void explainsABodyThatIsNotUtf8() {
        byte[] latin1 = "{\"mainClass\": \"Main\", \"files\": {\"Main.java\": \"// caf\u00e9\"}}"
                .getBytes(StandardCharsets.ISO_8859_1);
        given().contentType("application/json").body(latin1)
                .when().post("/api/compile").then()
                .statusCode(400)
                .body("detail", equalTo("The request body is not valid UTF-8 text. Save your files as UTF-8 and"
                        + " try again."));
    }

    @Test
    void explainsAnEmptyBody() {
        given().contentType(ContentType.JSON).when().post("/api/compile").then()
                .statusCode(400)
                .body("detail", containsString("The request has no body"));
    }

    @Test
    void refusesPathTraversalInFileNames() {
        given().contentType(ContentType.JSON)
                .body(Map.of("mainClass", "Main", "files", Map.of("../../etc/Main.java", HELLO)))
                .when().post("/api/compile").then()
                .statusCode(400)
                .body("detail", startsWithText("\"../../etc/Main.java\" is not a valid source file name"));
    }

    @Test
    void explainsMissingFiles() {
        given().contentType(ContentType.JSON).body(Map.of("mainClass", "Main"))
                .when().post("/api/compile").then()
                .statusCode(400)
                .body("detail", equalTo("There is nothing to compile: \"files\" is missing or empty."));
    }

    @Test
    void refusesSourcesOverTheLimitWith413() {
        String comment = "//" + "x".repeat(600 * 1024) + "\n";
        given().contentType(ContentType.JSON)
                .body(Map.of("mainClass", "Main", "files", Map.of("Main.java", comment + HELLO)))
                .when().post("/api/compile").then()
                .statusCode(413)
                .body("detail", equalTo("The sources are 600 KiB; a program may have at most 512 KiB of source."));
    }

    @Test
    void refusesRequestsOverTheBodyLimitBeforeReadingThem() {
        String huge = "{\"mainClass\": \"Main\", \"files\": {\"Main.java\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}}";
        given().contentType(ContentType.JSON).body(huge)
                .when().post("/api/compile").then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("detail", equalTo("The request is 2049 KiB; this server accepts at most 1024 KiB."));
    }

    private static org.hamcrest.Matcher<String> startsWithText(String prefix) {
        return org.hamcrest.Matchers.startsWith(prefix);
    }
}
