package org.backprop.server.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.backprop.server.database.EmbeddedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server killed without warning (SIGKILL, as a crash or an OOM kill) in the middle of grading, then
 * started again on the same machine and database: nothing is lost. The submission it was grading and the one waiting
 * behind it are both graded once the new server is up, without waiting for the dead worker's lease to run out, and
 * their files are still there. The database lives outside the server, as in production; the server runs the demo
 * course (its accounts, assignments and datasets) in the production profile.
 */
class ServerRestartIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HELLO = "public class Main { public static void main(String[] args) {"
            + " System.out.println(\"hello\"); } }";

    @TempDir
    Path home;

    private EmbeddedDatabase database;
    private ServerProcess server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aServerKilledWhileGradingLosesNothing() {
        database = EmbeddedDatabase.startTemporary();
        int port = ServerProcess.freePort();
        server = ServerProcess.start(home, database, port, "first");
        ApiClient instructor = server.signIn("instructor@demo.backprop.dev");
        ApiClient student = server.signIn("student01@demo.backprop.dev");
        long course = instructor.get("/api/courses").path("items").get(0).path("id").asLong();
        long assignment = instructor.get("/api/courses/" + course + "/assignments").path("items").get(0)
                .path("id").asLong();
        long teamSet = student.get("/api/courses/" + course + "/team-sets").path("items").get(0).path("id").asLong();
        student.postJson("/api/team-sets/" + teamSet + "/teams", Map.of("name", "Restarters"));

        long interrupted = student.submit(assignment, HELLO);
        JsonNode leased = instructor.await("the first submission being graded", Duration.ofMinutes(4),
                () -> job(instructor, course, interrupted), job -> job.path("state").asText().equals("LEASED"));
        long waiting = student.submit(assignment, HELLO.replace("hello", "hello again"));
        server.kill();

        server = ServerProcess.start(home, database, port, "second");
        assertTrue(server.output().contains("1 job(s) this server was grading when it stopped are queued again"),
                server::output);
        JsonNode regraded = instructor.await("the interrupted job done", Duration.ofMinutes(4),
                () -> job(instructor, course, interrupted), job -> job.path("state").asText().equals("DONE"));
        assertEquals(leased.path("id").asLong(), regraded.path("id").asLong(), "the same job, not a new one");
        assertEquals(2, regraded.path("attempts").asInt(), "leased again once, as the new server started");
        instructor.await("the waiting job done", Duration.ofMinutes(4), () -> job(instructor, course, waiting),
                job -> job.path("state").asText().equals("DONE"));
        for (long submission : new long[] {interrupted, waiting}) {
            JsonNode result = instructor.get("/api/grading/jobs/" + job(instructor, course, submission).path("id")
                    .asLong() + "/result");
            assertTrue(result.path("summary").asText().startsWith("Your program compiled. Your program ran to the"
                    + " end."), result::toString);
        }
        assertEquals(HELLO, student.text("/api/submissions/" + interrupted + "/files/src/Main.java"));
        assertEquals(1, jobs(instructor, course).findValues("submissionId").stream()
                .filter(id -> id.asLong() == interrupted).count(), "graded by one job");
    }

    private static JsonNode jobs(ApiClient staff, long course) {
        return staff.get("/api/courses/" + course + "/grading/jobs?size=100").path("items");
    }

    private static JsonNode job(ApiClient staff, long course, long submission) {
        for (JsonNode job : jobs(staff, course)) {
            if (job.path("submissionId").asLong() == submission) {
                return job;
            }
        }
        return JSON.createObjectNode();
    }
}
