package org.backprop.server.submission;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.backprop.server.experiment.Runs;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.fixtures.Homework;
import org.junit.jupiter.api.Test;

/**
 * Handing in: the acknowledgement, versions, files read back byte for byte under the acknowledged hash,
 * immutability, who sees what, and every kind of bad upload.
 */
@QuarkusTest
class SubmissionResourceTest {
    private static final String NET = "package model; public class Net { }";

    @Inject
    Fixtures fixtures;

    @Inject
    AcceptedSubmissions accepted;

    @Test
    void acknowledgesAFullSnapshotAndGivesItBackByteForByte() throws Exception {
        Homework homework = Homework.publish(fixtures.cohort(2), "2099-12-14T23:59", 2);
        Fixtures.User student = homework.course().students().get(0);
        Fixtures.User teammate = homework.course().students().get(1);
        byte[] weights = new byte[300_000];
        new java.util.Random(7).nextBytes(weights);
        long baseline = Runs.keep(homework, teammate, "baseline");
        long variant = Runs.keep(homework, student, "no-augmentation");

        Response ack = Homework.submission(student, "# Team report\nMembers: A, B")
                .multiPart("source", "model/Net.java", NET.getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("run", String.valueOf(variant))
                .multiPart("run", String.valueOf(baseline))
                .multiPart("weights", "model.weights", weights, "application/octet-stream")
                .post(homework.submissionsPath());

        ack.then().statusCode(201)
                .body("version", equalTo(1))
                .body("teamId", equalTo(homework.teams().get(0).intValue()))
                .body("submittedById", equalTo((int) student.id()))
                .body("creditPercent", equalTo(100))
                .body("lateBy", equalTo("on time"))
                .body("timeZone", equalTo("Asia/Seoul"))
                .body("receivedAtLocal", containsString("+09:00"))
                .body("files.path", org.hamcrest.Matchers.contains("report.md", "src/Main.java",
                        "src/model/Net.java", "weights.bin"))
                .body("runs.id", org.hamcrest.Matchers.contains((int) variant, (int) baseline))
                .body("runs.name", org.hamcrest.Matchers.contains("no-augmentation", "baseline"))
                .body("runs.member", org.hamcrest.Matchers.contains(student.name(), teammate.name()))
                .body("runs.memberId", org.hamcrest.Matchers.contains((int) student.id(), (int) teammate.id()));
        long id = ack.jsonPath().getLong("id");
        Map<String, byte[]> downloaded = new TreeMap<>();
        for (String path : ack.jsonPath().<String>getList("files.path")) {
            downloaded.put(path, Homework.as(homework.course().students().get(1))
                    .get("/api/submissions/" + id + "/files/" + path).then().statusCode(200)
                    .extract().asByteArray());
        }
        assertArrayEquals(weights, downloaded.get("weights.bin"));
        assertEquals(NET, new String(downloaded.get("src/model/Net.java"), StandardCharsets.UTF_8));
        Map<String, String[]> runs = new TreeMap<>();
        for (long run : List.of(baseline, variant)) {
            JsonPath view = Homework.as(teammate).get(Runs.path(homework) + "/" + run).then().statusCode(200)
                    .extract().jsonPath();
            runs.put("runs/" + run + ".json", new String[] {view.getString("size"), view.getString("recordSha256")});
        }
        assertEquals(ack.jsonPath().getString("contentHash"), contentHash(downloaded, runs),
                "the hash recomputed from the downloaded files and the runs' sizes and hashes");
        Homework.as(teammate).get("/api/submissions/" + id).then().statusCode(200)
                .body("runs.name", org.hamcrest.Matchers.contains("no-augmentation", "baseline"));
        assertTrue(accepted.events().stream().anyMatch(event -> event.submissionId() == id && event.version() == 1
                && event.contentHash().equals(ack.jsonPath().getString("contentHash"))),
                () -> "a SubmissionAccepted event after commit, got " + accepted.events());
    }

    @Test
    void eachSubmissionIsANewVersionAndEarlierOnesNeverChange() {
        Homework homework = Homework.publish(fixtures.cohort(2), "2099-12-14T23:59", 2);
        JsonPath first = homework.submit(homework.course().students().get(0), "# First").then().statusCode(201)
                .extract().jsonPath();
        JsonPath second = homework.submit(homework.course().students().get(1), "# Second").then().statusCode(201)
                .extract().jsonPath();

        assertEquals(List.of(1, 2), List.of(first.getInt("version"), second.getInt("version")));
        assertTrue(!first.getString("contentHash").equals(second.getString("contentHash")), "different reports");
        Homework.as(homework.course().ta()).get("/api/submissions/" + first.getLong("id")).then().statusCode(200)
                .body("contentHash", equalTo(first.getString("contentHash")))
                .body("version", equalTo(1));
        Homework.as(homework.course().ta()).get(homework.submissionsPath()).then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.version", org.hamcrest.Matchers.contains(2, 1));
        RuntimeException refused = assertThrows(RuntimeException.class, () -> fixtures.inTransaction(() ->
                Submission.getEntityManager().createNativeQuery("update submission set credit_percent = 0 where id = "
                        + first.getLong("id")).executeUpdate()));
        assertTrue(String.valueOf(causes(refused)).contains("submissions are immutable"), () -> "got " + causes(refused));
    }

    @Test
    void studentsSeeTheirOwnTeamsSubmissionsOnlyAndStaffOfOtherCoursesNothing() {
        Homework homework = Homework.publish(fixtures.cohort(2), "2099-12-14T23:59", 1, 1);
        Fixtures.User mine = homework.course().students().get(0);
        Fixtures.User other = homework.course().students().get(1);
        long id = homework.submit(mine, "# Ours").then().statusCode(201).extract().jsonPath().getLong("id");
        Fixtures.Cohort elsewhere = fixtures.cohort(1);

        for (Fixtures.User stranger : List.of(other, elsewhere.ta(), elsewhere.students().get(0))) {
            Homework.as(stranger).get("/api/submissions/" + id).then().statusCode(403)
                    .contentType("application/problem+json");
            Homework.as(stranger).get("/api/submissions/" + id + "/files/report.md").then().statusCode(403);
        }
        Homework.as(other).get(homework.submissionsPath()).then().statusCode(200).body("total", equalTo(0));
        Homework.as(other).get(homework.submissionsPath() + "?teamId=" + homework.teams().get(0)).then()
                .statusCode(403);
        Homework.as(elsewhere.ta()).get(homework.submissionsPath()).then().statusCode(403);
        Homework.as(homework.course().ta()).get(homework.submissionsPath() + "?teamId=" + homework.teams().get(0))
                .then().statusCode(200).body("total", equalTo(1));
        Homework.as(mine).get("/api/submissions/" + id + "/files/../../etc/passwd").then().statusCode(404);
    }

    @Test
    void onlyStudentsInATeamSubmit() {
        Homework homework = Homework.publish(fixtures.cohort(2), "2099-12-14T23:59", 1);
        Homework.submission(homework.course().ta(), "# Staff").post(homework.submissionsPath()).then()
                .statusCode(403).body("detail", startsWith("Only students of the course submit"));
        Homework.submission(homework.course().students().get(1), "# Alone").post(homework.submissionsPath()).then()
                .statusCode(409).body("detail", startsWith("You are not in a team of \"Teams\" yet"));
        Homework.submission(fixtures.cohort(1).students().get(0), "# Stranger").post(homework.submissionsPath())
                .then().statusCode(403);
        RestAssured.given().multiPart("report", "r.md", "# x".getBytes(StandardCharsets.UTF_8))
                .post(homework.submissionsPath()).then().statusCode(401);
    }

    @Test
    void refusesBadPartsWithAMessageThatNamesThem() {
        Homework homework = Homework.publish(fixtures.cohort(1), "2099-12-14T23:59", 1);
        Fixtures.User student = homework.course().students().get(0);
        String path = homework.submissionsPath();

        Homework.submission(student, "# r").multiPart("source", "../../etc/Evil.java", NET.getBytes())
                .post(path).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("\"../../etc/Evil.java\" is not a valid source file name"));
        Homework.submission(student, "# r").multiPart("source", "/abs/Evil.java", NET.getBytes())
                .post(path).then().statusCode(400).body("detail", containsString("/abs/Evil.java"));
        Homework.submission(student, "# r").multiPart("source", "Bad.java", new byte[] {'c', (byte) 0xC3, '(', ' '})
                .post(path).then().statusCode(400)
                .body("detail", equalTo("The part \"source Bad.java\" is not valid UTF-8 text. Save it as UTF-8 and"
                        + " submit again."));
        Homework.submission(student, "# r").multiPart("run", "baseline").post(path).then().statusCode(400)
                .body("detail", equalTo("A \"run\" field holds \"baseline\"; each \"run\" field holds the id of a run"
                        + " in your team's experiment log, e.g. 17."));
        long run = Runs.keep(homework, student, "baseline");
        Homework.submission(student, "# r").multiPart("run", String.valueOf(run)).multiPart("run", String.valueOf(run))
                .post(path).then().statusCode(400)
                .body("detail", equalTo("Run " + run + " is named twice in the submission; name each run once."));
        Homework.submission(student, "# r").multiPart("run", String.valueOf(Long.MAX_VALUE)).post(path).then()
                .statusCode(400).body("detail", equalTo("Run " + Long.MAX_VALUE + " is not in your team's experiment"
                        + " log for this assignment."));
        RequestSpecification tooMany = Homework.submission(student, "# r");
        for (int i = 1; i <= 201; i++) {
            tooMany.multiPart("run", String.valueOf(i));
        }
        tooMany.post(path).then().statusCode(413)
                .body("detail", startsWith("The submission names 201 runs; a submission may name at most 200."));
        Homework.as(student).multiPart("source", "Main.java", Homework.MAIN.getBytes()).post(path).then()
                .statusCode(400).body("detail", startsWith("The part \"report\" is missing"));
        Homework.as(student).multiPart("report", "r.md", "# r".getBytes()).post(path).then()
                .statusCode(400).body("detail", startsWith("The submission has no \"source\" parts"));
        Homework.submission(student, "# r").multiPart("source", "Main.java", Homework.MAIN.getBytes()).post(path)
                .then().statusCode(400).body("detail", equalTo("The source file Main.java is in the submission twice."));
        Homework.as(student).get(path).then().body("total", equalTo(0));
    }

    @Test
    void namesOnlyRunsOfTheSubmittingTeamsLog() {
        Homework homework = Homework.publish(fixtures.cohort(2), "2099-12-14T23:59", 1, 1);
        Fixtures.User student = homework.course().students().get(0);
        long theirs = Runs.keep(homework, homework.course().students().get(1), "baseline");
        Homework.submission(student, "# r").multiPart("run", String.valueOf(theirs)).post(homework.submissionsPath())
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("Run " + theirs + " is not in your team's experiment log for this"
                        + " assignment."));
        Homework.as(student).get(homework.submissionsPath()).then().body("total", equalTo(0));
    }

    @Test
    void refusesPartsOverTheirLimitsWith413() {
        Homework homework = Homework.publish(fixtures.cohort(1), "2099-12-14T23:59", 1);
        Fixtures.User student = homework.course().students().get(0);
        byte[] report = "#".repeat(1024 * 1024 + 1).getBytes(StandardCharsets.UTF_8);

        Homework.as(student).multiPart("source", "Main.java", Homework.MAIN.getBytes())
                .multiPart("report", "report.md", report).post(homework.submissionsPath()).then()
                .statusCode(413).contentType("application/problem+json")
                .body("detail", equalTo("The part \"report\" is 1025 KiB; it may be at most 1024 KiB."));
        byte[] source = ("class Big { String s = \"" + "x".repeat(600 * 1024) + "\"; }").getBytes();
        Homework.submission(student, "# r").multiPart("source", "Big.java", source).post(homework.submissionsPath())
                .then().statusCode(413).body("detail", startsWith("The \"source\" parts are 601 KiB together; a"
                        + " submission may have at most 512 KiB of source."));
    }

    @Test
    void refusesMalformedMultipart() {
        Homework homework = Homework.publish(fixtures.cohort(1), "2099-12-14T23:59", 1);
        Homework.as(homework.course().students().get(0))
                .contentType("multipart/form-data; boundary=XYZ")
                .body("--XYZ\r\nContent-Disposition: form-data; name=\"report\"; filename=\"r.md\"\r\n\r\n# unfinished"
                        .getBytes(StandardCharsets.UTF_8))
                .post(homework.submissionsPath()).then()
                .statusCode(400).contentType("application/problem+json");
    }

    /** The content hash as a client recomputes it: the files' bytes, and each named run's size and hash. */
    static String contentHash(Map<String, byte[]> files, Map<String, String[]> runs) throws Exception {
        Map<String, String> lines = new TreeMap<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            lines.put(file.getKey(), file.getValue().length + "\t"
                    + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file.getValue())));
        }
        runs.forEach((path, sizeAndHash) -> lines.put(path, sizeAndHash[0] + "\t" + sizeAndHash[1]));
        StringBuilder manifest = new StringBuilder("backprop-submission-v1\n");
        lines.forEach((path, line) -> manifest.append(path).append('\t').append(line).append('\n'));
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(manifest.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> causes(Throwable error) {
        List<String> messages = new ArrayList<>();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            messages.add(cause.getMessage());
        }
        return messages;
    }
}
