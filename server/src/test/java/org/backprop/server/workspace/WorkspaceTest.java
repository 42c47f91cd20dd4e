package org.backprop.server.workspace;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.fixtures.Homework;
import org.junit.jupiter.api.Test;

/**
 * A team's workspace: seeded from the real homework's starter files, every save kept as a revision, a save over a
 * teammate's newer revision or deletion refused with theirs, saves at the same moment serialised, renames, the
 * submission's path rules and limits, and who may read it.
 */
@QuarkusTest
class WorkspaceTest {
    private static final String CONV_NET = "model/ConvNet.java";
    private static final String KEPT = "Your version is kept in the editor: compare the two and save again.";

    @Inject
    Fixtures fixtures;

    @Test
    void seedsFromTheStarterFilesAndKeepsEverySave() {
        ConvnetsWorkspace ws = ConvnetsWorkspace.publish(fixtures);
        Map<String, String> starter = ws.starter();
        assertEquals(List.of("Main.java", "model/Components.java", CONV_NET), List.copyOf(starter.keySet()),
                "the homework's starter files");

        JsonPath opened = ws.open(ws.student(0)).then().statusCode(200).extract().jsonPath();
        assertEquals(ws.teamA(), opened.getLong("teamId"));
        assertEquals(List.copyOf(starter.keySet()), opened.getList("files.path"), "sorted by path");
        for (int i = 0; i < starter.size(); i++) {
            String path = opened.getString("files[" + i + "].path");
            assertEquals(starter.get(path), opened.getString("files[" + i + "].content"), path);
            assertEquals(1, opened.getInt("files[" + i + "].revision"), path);
            assertEquals(null, opened.getString("files[" + i + "].updatedBy"), path);
            assertEquals(null, opened.getString("files[" + i + "].updatedAt"), path);
        }

        JsonPath saved = ws.save(ws.student(0), CONV_NET, "class ConvNet { }", 1).then().statusCode(200)
                .body("path", equalTo(CONV_NET))
                .body("content", equalTo("class ConvNet { }"))
                .body("revision", equalTo(2))
                .body("deleted", equalTo(false))
                .body("updatedBy.id", equalTo((int) ws.student(0).id()))
                .body("updatedBy.name", equalTo(ws.student(0).name()))
                .extract().jsonPath();
        Instant updatedAt = Instant.parse(saved.getString("updatedAt"));
        assertTrue(Duration.between(updatedAt, Instant.now()).abs().toMinutes() < 5, () -> "the server's clock, got "
                + updatedAt);
        ws.save(ws.student(1), CONV_NET, "class ConvNet { int layers; }", 2).then().statusCode(200)
                .body("revision", equalTo(3));

        ws.open(ws.student(0)).then().statusCode(200)
                .body("files.find { it.path == 'model/ConvNet.java' }.revision", equalTo(3))
                .body("files.find { it.path == 'model/ConvNet.java' }.updatedBy.name", equalTo(ws.student(1).name()))
                .body("files.find { it.path == 'Main.java' }.revision", equalTo(1));
        Homework.as(ws.student(0)).get(ws.file(CONV_NET) + "/revisions").then().statusCode(200)
                .body("revision", equalTo(List.of(3, 2, 1)))
                .body("deleted", equalTo(List.of(false, false, false)))
                .body("[1].updatedBy.name", equalTo(ws.student(0).name()))
                .body("[2].updatedBy", nullValue())
                .body("[2].updatedAt", nullValue());
        Homework.as(ws.student(1)).get(ws.file(CONV_NET) + "/revisions/1").then().statusCode(200)
                .body("content", equalTo(starter.get(CONV_NET))).body("revision", equalTo(1));
        Homework.as(ws.student(1)).get(ws.file(CONV_NET) + "/revisions/9").then().statusCode(404)
                .contentType("application/problem+json");
        Homework.as(ws.student(1)).get(ws.file("Nope.java") + "/revisions").then().statusCode(404);
    }

    @Test
    void onlyTheTeamAndTheCoursesStaffReachIt() {
        ConvnetsWorkspace ws = ConvnetsWorkspace.publish(fixtures);
        ws.save(ws.student(0), CONV_NET, "class ConvNet { }", 1).then().statusCode(200);

        ws.open(ws.student(2)).then().statusCode(200).body("teamId", equalTo((int) ws.teamB()))
                .body("files.find { it.path == 'model/ConvNet.java' }.revision", equalTo(1));
        Homework.as(ws.course().ta()).get(ws.staffPath(ws.teamA())).then().statusCode(200)
                .body("teamId", equalTo((int) ws.teamA()))
                .body("files.find { it.path == 'model/ConvNet.java' }.content", equalTo("class ConvNet { }"));
        Homework.as(ws.course().instructor()).get(ws.staffPath(ws.teamA())).then().statusCode(200);
        Homework.as(ws.student(2)).get(ws.staffPath(ws.teamA())).then().statusCode(403)
                .contentType("application/problem+json");
        Homework.as(ws.student(0)).get(ws.staffPath(ws.teamA())).then().statusCode(403);
        Homework.as(ws.course().ta()).get(ws.path()).then().statusCode(403)
                .body("detail", startsWith("Only students of the course open a team's workspace; staff read"));
        ws.open(ws.student(3)).then().statusCode(409)
                .body("detail", startsWith("You are not in a team of \"Homework teams\" yet, and the files you edit"
                        + " are kept in your team's workspace."));
        ws.save(ws.student(3), CONV_NET, "x", 1).then().statusCode(409);
        Fixtures.Cohort elsewhere = fixtures.cohort(1);
        ws.open(elsewhere.students().get(0)).then().statusCode(403);
        Homework.as(elsewhere.ta()).get(ws.staffPath(ws.teamA())).then().statusCode(403);
        Homework.as(ws.course().ta()).get("/api/teams/" + ws.teamA() + "/assignments/999999999/workspace").then()
                .statusCode(404);
        // A team the staff's assignment does not have: another course's.
        Homework.as(ws.course().ta()).get(ws.staffPath(ws.teamA() + 1_000_000)).then().statusCode(404);
    }

    @Test
    void staffSeeTheStarterOfAWorkspaceNobodyOpenedWithoutSeedingIt() {
        ConvnetsWorkspace ws = ConvnetsWorkspace.publish(fixtures);
        Homework.as(ws.course().ta()).get(ws.staffPath(ws.teamB())).then().statusCode(200)
                .body("files.path", equalTo(List.of("Main.java", "model/Components.java", CONV_NET)))
                .body("files.revision", equalTo(List.of(1, 1, 1)));
        long rows = fixtures.inTransaction(() -> FileRevision.count("key.teamId", ws.teamB()));
        assertEquals(0, rows, "staff reading stores nothing");
    }

    @Test
    void aSaveOverATeammatesNewerRevisionGetsTheirs() {
        ConvnetsWorkspace ws = ConvnetsWorkspace.publish(fixtures);
        Fixtures.User kim = ws.student(0);
        Fixtures.User lee = ws.student(1);
        ws.save(lee, CONV_NET, "class ConvNet { /* Lee's */ }", 1).then().statusCode(200);

        Response stale = ws.save(kim, CONV_NET, "class ConvNet { /* Kim's */ }", 1);
        stale.then().statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("title", equalTo("Conflict"))
                .body("detail", startsWith(lee.name() + " saved model/ConvNet.java (revision 2) at "))
                .body("detail", containsString("(Asia/Seoul time), after you opened revision 1. " + KEPT))
                .body("theirs.path", equalTo(CONV_NET))
                .body("theirs.content", equalTo("class ConvNet { /* Lee's */ }"))
                .body("theirs.revision", equalTo(2))
                .body("theirs.deleted", equalTo(false))
                .body("theirs.updatedBy.id", equalTo((int) lee.id()))
                .body("theirs.updatedBy.name", equalTo(lee.name()));
        ws.open(kim).then().body("files.find { it.path == 'model/ConvNet.java' }.content",
                equalTo("class ConvNet { /* Lee's */ }"));
        // Kim read theirs, merged, and saves over revision 2.
        ws.save(kim, CONV_NET, "class ConvNet { /* both */ }", 2).then().statusCode(200).body("revision", equalTo(3));
        // The same member in a second tab still at revision 2.
        ws.save(kim, CONV_NET, "class ConvNet { }", 2).then().statusCode(409)
                .body("detail", startsWith("You saved model/ConvNet.java (revision 3) at "));

        ws.save(kim, "model/Augment.java", "class Augment { }", 0).then().statusCode(200).body("revision", equalTo(1));
        ws.save(lee, "model/Augment.java", "class Augment { int lee; }", 0).then().statusCode(409)
                .body("detail", startsWith(kim.name() + " saved model/Augment.java (revision 1) at "))
                .body("detail", containsString("while you were writing a new file of that name"))
                .body("theirs.content", equalTo("class Augment { }"));
        ws.save(lee, "Main.java", "class Main { }", 0).then().statusCode(409)
                .body("detail", equalTo("Main.java is in your team's workspace from the starter files (revision 1),"
                        + " and you saved a new file of that name. " + KEPT))
                .body("theirs.updatedBy", nullValue());
        ws.save(lee, "model/Never.java", "class Never { }", 4).then().statusCode(404)
                .body("detail", startsWith("Your team's workspace has no file model/Never.java."));
    }

    @Test
    void ofTwoSavesOverOneRevisionAtOnceExactlyOneIsKept() throws Exception {
        ConvnetsWorkspace ws = ConvnetsWorkspace.publish(fixtures);
        // Teammates opening the workspace for the first time at once: seeded once, no error.
        List<Response> openings = together(i -> ws.open(ws.student(i)));
        for (Response opening : openings) {
            opening.then().statusCode(200).body("files.size()", equalTo(3));
        }
        assertEquals(3L, (long) fixtures.inTransaction(() -> FileRevision.count("key.teamId", ws.teamA())));

        List<Response> saves = together(i -> ws.save(ws.student(i), CONV_NET, "class ConvNet { /* " + i + " */ }",
                1));
        List<Integer> statuses = new ArrayList<>(saves.stream().map(Response::statusCode).sorted().toList());
        assertEquals(List.of(200, 409), statuses, () -> "one kept and one refused, got " + saves.stream()
                .map(Response::asString).toList());
        Response kept = saves.stream().filter(save -> save.statusCode() == 200).findFirst().orElseThrow();
        Response refused = saves.stream().filter(save -> save.statusCode() == 409).findFirst().orElseThrow();
        assertEquals(kept.jsonPath().getString("content"), refused.jsonPath().getString("theirs.content"));
        Homework.as(ws.student(0)).get(ws.file(CONV_NET) + "/revisions").then().body("revision",
                equalTo(List.of(2, 1)));
    }

    @Test
    void aDeletionLeavesATombstoneThatStaleSavesRunInto() {
        ConvnetsWorkspace ws = ConvnetsWorkspace.publish(fixtures);
        Fixtures.User kim = ws.student(0);
        Fixtures.User lee = ws.student(1);
        ws.save(kim, CONV_NET, "class ConvNet { }", 1).then().statusCode(200);

        ws.delete(lee, CONV_NET, 1).then().statusCode(409).body("theirs.revision", equalTo(2));
        Homework.as(lee).delete(ws.file(CONV_NET)).then().statusCode(400)
                .body("detail", startsWith("Say which revision of model/ConvNet.java you are deleting"));
        ws.delete(lee, CONV_NET, 2).then().statusCode(204);
        assertEquals(List.of("Main.java", "model/Components.java"), ws.paths(kim));

        ws.save(kim, CONV_NET, "class ConvNet { /* Kim's */ }", 2).then().statusCode(409)
                .body("detail", startsWith(lee.name() + " deleted model/ConvNet.java (revision 3) at "))
                .body("detail", endsWith("after you opened revision 2. Your version is kept in the editor: save it as"
                        + " a new file to bring it back, or let it go."))
                .body("theirs.path", equalTo(CONV_NET))
                .body("theirs.revision", equalTo(3))
                .body("theirs.deleted", equalTo(true))
                .body("theirs.content", nullValue())
                .body("theirs.updatedBy.name", equalTo(lee.name()));
        ws.delete(kim, CONV_NET, 2).then().statusCode(409).body("theirs.deleted", equalTo(true));
        ws.save(kim, CONV_NET, "class ConvNet { /* back */ }", 0).then().statusCode(200).body("revision", equalTo(4));
        Homework.as(kim).get(ws.file(CONV_NET) + "/revisions").then()
                .body("revision", equalTo(List.of(4, 3, 2, 1)))
                .body("deleted", equalTo(List.of(false, true, false, false)));
        Homework.as(kim).get(ws.file(CONV_NET) + "/revisions/2").then().body("content", equalTo("class ConvNet { }"));
        Homework.as(kim).get(ws.file(CONV_NET) + "/revisions/3").then().body("deleted", equalTo(true))
                .body("content", nullValue());
    }

    @Test
    void aRenameMovesTheFileAndLeavesATombstone() {
        ConvnetsWorkspace ws = ConvnetsWorkspace.publish(fixtures);
        Fixtures.User kim = ws.student(0);
        String components = ws.starter().get("model/Components.java");
        ws.open(kim).then().statusCode(200);

        ws.rename(kim, "model/Components.java", "model/Parts.java", 1).then().statusCode(200)
                .body("path", equalTo("model/Parts.java"))
                .body("revision", equalTo(1))
                .body("content", equalTo(components))
                .body("updatedBy.name", equalTo(kim.name()));
        assertEquals(List.of("Main.java", CONV_NET, "model/Parts.java"), ws.paths(kim));
        ws.save(ws.student(1), "model/Components.java", "class Components { }", 1).then().statusCode(409)
                .body("detail", startsWith(kim.name() + " deleted model/Components.java (revision 2) at "))
                .body("theirs.deleted", equalTo(true));

        ws.rename(kim, "model/Parts.java", "Main.java", 1).then().statusCode(409)
                .body("detail", equalTo("Main.java already exists (revision 1, from the starter files). Choose another"
                        + " name, or delete that file first."))
                .body("theirs.path", equalTo("Main.java"));
        ws.rename(kim, "model/Parts.java", "model/Other.java", 5).then().statusCode(409)
                .body("theirs.revision", equalTo(1));
        ws.rename(kim, "model/Parts.java", "parts.txt", 1).then().statusCode(400)
                .body("detail", startsWith("\"parts.txt\" is not a valid source file name"));
        ws.rename(kim, "model/Parts.java", "model/Components.java", 1).then().statusCode(200)
                .body("path", equalTo("model/Components.java")).body("revision", equalTo(3));
        Homework.as(kim).get(ws.file("model/Parts.java") + "/revisions").then()
                .body("revision", equalTo(List.of(2, 1))).body("deleted", equalTo(List.of(true, false)));
    }

    @Test
    void refusesBadPathsBadBodiesAndWhatASubmissionCouldNotHold() {
        ConvnetsWorkspace ws = ConvnetsWorkspace.publish(fixtures);
        Fixtures.User kim = ws.student(0);

        ws.save(kim, "notes.txt", "text", 0).then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("\"notes.txt\" is not a valid source file name: use names like Main.java or"
                        + " model/Net.java (letters, digits, _ and /, ending in .java)."));
        ws.save(kim, "model/my net.java", "text", 0).then().statusCode(400);
        ws.save(kim, "Nul.java", "class Nul { }\u0000", 0).then().statusCode(400)
                .body("detail", startsWith("Nul.java contains a NUL character"));
        Homework.as(kim).contentType(ContentType.JSON).body("{\"content\": \"\\ud800\", \"baseRevision\": 0}")
                .put(ws.file("Half.java")).then().statusCode(400)
                .body("detail", startsWith("Half.java is not valid UTF-8 text"));
        Homework.as(kim).contentType(ContentType.JSON).body("{\"content\": ").put(ws.file("A.java")).then()
                .statusCode(400).body("detail", startsWith("The request body is not valid JSON"));
        Homework.as(kim).contentType(ContentType.JSON).body("{\"baseRevision\": 0}").put(ws.file("A.java")).then()
                .statusCode(400).body("detail", equalTo("\"content\" is required: send the file's text."));
        Homework.as(kim).contentType(ContentType.JSON).body("{\"content\": \"x\"}").put(ws.file("A.java")).then()
                .statusCode(400).body("detail", startsWith("\"baseRevision\" is required"));

        ws.save(kim, "Big.java", "x".repeat(512 * 1024 + 1), 0).then().statusCode(413)
                .contentType("application/problem+json")
                .body("detail", equalTo("Big.java is 513 KiB; a file may be at most 512 KiB, all the source a"
                        + " submission may have."));
        ws.save(kim, "Half1.java", "x".repeat(300 * 1024), 0).then().statusCode(200);
        ws.save(kim, "Half2.java", "x".repeat(300 * 1024), 0).then().statusCode(413)
                .body("detail", startsWith("With this version of Half2.java your team's workspace would hold "))
                .body("detail", containsString("KiB of source; a submission may have at most 512 KiB."));
        ws.delete(kim, "Half1.java", 1).then().statusCode(204);
        ws.save(kim, "Half2.java", "x".repeat(300 * 1024), 0).then().statusCode(200);
        ws.delete(kim, "Half2.java", 1).then().statusCode(204);

        for (int i = ws.paths(kim).size(); i < 100; i++) {
            ws.save(kim, "many/F" + i + ".java", "class F" + i + " { }", 0).then().statusCode(200);
        }
        ws.save(kim, "many/OneTooMany.java", "class OneTooMany { }", 0).then().statusCode(413)
                .body("detail", equalTo("Your team's workspace already has 100 files; a submission may have at most"
                        + " 100. Delete a file you no longer need first."));
        ws.save(kim, "Main.java", "class Main { }", 1).then().statusCode(200);
    }

    /** Runs {@code call} for students 0 and 1 at the same moment and returns both responses. */
    private static List<Response> together(Function<Integer, Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                int student = i;
                Callable<Response> task = () -> {
                    start.await();
                    return call.apply(student);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
