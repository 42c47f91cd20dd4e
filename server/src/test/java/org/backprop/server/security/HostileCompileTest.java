package org.backprop.server.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.backprop.server.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A signed-in student attacks the compile endpoint of the real server: the TeaVM annotation stand-in that once ran
 * a student's static initialiser in the server, JavaScript through a student-written JSBody, and a constant-expression
 * bomb that once filled the server's heap. Each answers with compile errors a student can read, nothing they tried
 * happens, and the server stays ready.
 */
@QuarkusTest
class HostileCompileTest {
    @Inject
    Fixtures fixtures;

    @Test
    void aStandInForTeaVmsGeneratorAnnotationIsRefusedAndNeverRuns() throws Exception {
        Path marker = Files.createTempDirectory("hostile").resolve("pwned");
        Map<String, String> files = Map.of(
                "org/teavm/backend/javascript/spi/GeneratedBy.java", "package org.teavm.backend.javascript.spi;\n"
                        + "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)\n"
                        + "public @interface GeneratedBy { Class<?> value(); }",
                "Evil.java", "public class Evil { static { try { java.nio.file.Files.writeString("
                        + "java.nio.file.Path.of(\"" + marker + "\"), \"x\"); } catch (Exception e) { } } }",
                "Main.java", "public class Main {\n"
                        + "  @org.teavm.backend.javascript.spi.GeneratedBy(Evil.class) static native void run();\n"
                        + "  public static void main(String[] a) { run(); } }");
        given().auth().oauth2(fixtures.account("attacker").token()).contentType(ContentType.JSON)
                .body(Map.of("mainClass", "Main", "files", files))
                .when().post("/api/compile").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("diagnostics.message", hasItem(startsWith("Your class org.teavm.backend.javascript.spi.GeneratedBy"
                        + " may not be declared in the package org.teavm.backend.javascript.spi")))
                .body("diagnostics.message", hasItem(startsWith("Programs on Backprop may not use the annotation"
                        + " @org.teavm.backend.javascript.spi.GeneratedBy")));
        assertFalse(Files.exists(marker), "the student's class ran in the server");
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void aConstantExpressionBombStopsInTheCompileWorkerAndTheServerCarriesOn() {
        StringBuilder source = new StringBuilder("public class Main {\n  static final String A0 = \"x\";\n");
        for (int i = 1; i <= 30; i++) {
            String previous = "A" + (i - 1);
            source.append("  static final String A").append(i).append(" = ").append(previous).append(" + ")
                    .append(previous).append(" + ").append(previous).append(" + ").append(previous).append(";\n");
        }
        source.append("  public static void main(String[] a) { System.out.println(A30.length()); }\n}\n");
        long heapBefore = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        given().auth().oauth2(fixtures.account("bomber").token()).contentType(ContentType.JSON)
                .body(Map.of("mainClass", "Main", "files", Map.of("Main.java", source.toString())))
                .when().post("/api/compile").then()
                .statusCode(422)
                // The grader's CompileWorkerPoolTest pins the memory message; here the point is the server's side.
                .body("diagnostics.message", hasItem(anyOf(startsWith("Compiling your program needed more than"),
                        startsWith("The compiler stopped unexpectedly"))));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().auth().oauth2(fixtures.account("bomber").token()).contentType(ContentType.JSON)
                .body(Map.of("mainClass", "Main", "files", Map.of("Main.java",
                        "public class Main { public static void main(String[] a) { System.out.println(2); } }")))
                .when().post("/api/compile").then().statusCode(200);
        long heapAfter = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertTrue(heapAfter - heapBefore < 256L * 1024 * 1024, "the server's heap grew by "
                + (heapAfter - heapBefore) / (1024 * 1024) + " MiB");
    }

    @Test
    void aStudentWrittenJsBodyIsRefused() {
        Map<String, String> files = Map.of(
                "org/teavm/jso/JSBody.java", "package org.teavm.jso;\n"
                        + "public @interface JSBody { String[] params() default {}; String script(); }",
                "Main.java", "public class Main {\n"
                        + "  @org.teavm.jso.JSBody(script = \"require('child_process').execSync('id')\")\n"
                        + "  static native void shell();\n"
                        + "  public static void main(String[] a) { shell(); } }");
        given().auth().oauth2(fixtures.account("jsbody").token()).contentType(ContentType.JSON)
                .body(Map.of("mainClass", "Main", "files", files))
                .when().post("/api/compile").then()
                .statusCode(422)
                .body("diagnostics.message", hasItem(startsWith("Your class org.teavm.jso.JSBody may not be declared")))
                .body("diagnostics.message", hasItem(startsWith("Programs on Backprop may not declare native methods")));
    }
}
