package org.backprop.server.grading;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.backprop.grader.compile.SourceBundle;
import org.backprop.grader.pipeline.RubricItem;
import org.backprop.grader.result.Visibility;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.submission.SubmissionAccepted;

/**
 * Teams, assignments and submissions for grading tests. Teams are made through the API; submissions are
 * registered with {@link TestGradingInputs} and announced with the event the submission store fires.
 */
@ApplicationScoped
public class GradingFixtures {
    /** Ids no other test uses: submissions and assignments do not exist as rows yet. */
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1000);
    public static final String HELLO = "public class Main { public static void main(String[] args) {"
            + " System.out.println(\"hello\"); } }";
    public static final List<RubricItem> RUBRIC = List.of(
            new RubricItem("report", "The report names the team", 2, "report", Map.of("sections", List.of("Results")),
                    Visibility.VISIBLE),
            new RubricItem("heldout", "Accuracy on the hidden split", 3, "heldout",
                    Map.of("split", "hidden-test-2024", "threshold", 0.8), Visibility.AFTER_DUE));

    @Inject
    TestGradingInputs inputs;

    @Inject
    Event<SubmissionAccepted> accepted;

    /** A team of the cohort's first {@code members} students. */
    public long team(Fixtures.Cohort cohort, int members) {
        long set = given().auth().oauth2(cohort.instructor().token()).contentType(ContentType.JSON)
                .body(Map.of("name", Fixtures.unique("Teams"), "minSize", 1, "maxSize", 4,
                        "selectionClosesAt", Instant.now().plus(Duration.ofDays(1)).toString()))
                .post("/api/courses/" + cohort.id() + "/team-sets").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long team = given().auth().oauth2(cohort.students().get(0).token()).contentType(ContentType.JSON)
                .body(Map.of("name", Fixtures.unique("Team"))).post("/api/team-sets/" + set + "/teams")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        for (int i = 1; i < members; i++) {
            given().auth().oauth2(cohort.students().get(i).token())
                    .post("/api/team-sets/" + set + "/teams/" + team + "/join").then().statusCode(200);
        }
        return team;
    }

    /** An assignment with {@code rubric}; returns its id. */
    public long assignment(List<RubricItem> rubric) {
        long id = IDS.incrementAndGet();
        inputs.rubric(id, rubric);
        return id;
    }

    /** Hands in {@code material} for the team and fires the event that queues its grading; returns the submission id. */
    @Transactional
    public long submit(long assignmentId, long teamId, TestGradingInputs.Material material) {
        long id = IDS.incrementAndGet();
        inputs.submission(id, material);
        accepted.fire(new SubmissionAccepted(id, assignmentId, teamId, 1, "0".repeat(64), java.time.Instant.now()));
        return id;
    }

    /** Says that a submission's transaction was rolled back after its event fired. */
    public static final class RolledBack extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long submission;

        RolledBack(long submission) {
            super("submission " + submission + " rolled back");
            this.submission = submission;
        }

        public long submission() {
            return submission;
        }
    }

    /** Hands in a submission whose transaction then fails, as a store that cannot write its files would. */
    @Transactional
    public void submitAndRollBack(long assignmentId, long teamId) {
        long id = submitHello(assignmentId, teamId);
        throw new RolledBack(id);
    }

    /** A submission with a program that prints hello, no run records, and a one-line report. */
    public long submitHello(long assignmentId, long teamId) {
        return submit(assignmentId, teamId, new TestGradingInputs.Material(new SourceBundle("Main",
                Map.of("Main.java", HELLO)), List.of(), "# Results\nNothing yet."));
    }

    /** Creates a worker token through the API as {@code creator}; returns its secret. */
    public static String workerToken(Fixtures.User creator, Long courseId) {
        return given().auth().oauth2(creator.token()).contentType(ContentType.JSON)
                .body(courseId == null ? Map.of("name", "gpu-node") : Map.of("name", "gpu-node", "courseId", courseId))
                .post("/api/worker-tokens").then().statusCode(201).extract().jsonPath().getString("token");
    }
}
