package org.backprop.server.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.backprop.server.database.EmbeddedDatabase;
import org.backprop.server.grading.WorkerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server killed without warning (SIGKILL, as a crash or an OOM kill) while it and a remote worker
 * process both grade, then started again on the same machine and database: nothing is lost. The job its own worker
 * was grading is queued again as the new server starts (not when its lease would expire), the remote worker posts what
 * it finished meanwhile once the server answers again, and the submissions queued behind them are graded too:
 * each exactly once, by its own job, with its files. The database lives outside the server, as in production; the
 * server runs the demo course (accounts, assignments, datasets) in the production profile.
 */
class ServerRestartIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SUBMISSIONS = 4;

    @TempDir
    Path home;

    private EmbeddedDatabase database;
    private ServerProcess server;
    private WorkerProcess worker;

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.close();
        }
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
        JsonNode assignments = instructor.get("/api/courses/" + course + "/assignments").path("items");
        assertFalse(assignments.isEmpty(), () -> "The demo published no assignment:\n" + server.output());
        long assignment = assignments.get(0).path("id").asLong();
        long teamSet = student.get("/api/courses/" + course + "/team-sets").path("items").get(0).path("id").asLong();
        student.postJson("/api/team-sets/" + teamSet + "/teams", Map.of("name", "Restarters"));
        String token = instructor.postJson("/api/worker-tokens", Map.of("name", "gpu-node", "courseId", course))
                .path("token").asText();
        worker = WorkerProcess.start("remote", server.url(), token, Map.of());

        Map<Long, String> programs = new LinkedHashMap<>();
        for (int i = 0; i < SUBMISSIONS; i++) {
            String program = program(i);
            programs.put(student.submit(assignment, program), program);
        }
        // The remote worker must have its lease in hand: a lease granted as the server dies, before the worker read
        // the answer, is held until it expires (backprop.grading.lease-duration), a case this test does not time.
        JsonNode bothGrading = instructor.await("the server's worker and the remote one both grading",
                Duration.ofMinutes(4), () -> jobs(instructor, course), jobs -> leasedBy(jobs, "in-process").size() == 1
                        && leasedBy(jobs, "gpu-node").size() == 1 && worker.output().contains("Grading job "
                                + leasedBy(jobs, "gpu-node").get(0).path("id").asLong() + " ("));
        JsonNode interrupted = leasedBy(bothGrading, "in-process").get(0);
        JsonNode remote = leasedBy(bothGrading, "gpu-node").get(0);
        server.kill();

        server = ServerProcess.start(home, database, port, "second");
        assertTrue(server.output().contains("1 job(s) this server was grading when it stopped are queued again"),
                server::output);
        JsonNode done = instructor.await("every job done", Duration.ofMinutes(5), () -> jobs(instructor, course),
                jobs -> jobs.size() == SUBMISSIONS && jobs.findValues("state").stream()
                        .allMatch(state -> state.asText().equals("DONE")));
        assertEquals(programs.keySet(), done.findValues("submissionId").stream().map(JsonNode::asLong)
                .collect(Collectors.toSet()), "one job per submission, none lost and none doubled");
        assertEquals(2, job(done, interrupted.path("id").asLong()).path("attempts").asInt(),
                "the interrupted job was leased again once, as the new server started");
        // The remote worker's result reached the new server (1 attempt); or, when the kill caught it fetching the
        // assignment's datasets from the server, its report of that failure did, and the job was graded again (2).
        int remoteAttempts = job(done, remote.path("id").asLong()).path("attempts").asInt();
        assertTrue(remoteAttempts == 1 || remoteAttempts == 2, () -> "the remote worker's job took " + remoteAttempts
                + " leases:\n" + worker.output());
        for (JsonNode job : done) {
            JsonNode result = instructor.get("/api/grading/jobs/" + job.path("id").asLong() + "/result");
            assertTrue(result.path("summary").asText().startsWith("Your program compiled. Your program ran to the"
                    + " end."), result::toString);
            long submission = job.path("submissionId").asLong();
            assertEquals(programs.get(submission), student.text("/api/submissions/" + submission
                    + "/files/src/Main.java"));
        }
    }

    /** A program that takes a few seconds, so that both workers are surely in the middle of a job at the kill. */
    private static String program(int number) {
        return "public class Main { public static void main(String[] args) {"
                + " long end = System.currentTimeMillis() + 4000; while (System.currentTimeMillis() < end) { }"
                + " System.out.println(\"submission " + number + "\"); } }";
    }

    private static JsonNode jobs(ApiClient staff, long course) {
        return staff.get("/api/courses/" + course + "/grading/jobs?size=100").path("items");
    }

    private static List<JsonNode> leasedBy(JsonNode jobs, String ownerPrefix) {
        List<JsonNode> leased = new ArrayList<>();
        for (JsonNode job : jobs) {
            if (job.path("state").asText().equals("LEASED") && job.path("leaseOwner").asText().startsWith(ownerPrefix)) {
                leased.add(job);
            }
        }
        return leased;
    }

    private static JsonNode job(JsonNode jobs, long id) {
        for (JsonNode job : jobs) {
            if (job.path("id").asLong() == id) {
                return job;
            }
        }
        throw new AssertionError("No job " + id + " in " + jobs);
    }
}
