package org.backprop.server.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.backprop.server.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Students racing for the last seats of a team, with real concurrent HTTP requests released at the same
 * instant: the team must never grow past its maximum, and every loser must hear that the team is full.
 * Also students racing the instructor who closes selection and balances the teams.
 */
@QuarkusTest
class TeamConcurrencyTest {
    private static final int ROUNDS = 5;

    @Inject
    Fixtures fixtures;

    @TestHTTPResource("/")
    URL base;

    @Test
    void exactlyOneOfTwoStudentsGetsTheLastSeat() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Fixtures.Cohort course = fixtures.cohort(3);
            long set = TeamCalls.teamSet(course, 1, 2, Instant.now().plus(Duration.ofDays(1)));
            long team = TeamCalls.createTeam(course.students().get(0), set, "Pair");

            List<Integer> statuses = race(joins(set, team, course.students().subList(1, 3)));

            assertEquals(List.of(200, 409), statuses, "round " + round + ": one joins, one hears the team is full");
            assertEquals(2, size(course, set), "round " + round + ": team size");
        }
    }

    @Test
    void aCrowdFillsATeamExactlyToItsMaximum() throws Exception {
        Fixtures.Cohort course = fixtures.cohort(9);
        long set = TeamCalls.teamSet(course, 1, 4, Instant.now().plus(Duration.ofDays(1)));
        long team = TeamCalls.createTeam(course.students().get(0), set, "Crowded");

        List<Integer> statuses = race(joins(set, team, course.students().subList(1, 9)));

        assertEquals(List.of(200, 200, 200, 409, 409, 409, 409, 409), statuses);
        assertEquals(4, size(course, set));
    }

    @Test
    void aStudentCreatingTwoTeamsAtOnceEndsUpInOne() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Fixtures.Cohort course = fixtures.cohort(1);
            long set = TeamCalls.teamSet(course, 1, 4, Instant.now().plus(Duration.ofDays(1)));
            Fixtures.User student = course.students().get(0);
            URI teams = base.toURI().resolve("api/team-sets/" + set + "/teams");

            List<Integer> statuses = race(List.of(createTeam(teams, student, "Left"),
                    createTeam(teams, student, "Right")));

            assertEquals(List.of(201, 409), statuses, "round " + round + ": one team created, the other refused");
            int total = TeamCalls.as(student).get("/api/team-sets/" + set + "/teams").then().statusCode(200)
                    .extract().path("total");
            assertEquals(1, total, "round " + round + ": teams in the set");
        }
    }

    /**
     * Students join while the instructor closes selection and balances at once. Students' seat changes hold
     * a shared lock on the set that closing waits for, so a join either lands before selection closes (and
     * the balance counts it) or is refused: the teams the balance reports are exactly the teams stored.
     */
    @Test
    void aJoinDuringCloseAndBalanceLandsBeforeItOrIsRefused() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Fixtures.Cohort course = fixtures.cohort(8);
            List<Fixtures.User> s = course.students();
            long set = TeamCalls.teamSet(course, 3, 4, Instant.now().plus(Duration.ofDays(1)));
            long alpha = TeamCalls.createTeam(s.get(0), set, "Alpha");
            for (int i = 1; i < 4; i++) {
                TeamCalls.join(s.get(i), set, alpha).then().statusCode(200);
            }
            long beta = TeamCalls.createTeam(s.get(4), set, "Beta");
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<HttpRequest> joins = joins(set, beta, s.subList(5, 8));
            URI setUri = base.toURI().resolve("api/team-sets/" + set);
            HttpRequest close = HttpRequest.newBuilder(setUri)
                    .header("Authorization", "Bearer " + course.instructor().token())
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"name\": \"Homework\", \"minSize\": 3, \"maxSize\": 4,"
                            + " \"selectionClosesAt\": \"" + Instant.now().minusSeconds(1) + "\"}"))
                    .build();
            HttpRequest balance = HttpRequest.newBuilder(setUri.resolve(set + "/balance"))
                    .header("Authorization", "Bearer " + course.instructor().token())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"seed\": " + round + "}"))
                    .build();
            List<Callable<String>> calls = new ArrayList<>();
            for (HttpRequest join : joins) {
                calls.add(() -> String.valueOf(client.send(join, HttpResponse.BodyHandlers.discarding()).statusCode()));
            }
            calls.add(() -> {
                assertEquals(200, client.send(close, HttpResponse.BodyHandlers.discarding()).statusCode());
                return client.send(balance, HttpResponse.BodyHandlers.ofString()).body();
            });

            List<String> answers = together(calls);

            for (String status : answers.subList(0, 3)) {
                assertTrue(status.equals("200") || status.equals("409"), "round " + round + ": a join got " + status);
            }
            List<Integer> reported = JsonPath.from(answers.get(3)).getList("teams.size");
            List<Integer> stored = TeamCalls.as(course.ta()).get("/api/team-sets/" + set + "/teams").then()
                    .statusCode(200).extract().path("items.size");
            assertEquals(reported, stored, "round " + round + ": the balance saw every join that was let in");
            assertTrue(stored.stream().allMatch(size -> size <= 4), "round " + round + ": no team above 4: " + stored);
        }
    }

    /** Runs all calls at the same instant and returns their answers in the order of the calls. */
    private static List<String> together(List<Callable<String>> calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<String>> results = new ArrayList<>();
            for (Callable<String> call : calls) {
                results.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<String> answers = new ArrayList<>();
            for (Future<String> result : results) {
                answers.add(result.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private int size(Fixtures.Cohort course, long set) {
        return TeamCalls.as(course.students().get(0)).get("/api/team-sets/" + set + "/teams/mine")
                .then().statusCode(200).extract().path("size");
    }

    private List<HttpRequest> joins(long set, long team, List<Fixtures.User> students) throws Exception {
        URI join = base.toURI().resolve("api/team-sets/" + set + "/teams/" + team + "/join");
        List<HttpRequest> requests = new ArrayList<>();
        for (Fixtures.User student : students) {
            requests.add(HttpRequest.newBuilder(join)
                    .header("Authorization", "Bearer " + student.token())
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build());
        }
        return requests;
    }

    private static HttpRequest createTeam(URI teams, Fixtures.User student, String name) {
        return HttpRequest.newBuilder(teams)
                .header("Authorization", "Bearer " + student.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + name + "\"}"))
                .build();
    }

    /** Sends all requests at the same instant and returns their status codes, sorted. */
    private static List<Integer> race(List<HttpRequest> requests) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (HttpRequest request : requests) {
                Callable<Integer> send = () -> {
                    start.await();
                    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                };
                results.add(pool.submit(send));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get(60, TimeUnit.SECONDS));
            }
            Collections.sort(statuses);
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
