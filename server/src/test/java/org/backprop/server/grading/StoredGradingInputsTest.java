package org.backprop.server.grading;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.backprop.grader.evidence.Member;
import org.backprop.grader.pipeline.ClaimedRun;
import org.backprop.nn.data.store.DatasetManifest;
import org.backprop.nn.data.store.SplitManifest;
import org.backprop.nn.records.RunRecordJson;
import org.backprop.server.experiment.Runs;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.fixtures.Homework;
import org.junit.jupiter.api.Test;

/**
 * From a real submission to a worker's lease: the queue reads the snapshot and the rubric from the stores, and the
 * datasets the assignment names from the course's imports.
 */
@QuarkusTest
class StoredGradingInputsTest {
    @Inject
    Fixtures fixtures;

    @Inject
    StoredGradingInputs inputs;

    @Test
    void aWorkerLeasesWhatTheTeamSubmittedWithTheAssignmentsRubric() {
        Homework homework = Homework.publish(fixtures.cohort(2), "2099-12-14T23:59", 2);
        Fixtures.User submitter = homework.course().students().get(0);
        Fixtures.User teammate = homework.course().students().get(1);
        String baseline = Runs.record("baseline", 7, "baseline");
        String variant = Runs.record("no-augmentation", 7, "ablation:augmentation");
        String sources = "b".repeat(64);
        long baselineId = Runs.post(homework, teammate, Runs.body(sources, baseline, Map.of())).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long variantId = Runs.post(homework, submitter, Runs.body(null, variant, Map.of())).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long submission = Homework.submission(submitter, "# Our report")
                .multiPart("run", String.valueOf(baselineId)).multiPart("run", String.valueOf(variantId))
                .post(homework.submissionsPath()).then().statusCode(201).extract().jsonPath().getLong("id");
        String token = GradingFixtures.workerToken(homework.course().instructor(), homework.course().id());

        JsonPath lease = given().auth().oauth2(token).post("/api/worker/leases").then().statusCode(201)
                .extract().jsonPath();

        assertEquals(submission, lease.getLong("submissionId"));
        assertEquals("Main", lease.getString("mainClass"));
        assertEquals(Map.of("Main.java", Homework.MAIN), lease.getMap("files"));
        assertEquals("# Our report", lease.getString("report"));
        assertEquals(List.of(teammate.id(), submitter.id()), lease.getList("claims.member.accountId", Long.class));
        assertEquals(List.of(teammate.name(), submitter.name()), lease.getList("claims.member.name"));
        assertEquals(Arrays.asList(sources, null), lease.getList("claims.sourceSha256"));
        assertEquals(List.of(RunRecordJson.read(baseline), RunRecordJson.read(variant)), lease.<String>getList(
                "claims.recordJson").stream().map(RunRecordJson::read).toList(), "the records the team kept");
        List<ClaimedRun> claims = inputs.claimedRuns(submission);
        assertEquals(List.of(new Member(teammate.id(), teammate.name()), new Member(submitter.id(), submitter.name())),
                claims.stream().map(ClaimedRun::member).toList(), "who ran each claimed run, the teammate's first as named");
        assertEquals(lease.getList("claims.recordJson"), claims.stream().map(ClaimedRun::recordJson).toList());
        assertEquals(List.of("augmentation", "insight"), lease.getList("rubric.key"));
        assertEquals(List.of("augmentation-active", "manual"), lease.getList("rubric.check"));
        assertEquals(List.of(), lease.getList("datasets"), "the course has not imported rps");
    }

    @Test
    void aJobLeasesWithTheCoursesImportOfTheAssignmentsDatasetInTheStudentsView() {
        Homework homework = Homework.publish(fixtures.cohort(1), "2099-12-14T23:59", 1);
        // Imported without a hidden split: the assignment's "hidden: test" alone must keep its shards from programs.
        given().auth().oauth2(homework.course().instructor().token())
                .multiPart("file", "train-images-idx3-ubyte", idxImages(2), "application/octet-stream")
                .multiPart("file", "train-labels-idx1-ubyte", new byte[] {0, 0, 8, 1, 0, 0, 0, 2, 0, 2},
                        "application/octet-stream")
                .multiPart("file", "t10k-images-idx3-ubyte", idxImages(1), "application/octet-stream")
                .multiPart("file", "t10k-labels-idx1-ubyte", new byte[] {0, 0, 8, 1, 0, 0, 0, 1, 1},
                        "application/octet-stream")
                .multiPart("format", "idx").multiPart("name", "rps").multiPart("version", "1.0.0")
                .post("/api/courses/" + homework.course().id() + "/datasets").then().statusCode(201);
        homework.submit(homework.course().students().get(0), "# Report").then().statusCode(201);
        String token = GradingFixtures.workerToken(homework.course().instructor(), homework.course().id());

        JsonPath lease = given().auth().oauth2(token).post("/api/worker/leases").then().statusCode(201)
                .extract().jsonPath();

        assertEquals(List.of("rps"), lease.getList("datasets.name"));
        assertEquals(List.of("1.0.0"), lease.getList("datasets.version"));
        DatasetManifest manifest = DatasetManifest.fromJson(lease.getString("datasets[0].manifest"));
        assertEquals(List.of("test", "train"), manifest.splits().stream().map(SplitManifest::name).sorted().toList());
        assertEquals(2, manifest.split("train").examples());
        assertEquals(1, manifest.split("train").shards().size());
        assertTrue(manifest.split("test").hidden());
        assertEquals(1, manifest.split("test").examples());
        assertEquals(List.of(), manifest.split("test").shards(), "the hidden split's shards never reach a program");
    }

    /** An IDX image file of {@code count} 4x4 grey images. */
    private static byte[] idxImages(int count) {
        byte[] file = new byte[16 + 16 * count];
        byte[] header = {0, 0, 8, 3, 0, 0, 0, (byte) count, 0, 0, 0, 4, 0, 0, 0, 4};
        System.arraycopy(header, 0, file, 0, header.length);
        for (int i = 16; i < file.length; i++) {
            file[i] = (byte) (i * 7);
        }
        return file;
    }
}
