package org.backprop.server.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.fixtures.Homework;
import org.junit.jupiter.api.Test;

/** Members of one team submitting at the same instant each get a version of their own, none lost. */
@QuarkusTest
class SubmissionConcurrencyTest {
    private static final int ROUNDS = 5;

    @Inject
    Fixtures fixtures;

    @Test
    void twoMembersSubmittingAtOnceGetDistinctVersions() throws Exception {
        Homework homework = Homework.publish(fixtures.cohort(4), "2099-12-14T23:59", 4);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Response>> calls = new ArrayList<>();
                for (Fixtures.User member : homework.course().students()) {
                    String report = "# Round " + round + " by " + member.name();
                    calls.add(pool.submit(() -> {
                        start.await();
                        return homework.submit(member, report);
                    }));
                }
                start.countDown();
                TreeSet<Integer> versions = new TreeSet<>();
                for (Future<Response> call : calls) {
                    Response response = call.get();
                    assertEquals(201, response.statusCode(), () -> "round: " + response.asString());
                    versions.add(response.jsonPath().getInt("version"));
                }
                int first = round * 4 + 1;
                assertEquals(List.of(first, first + 1, first + 2, first + 3), List.copyOf(versions),
                        "round " + round + ": four submissions, four consecutive versions");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
