package org.backprop.server.workspace;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.fixtures.Homework;
import org.junit.jupiter.api.Test;

/**
 * Each member's report draft: a template from the report check's sections until the first save, saves over the
 * revision opened only, no team needed, a size limit, and students only.
 */
@QuarkusTest
class ReportDraftTest {
    private static final String TEMPLATE = """
            # Team homework: modern convnets on two datasets

            ## Datasets

            ## Model

            ## Ablation study

            ## Curves and overfitting

            ## Metrics

            ## Who did what
            """;

    @Inject
    Fixtures fixtures;

    @Test
    void keepsEachMembersDraftAndRefusesASaveOverANewerOne() {
        ConvnetsWorkspace ws = ConvnetsWorkspace.publish(fixtures);
        Fixtures.User kim = ws.student(0);

        Homework.as(kim).get(path(ws)).then().statusCode(200)
                .body("markdown", equalTo(TEMPLATE))
                .body("revision", equalTo(0))
                .body("updatedAt", nullValue());
        save(ws, kim, "# Draft one", 0).then().statusCode(200)
                .body("markdown", equalTo("# Draft one")).body("revision", equalTo(1));
        Response second = save(ws, kim, "# Draft two", 1);
        second.then().statusCode(200).body("revision", equalTo(2));
        Instant updatedAt = Instant.parse(second.jsonPath().getString("updatedAt"));
        assertTrue(Duration.between(updatedAt, Instant.now()).abs().toMinutes() < 5, () -> "the server's clock, got "
                + updatedAt);

        // A second tab still at revision 1.
        save(ws, kim, "# Draft from the other tab", 1).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", startsWith("You saved this report draft (revision 2) at "))
                .body("detail", endsWith(" in another tab or window, after you opened revision 1. Your version is"
                        + " kept in the editor: compare the two and save again."))
                .body("theirs.markdown", equalTo("# Draft two"))
                .body("theirs.revision", equalTo(2));
        save(ws, kim, "# Another first save", 0).then().statusCode(409).body("theirs.revision", equalTo(2));
        Homework.as(kim).get(path(ws)).then().body("markdown", equalTo("# Draft two")).body("revision", equalTo(2));

        // Drafts are each member's own.
        Homework.as(ws.student(1)).get(path(ws)).then().statusCode(200).body("revision", equalTo(0));
        save(ws, ws.student(1), "# Lee's", 3).then().statusCode(409)
                .body("detail", startsWith("Your report draft has not been saved yet"));
    }

    @Test
    void needsNoTeamButIsForStudentsOnlyAndHasALimit() {
        ConvnetsWorkspace ws = ConvnetsWorkspace.publish(fixtures);
        Fixtures.User loner = ws.student(3);

        save(ws, loner, "# Mine", 0).then().statusCode(200).body("revision", equalTo(1));
        save(ws, loner, "x".repeat(512 * 1024 + 1), 1).then().statusCode(413)
                .body("detail", equalTo("Your report draft is 513 KiB; a draft may be at most 512 KiB. Shorten it, or"
                        + " link run charts instead of pasting data."));
        save(ws, loner, "x".repeat(512 * 1024), 1).then().statusCode(200).body("revision", equalTo(2));
        Homework.as(loner).contentType(ContentType.JSON).body("{\"baseRevision\": 2}").put(path(ws)).then()
                .statusCode(400).body("detail", equalTo("\"markdown\" is required: send the report's Markdown."));
        Homework.as(ws.course().ta()).get(path(ws)).then().statusCode(403)
                .body("detail", startsWith("Only students of the course write report drafts"));
        save(ws, ws.course().ta(), "# TA", 0).then().statusCode(403);
        Homework.as(fixtures.cohort(1).students().get(0)).get(path(ws)).then().statusCode(403);
        Homework.as(loner).get("/api/assignments/999999999/report-draft").then().statusCode(404);
        assertEquals(2, (int) fixtures.inTransaction(() -> ReportDraft.<ReportDraft>findById(
                new ReportDraft.Key(loner.id(), ws.assignmentId())).revision));
    }

    private static String path(ConvnetsWorkspace ws) {
        return "/api/assignments/" + ws.assignmentId() + "/report-draft";
    }

    private static Response save(ConvnetsWorkspace ws, Fixtures.User student, String markdown, int baseRevision) {
        return Homework.as(student).contentType(ContentType.JSON)
                .body(Map.of("markdown", markdown, "baseRevision", baseRevision)).put(path(ws));
    }
}
