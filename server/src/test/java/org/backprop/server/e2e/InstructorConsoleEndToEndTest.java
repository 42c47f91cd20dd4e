package org.backprop.server.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.backprop.nn.saving.SavedModels;
import org.backprop.server.account.Account;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.fixtures.Homework;
import org.backprop.server.fixtures.TinyPretrained;
import org.backprop.server.grading.GradingFixtures;
import org.backprop.server.review.Graded;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The instructor's console end to end: the real app in headless Chromium, the real server and PostgreSQL. An instructor
 * opens the console from the course's home, uploads an assignment folder whose assignment.yaml has two mistakes and
 * reads each at its YAML path and line, uploads the fixed folder, moves the deadline into the past and edits the
 * late-credit timeline with its picture, grants a team an extension, closes team selection and moves a student to
 * another team, and imports a slice of Fashion-MNIST (IDX) with the progress bar, reading its splits, counts, hidden
 * split and samples per class. A student then submits late, a worker grades it and a TA overrides an item; the
 * instructor reads the queue and the gradebook, re-queues the submission and downloads the gradebook's CSV and the
 * Gradescope results. A TA finds no instructor-only control, a student no console. {@code src/test/e2e/console.e2e.mjs}
 * drives the browser and reports what it saw as JSON; screenshots go to {@code target/e2e/console-*.png}.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstructorConsoleEndToEndTest {
    private static final String ZONE = "Asia/Seoul";
    private static final List<String> STUDENTS = List.of("Kim Minji", "Lee Junho", "Park Sora", "Choi Yuna");
    private static final String MOVED = "Park Sora";

    @TestHTTPResource("/")
    URL page;

    @Inject
    Fixtures fixtures;

    Fixtures.Cohort cohort;

    long setId;

    long alpha;

    long beta;

    long assignmentId;

    /** The due time the instructor types: two hours ago on the course's clock, to the minute. */
    LocalDateTime due;

    JsonNode publish;

    JsonNode grades;

    @BeforeAll
    void runTheJourney() throws IOException, InterruptedException {
        cohort = fixtures.cohort(STUDENTS.size(), ZONE);
        List<Fixtures.User> students = new ArrayList<>();
        for (int i = 0; i < STUDENTS.size(); i++) {
            Fixtures.User student = cohort.students().get(i);
            String name = STUDENTS.get(i);
            fixtures.inTransaction(() -> {
                Account.<Account>findById(student.id()).displayName = name;
                return null;
            });
            students.add(new Fixtures.User(student.id(), student.email(), name, student.token()));
        }
        againstTheTestServer(() -> {
            setId = Homework.as(cohort.instructor()).contentType(ContentType.JSON)
                    .body(Map.of("name", "Teams", "minSize", 1, "maxSize", 4, "selectionClosesAt",
                            Instant.now().plus(Duration.ofDays(1)).toString()))
                    .post("/api/courses/" + cohort.id() + "/team-sets").then().statusCode(201).extract().jsonPath()
                    .getLong("id");
            alpha = team(students.get(0), "Alpha");
            for (Fixtures.User member : students.subList(1, 3)) {
                Homework.as(member).post("/api/team-sets/" + setId + "/teams/" + alpha + "/join").then().statusCode(200);
            }
            beta = team(students.get(3), "Beta");
            return null;
        });

        Path work = Files.createTempDirectory("console-e2e");
        Path bad = folder(work.resolve("bad/hw-console"), spec(90, "manaul"));
        Path good = folder(work.resolve("good/hw-console"), spec(50, "manual"));
        Path idx = FashionMnistSlice.write(Files.createDirectories(work.resolve("idx")), 300, 100);
        Path model = Files.write(work.resolve("tiny_base.bpm"), SavedModels.toBytes(TinyPretrained.model()));
        due = LocalDateTime.now(ZoneId.of(ZONE)).minusHours(2).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("courseId", cohort.id());
        config.put("password", Fixtures.PASSWORD);
        config.put("instructor", cohort.instructor().email());
        config.put("ta", cohort.ta().email());
        config.put("student", students.get(3).email());
        config.put("badFolder", bad.toString());
        config.put("goodFolder", good.toString());
        try (var files = Files.list(idx)) {
            config.put("idxFiles", files.map(Path::toString).sorted().toList());
        }
        config.put("modelFile", model.toString());
        config.put("due", due.toString());
        config.put("moved", MOVED);
        config.put("toTeam", "Beta");
        config.put("extensionTeam", "Beta");
        String json = new ObjectMapper().writeValueAsString(config);

        publish = browse("publish", json);
        assertNull(publish.get("failure"), () -> "the publishing journey did not finish: " + publish);

        againstTheTestServer(() -> {
            assignmentId = Homework.as(cohort.instructor()).get("/api/courses/" + cohort.id() + "/assignments").then()
                    .statusCode(200).extract().jsonPath().getLong("items.find { it.slug == 'hw-console' }.id");
            Homework homework = new Homework(cohort, setId, List.of(alpha, beta), assignmentId);
            long submission = homework.submit(students.get(0), "# Our report").then().statusCode(201)
                    .extract().jsonPath().getLong("id");
            Graded.grade(homework, GradingFixtures.workerToken(cohort.instructor(), cohort.id()), 6, "VISIBLE");
            given().auth().oauth2(cohort.ta().token()).contentType(ContentType.JSON)
                    .body(Map.of("points", 4, "comment", "Clear discussion of the ablation"))
                    .put("/api/submissions/" + submission + "/review/items/insight").then().statusCode(200);
            return null;
        });
        grades = browse("grades", json);
        assertNull(grades.get("failure"), () -> "the grading journey did not finish: " + grades);
    }

    /** The spec of the journey's assignment in block style; {@code credit} and {@code check} carry the mistakes. */
    private static String spec(int credit, String check) {
        return """
                title: Convnets on Fashion-MNIST
                summary: A small homework for the console's journey.
                deadline:
                  due: 2099-12-14T23:59
                  lateCredit:
                    - until: 24h
                      credit: 80
                    - until: 72h
                      credit: %d
                team:
                  set: Teams
                  minSize: 1
                  maxSize: 4
                datasets:
                  - {name: fashion_mnist, source: "tfds:fashion_mnist", splits: [train, test], hidden: test}
                starter:
                  mainClass: Main
                  files: [Main.java]
                rubric:
                  - id: augmentation
                    points: 10
                    description: Augmentation is on in training
                    check: augmentation-active
                  - id: insight
                    points: 5
                    description: Read by a TA
                    check: %s
                """.formatted(credit, check);
    }

    private static Path folder(Path folder, String yaml) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("assignment.yaml"), yaml);
        Files.writeString(folder.resolve("Main.java"), Homework.MAIN);
        return folder;
    }

    private long team(Fixtures.User founder, String name) {
        return Homework.as(founder).contentType(ContentType.JSON).body(Map.of("name", name))
                .post("/api/team-sets/" + setId + "/teams").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Runs one phase of the browser script and returns what it saw. */
    private JsonNode browse(String phase, String config) throws IOException, InterruptedException {
        return BrowserJourney.run("console.e2e.mjs", page, List.of(phase, config), Duration.ofMinutes(5));
    }

    private <T> T againstTheTestServer(Supplier<T> calls) {
        return BrowserJourney.againstTheTestServer(page, calls);
    }

    private JsonPath api(String path) {
        return againstTheTestServer(() -> given().auth().oauth2(cohort.instructor().token()).get(path).then()
                .statusCode(200).extract().jsonPath());
    }

    @Test
    void theInstructorOpensTheConsoleFromTheCourseHome() {
        JsonNode course = publish.get("courseTab");
        assertEquals("INSTRUCTOR", course.get("role").asText(), course::toString);
        assertEquals(1, course.get("settings").asInt(), course::toString);
        assertEquals(api("/api/courses/" + cohort.id() + "/join-code").getString("joinCode"),
                course.get("joinCode").asText());
        assertTrue(publish.get("serverFolders").toString().contains("hw-convnets"), publish::toString);
        assertEquals("Saved: Deep Learning (Fall), deadlines shown in Asia/Seoul.", course.get("saved").asText());
        assertEquals("Deep Learning (Fall)", api("/api/courses/" + cohort.id()).getString("title"));
    }

    @Test
    void aRosterImportReportsItsBadLinesAndNewMembersGetPasswordLinks() {
        JsonNode roster = publish.get("roster");
        assertEquals("Read 2 lines: 1 enrolled, 1 new accounts, 0 roles changed, 0 unchanged, 1 refused.",
                roster.get("notice").asText(), roster::toString);
        assertEquals("[3]", roster.get("errors").toString(), "the refused line, counted with the header");
        JsonNode links = publish.get("links");
        assertEquals("[\"New Person\"]", links.get("names").toString(), links::toString);
        assertTrue(links.get("notice").asText().startsWith("1 links created;"), links::toString);
    }

    @Test
    void aYamlMistakeIsShownAtItsPathAndLineAndTheFixedFolderPublishes() {
        assertEquals("hw-console", publish.get("uploadId").asText(), "the folder's name is the assignment's id");
        assertEquals("[{\"path\":\"deadline.lateCredit[1].credit\",\"line\":9},{\"path\":\"rubric[1].check\",\"line\":27}]",
                withoutMessages(publish.get("importErrors")), publish::toString);
        assertTrue(publish.get("importErrors").get(1).get("message").asText().startsWith("\"manaul\" is not a check"),
                publish::toString);
        assertEquals("[\"9      credit: 90\",\"27    check: manaul\"]", publish.get("markedLines").toString()
                .replace("\\n", ""), publish::toString);
        assertTrue(publish.get("refusal").asText().startsWith("assignment.yaml has 2 errors"), publish::toString);
        assertEquals("Published Convnets on Fashion-MNIST.", publish.get("imported").asText());
        assertEquals(0, publish.get("errorsAfterFix").asInt(), "the errors are gone once the fixed folder publishes");
    }

    private static String withoutMessages(JsonNode errors) {
        List<Map<String, Object>> kept = new ArrayList<>();
        errors.forEach(error -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", error.get("path").asText());
            entry.put("line", error.get("line").asInt());
            kept.add(entry);
        });
        try {
            return new ObjectMapper().writeValueAsString(kept);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDeadlineAndItsTimelineAreEditedWithThePicture() {
        JsonNode deadline = publish.get("deadline");
        assertTrue(deadline.get("notice").asText().startsWith("Deadline saved: due "), deadline::toString);
        assertEquals("[\"24h\",\"80\",\"4d\",\"50\",\"7d\",\"20\"]", deadline.get("steps").toString(), deadline::toString);
        assertEquals("[\"80 %\",\"50 %\",\"20 %\"]", deadline.get("bars").toString(), deadline::toString);
        assertTrue(publish.get("preview").asText().contains("20 %"), publish::toString);
        JsonPath assignment = api("/api/assignments/" + assignmentId);
        Instant dueAt = due.atZone(ZoneId.of(ZONE)).toInstant();
        assertEquals(dueAt.toString(), assignment.getString("deadline.dueAt"));
        assertEquals(List.of(100, 80, 50, 20), assignment.getList("deadline.windows.creditPercent"));
        assertEquals(dueAt.plus(Duration.ofDays(7)).toString(), assignment.getString("deadline.closesAt"));
        assertEquals("Beta now has 48 more hours on the whole timeline.", publish.get("extension").get("notice").asText());
        assertTrue(publish.get("extension").get("list").asText().contains("A member was in hospital"), publish::toString);
    }

    @Test
    void theInstructorClosesSelectionAndMovesAStudentBetweenTeams() {
        assertTrue(publish.get("selectionBefore").asText().startsWith("Students pick their teams until"), publish::toString);
        assertEquals(0, publish.get("moveControlsWhileOpen").asInt(), "no move while students still pick teams");
        assertTrue(publish.get("selectionAfter").asText().startsWith("Selection closed at"), publish::toString);
        assertEquals(MOVED + " is now in Beta.", publish.get("moveNotice").asText());
        assertEquals("[{\"team\":\"Alpha\",\"members\":[\"Kim Minji\",\"Lee Junho\"]},{\"team\":\"Beta\",\"members\":"
                + "[\"Choi Yuna\",\"Park Sora\"]}]", sortedMembers(publish.get("teams")), publish::toString);
        assertTrue(publish.get("audit").asText().contains(MOVED), publish::toString);
        assertTrue(publish.get("audit").asText().contains("moved by hand"), publish::toString);
        assertTrue(publish.get("balance").asText().contains("No move is needed."), publish::toString);
        List<String> beta = api("/api/team-sets/" + setId + "/teams").getList("items.find { it.name == 'Beta' }"
                + ".members.name");
        assertTrue(beta.contains(MOVED), beta::toString);
    }

    private static String sortedMembers(JsonNode teams) {
        List<String> rows = new ArrayList<>();
        teams.forEach(team -> {
            List<String> members = new ArrayList<>();
            team.get("members").forEach(member -> members.add("\"" + member.asText() + "\""));
            members.sort(null);
            rows.add("{\"team\":\"" + team.get("team").asText() + "\",\"members\":[" + String.join(",", members) + "]}");
        });
        rows.sort(null);
        return "[" + String.join(",", rows) + "]";
    }

    @Test
    void aDatasetIsImportedWithProgressAndShowsSplitsTheHiddenOneAndSamplesPerClass() {
        assertEquals("Imported fashion_mnist 1.0.0: test 100, train 300.", publish.get("datasetNotice").asText()
                .replace("train 300, test 100", "test 100, train 300"), publish::toString);
        assertTrue(publish.get("progress").size() > 0, () -> "the progress bar was never drawn: " + publish);
        String splits = publish.get("splits").toString();
        assertTrue(splits.contains("{\"name\":\"train\",\"examples\":300,\"hidden\":false,\"tag\":\"\"}"), splits);
        assertTrue(splits.contains("{\"name\":\"test\",\"examples\":100,\"hidden\":true,\"tag\":\"hidden\"}"), splits);
        assertEquals("train", publish.get("sampleSplit").asText());
        JsonNode samples = publish.get("samples");
        assertEquals(10, samples.size(), samples::toString);
        assertEquals("T-shirt/top", samples.get(0).get("label").asText());
        samples.forEach(row -> {
            assertEquals(6, row.get("images").asInt(), row::toString);
            assertTrue(row.get("mean").asDouble() > 10, () -> "a drawn image is not all black: " + row);
        });
    }

    @Test
    void theGradebookShowsLateCreditAndTheOverrideAndItsCsvDownloads() {
        JsonPath book = api("/api/courses/" + cohort.id() + "/gradebook");
        StringBuilder expected = new StringBuilder("email,name," + assignmentId + "\r\n");
        List<String> emails = book.getList("students.email");
        List<String> names = book.getList("students.name");
        for (int i = 0; i < emails.size(); i++) {
            boolean inAlpha = List.of("Kim Minji", "Lee Junho").contains(names.get(i));
            // (6 automatic + 4 by the TA) × 80 % late credit
            expected.append(emails.get(i)).append(',').append(names.get(i)).append(',').append(inAlpha ? "8.00" : "")
                    .append("\r\n");
        }
        JsonNode csv = grades.get("csv");
        assertEquals("gradebook-" + cohort.id() + ".csv", csv.get("name").asText());
        assertEquals(expected.toString(), csv.get("text").asText());
        String table = grades.get("gradebook").asText();
        assertTrue(table.contains("80 % credit") && table.contains("1 overridden"), table);
        JsonNode gradescope = grades.get("gradescope");
        assertTrue(gradescope.get("text").asText().contains("\"score\""), gradescope::toString);
    }

    @Test
    void theQueueIsWatchedAndAGradedSubmissionReQueued() {
        assertTrue(grades.get("queue").asText().contains("Done"), grades::toString);
        assertTrue(grades.get("requeued").asText().matches("Submission \\d+ is queued again as job \\d+, ahead of first"
                + " gradings\\."), grades::toString);
        assertEquals("[\"QUEUED\",\"DONE\"]", grades.get("jobsAfter").toString(), grades::toString);
    }

    @Test
    void aTaSeesNoInstructorOnlyControlAndAStudentNoConsole() {
        JsonNode ta = grades.get("ta");
        assertEquals("{\"role\":\"TA\",\"settingsForm\":0,\"roster\":0,\"rotate\":0,\"passwordLinks\":0,\"importPanel\":0,"
                + "\"deadlineEditor\":0,\"moveControls\":0,\"teamForms\":0,\"datasetImport\":1}", ta.toString());
        JsonNode student = grades.get("student");
        assertEquals(0, student.get("link").asInt(), student::toString);
        assertEquals("The console is for the course's instructors and TAs. Your role in this course does not include it.",
                student.get("console").asText());
        assertEquals(0, student.get("controls").asInt(), student::toString);
    }

    @Test
    void aPretrainedModelIsPublishedNextToTheDatasetsAndDescribed() {
        JsonNode pretrained = publish.get("pretrained");
        assertEquals("Published tiny_base 1.0.0: 23 parameters.", pretrained.get("notice").asText(),
                publish::toString);
        // A model of 23 parameters is well under a megabyte: its size reads in kB, not "0.0 MB".
        assertTrue(pretrained.get("facts").asText().matches("23 parameters, input 4, \\d+(\\.\\d)? kB, published by .*"),
                pretrained::toString);
        assertEquals("Pretrained.load(\"tiny_base\")", pretrained.get("load").asText());
    }

    @Test
    void thePagesRaiseNoErrorsAndEveryScreenIsPhotographed() {
        assertEquals("[]", publish.get("pageErrors").toString());
        assertEquals("[]", grades.get("pageErrors").toString());
        Path shots = Path.of(System.getProperty("backprop.repository-root"), "server/target/e2e");
        for (String name : List.of("course", "assignment-errors", "assignments", "teams", "datasets", "pretrained", "grading",
                "ta-teams", "student")) {
            assertTrue(Files.isRegularFile(shots.resolve("console-" + name + ".png")), name);
        }
    }
}
