package org.backprop.server.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlatformTest {
    @Inject
    EntityManager entityManager;

    @Test
    void reportsReadyOnlyWithItsDatabase() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void migratesTheSchemaWithFlyway() {
        @SuppressWarnings("unchecked")
        List<String> tables = entityManager.createNativeQuery(
                "select table_name from information_schema.tables where table_schema = 'public' order by 1")
                .getResultList();
        assertEquals(List.of("account", "api_token", "assignment", "auth_session", "course", "course_member",
                "extension", "flyway_schema_history", "late_credit_step", "rubric_item", "starter_file", "submission",
                "submission_file", "team", "team_member", "team_set"), tables);
    }

    @Test
    void describesTheCompileEndpointInOpenApiAndSwaggerUi() {
        given().accept("application/json").when().get("/q/openapi").then()
                .statusCode(200)
                .body("paths.'/api/compile'.post.responses.'422'.description", startsWith("Compile errors"));
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void describesTheSignInCourseAndTeamEndpointsInOpenApi() {
        given().accept("application/json").when().get("/q/openapi").then()
                .statusCode(200)
                .body("paths.'/api/auth/login'.post.summary", equalTo("Sign in with email and password"))
                .body("paths.'/api/courses/{courseId}/roster'.post.summary", equalTo("Import a roster"))
                .body("paths.'/api/team-sets/{setId}/teams/{teamId}/join'.post.responses.'409'.description",
                        startsWith("Selection closed"))
                .body("paths.'/api/team-sets/{setId}/fill'.post.summary", equalTo("Fill teams at random"));
    }

    @Test
    void describesTheAssignmentAndSubmissionEndpointsInOpenApi() {
        given().accept("application/json").when().get("/q/openapi").then()
                .statusCode(200)
                .body("paths.'/api/courses/{courseId}/assignments/import'.post.responses.'422'.description",
                        startsWith("assignment.yaml is invalid"))
                .body("paths.'/api/assignments/{assignmentId}/extensions'.post.summary", equalTo("Grant an extension"))
                .body("paths.'/api/assignments/{assignmentId}/submissions'.post.requestBody.content"
                        + ".'multipart/form-data'.schema.properties.keySet()",
                        org.hamcrest.Matchers.containsInAnyOrder("source", "runs", "report", "weights"))
                .body("paths.'/api/assignments/{assignmentId}/submissions'.post.responses.'413'.description",
                        startsWith("A part over its size limit"))
                .body("paths.'/api/submissions/{submissionId}/files/{path}'.get.summary",
                        equalTo("Download a file of a submission"));
    }

    @Test
    void servesTheEditorPageAndTheSampleProgram() {
        given().when().get("/").then().statusCode(200).body(containsString("<title>Backprop</title>"));
        given().when().get("/app/app.js").then().statusCode(200);
        given().when().get("/samples/Main.java").then().statusCode(200).body(containsString("public class Main"));
    }
}
