package org.backprop.server.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.backprop.grader.worker.wire.LeasedJob;
import org.backprop.server.api.Problem;
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
    void reportsHowTheGradingSandboxContainsPrograms() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("checks.find { it.name == 'grading sandbox' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'grading sandbox' }.data.detail",
                        startsWith("jailed by bubblewrap as uid 65534; memory and processes capped by cgroup"));
    }

    @Test
    void migratesTheSchemaWithFlyway() {
        @SuppressWarnings("unchecked")
        List<String> tables = entityManager.createNativeQuery(
                "select table_name from information_schema.tables where table_schema = 'public' order by 1")
                .getResultList();
        assertEquals(List.of("account", "api_token", "assignment", "auth_session", "course", "course_member", "dataset",
                "dataset_shard", "experiment_run", "extension",
                "flyway_schema_history", "grading_attempt", "grading_job", "grading_result",
                "grading_result_item", "hidden_test_file", "late_credit_step", "password_setup", "pretrained_model",
                "rate_limit_event",
                "regrade_request", "report_draft",
                "result_publication", "review_score", "rubric_item", "run_model", "similarity_report",
                "starter_file", "submission", "submission_file", "submission_run", "team", "team_audit", "team_member",
                "team_set", "worker_token", "workspace", "workspace_file_revision"), tables);
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
    void describesPasswordsLimitsBalanceAndUniversitySignInInOpenApi() {
        given().accept("application/json").when().get("/q/openapi").then()
                .statusCode(200)
                .body("paths.'/api/auth/login'.post.responses.'429'.headers.'Retry-After'.description",
                        equalTo("Seconds to wait"))
                .body("paths.'/api/compile'.post.responses.'429'.description", startsWith("Too many compiles"))
                .body("paths.'/api/compile'.post.responses.'401'.description", equalTo("Not signed in"))
                .body("paths.'/api/auth/password-setup'.post.responses.'410'.description",
                        startsWith("The link was used already"))
                .body("paths.'/api/courses/{courseId}/password-links'.post.description",
                        containsString("This server sends no email"))
                .body("paths.'/api/team-sets/{setId}/balance'.get.summary", equalTo("Preview a balance"))
                .body("paths.'/api/team-sets/{setId}/balance'.post.summary", equalTo("Balance the teams"))
                .body("paths.'/api/team-sets/{setId}/audit'.get.summary",
                        equalTo("List the placements made after selection"))
                .body("paths.'/api/auth/oidc/callback'.get.responses.'303'.description",
                        equalTo("Signed in; to the editor"));
    }

    @Test
    void describesTheWorkerAndGradingEndpointsInOpenApi() {
        given().accept("application/json").when().get("/q/openapi").then()
                .statusCode(200)
                .body("paths.'/api/worker/leases'.post.responses.'201'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/LeasedJob"))
                .body("paths.'/api/worker/leases/{leaseId}/result'.post.responses.'409'.description",
                        startsWith("The lease has ended"))
                .body("paths.'/api/worker/leases/{leaseId}/heartbeat'.post.summary", equalTo("Keep a lease"))
                .body("paths.'/api/worker/leases/{leaseId}/failure'.post.summary", equalTo("Report a failure"))
                .body("paths.'/api/courses/{courseId}/grading/queue'.get.summary", equalTo("See a course's grading queue"))
                .body("paths.'/api/worker-tokens'.post.summary", equalTo("Create a worker token"))
                .body("components.schemas.Verdict.enum", equalTo(List.of("PASSED", "PARTIAL", "FAILED", "NEEDS_REVIEW")))
                .body("components.schemas.Visibility.enum", equalTo(List.of("VISIBLE", "AFTER_DUE", "HIDDEN")));
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
                        org.hamcrest.Matchers.containsInAnyOrder("source", "run", "report", "weights"))
                .body("paths.'/api/assignments/{assignmentId}/submissions'.post.responses.'413'.description",
                        startsWith("A part over its size limit"))
                .body("paths.'/api/submissions/{submissionId}/files/{path}'.get.summary",
                        equalTo("Download a file of a submission"))
                .body("paths.'/api/assignments/{assignmentId}/runs'.post.summary",
                        equalTo("Keep a run in my team's experiment log"))
                .body("paths.'/api/assignments/{assignmentId}/runs/{runId}'.get.summary",
                        equalTo("Get a run of my team"))
                .body("paths.'/api/teams/{teamId}/assignments/{assignmentId}/runs'.get.summary",
                        equalTo("List a team's runs"))
                .body("paths.'/api/worker/leases'.post.responses.'201'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/LeasedJob"))
                .body("components.schemas.LeasedJob.properties.keySet()", org.hamcrest.Matchers.hasItem("claims"))
                .body("components.schemas.LeasedJob.properties.keySet()",
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("runRecords")));
    }

    @Test
    void describesTheWorkspaceEndpointsAndTheirConflictInOpenApi() {
        given().accept("application/json").when().get("/q/openapi").then()
                .statusCode(200)
                .body("paths.'/api/assignments/{assignmentId}/workspace'.get.summary",
                        equalTo("Open my team's workspace"))
                .body("paths.'/api/assignments/{assignmentId}/workspace/files/{path}'.put.summary",
                        equalTo("Save a file"))
                .body("paths.'/api/assignments/{assignmentId}/workspace/files/{path}'.put.responses.'409'.content"
                        + ".'application/problem+json'.schema.'$ref'", equalTo("#/components/schemas/ConflictProblem"))
                .body("paths.'/api/assignments/{assignmentId}/workspace/files/{path}/revisions/{revision}'.get"
                        + ".summary", equalTo("Get one revision of a file"))
                .body("paths.'/api/teams/{teamId}/assignments/{assignmentId}/workspace'.get.summary",
                        equalTo("Read a team's workspace"))
                .body("paths.'/api/assignments/{assignmentId}/report-draft'.put.summary",
                        equalTo("Save my report draft"))
                .body("components.schemas.ConflictProblem.properties.keySet()",
                        org.hamcrest.Matchers.containsInAnyOrder("type", "title", "status", "detail", "theirs"));
    }

    @Test
    void describesTheReviewAndGradebookEndpointsInOpenApi() {
        given().accept("application/json").when().get("/q/openapi").then()
                .statusCode(200)
                .body("paths.'/api/submissions/{submissionId}/review'.get.summary", equalTo("Review a submission"))
                .body("paths.'/api/submissions/{submissionId}/review/items/{itemKey}'.put.summary",
                        equalTo("Score a rubric item"))
                .body("paths.'/api/submissions/{submissionId}/review/history'.get.summary",
                        equalTo("See a submission's review history"))
                .body("paths.'/api/submissions/{submissionId}/results'.get.summary",
                        equalTo("Get a submission's results"))
                .body("paths.'/api/assignments/{assignmentId}/results/publication'.post.summary",
                        equalTo("Publish an assignment's results"))
                .body("paths.'/api/submissions/{submissionId}/regrade-requests'.post.summary",
                        equalTo("Ask for a regrade of an item"))
                .body("paths.'/api/courses/{courseId}/regrade-requests'.get.summary",
                        equalTo("List a course's regrade requests"))
                .body("paths.'/api/regrade-requests/{requestId}/answer'.post.summary",
                        equalTo("Answer a regrade request"))
                .body("paths.'/api/courses/{courseId}/gradebook'.get.summary", equalTo("Get a course's gradebook"))
                .body("paths.'/api/courses/{courseId}/gradebook.csv'.get.summary",
                        equalTo("Export a course's gradebook as CSV"))
                .body("paths.'/api/courses/{courseId}/gradebook/{assignmentId}/gradescope.json'.get.summary",
                        equalTo("Export an assignment's results for Gradescope"));
    }

    @Test
    void servesTheAppAndTheSampleProgram() {
        given().when().get("/").then().statusCode(200).body(containsString("<title>Backprop</title>"));
        given().when().get("/app/app.js").then().statusCode(200);
        given().when().get("/app/nn-api.json").then().statusCode(200).body("classes.name", hasItem("Sequential"));
        given().when().get("/samples/Main.java").then().statusCode(200).body(containsString("public class Main"));
    }

    @Test
    void answersTheAppsOwnAddressesWithItsPageAndLeavesTheApiAlone() {
        for (String screen : List.of("/courses", "/courses/7", "/team-sets/3", "/assignments/12/workspace",
                "/assignments/12/feedback", "/playground", "/sign-in", "/password-setup")) {
            given().when().get(screen).then().statusCode(200).contentType(ContentType.HTML)
                    .body(containsString("<div id=\"app\">"));
        }
        given().when().get("/api/assignments/12").then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        given().when().get("/coursework").then().statusCode(404);
    }

    @Test
    void sendsTheAppsScriptsCompressed() {
        given().header("Accept-Encoding", "gzip").when().get("/app/app.js").then().statusCode(200)
                .header("Content-Encoding", "gzip");
    }
}
