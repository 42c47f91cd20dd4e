package org.backprop.server.experiment;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.fixtures.Homework;
import org.junit.jupiter.api.Test;

/**
 * The model a program saves after a run, kept with the run: sent by the member who ran it, replaced by a later
 * one, downloaded by the team and the course's staff; empty bodies, bad names and models over the weights limit
 * turned away.
 */
@QuarkusTest
class RunModelsTest {
    private static final byte[] MODEL = bytes(3000, 7);
    private static final byte[] RETRAINED = bytes(1200, 11);

    @Inject
    Fixtures fixtures;

    @Test
    void keepsTheModelWithTheRunForTheTeamAndStaff() {
        Homework homework = Homework.publish(fixtures.cohort(3), "2099-12-14T23:59", 2, 1);
        Fixtures.User runner = homework.course().students().get(0);
        Fixtures.User teammate = homework.course().students().get(1);
        Fixtures.User otherTeam = homework.course().students().get(2);
        long team = homework.teams().get(0);
        long run = Runs.keep(homework, runner, "baseline");
        long bare = Runs.keep(homework, runner, "no-model");
        Homework.as(teammate).get(Runs.path(homework) + "/" + run).then().statusCode(200).body("model", nullValue());

        put(homework, runner, run, "fashion_mnist", MODEL).then().statusCode(200)
                .body("id", equalTo((int) run))
                .body("model.name", equalTo("fashion_mnist"))
                .body("model.size", equalTo(MODEL.length))
                .body("model.sha256", equalTo(CheckedRecord.sha256(MODEL)))
                .body("record", nullValue());
        Homework.as(teammate).get(Runs.path(homework)).then().statusCode(200)
                .body("items.find { it.id == " + run + " }.model.name", equalTo("fashion_mnist"))
                .body("items.find { it.id == " + bare + " }.model", nullValue());
        Homework.as(teammate).get(Runs.path(homework) + "/" + run).then().statusCode(200)
                .body("model.sha256", equalTo(CheckedRecord.sha256(MODEL)));
        assertDownload(Homework.as(teammate).get(modelPath(homework, run)), "fashion_mnist", MODEL);

        put(homework, runner, run, "final", RETRAINED).then().statusCode(200).body("model.name", equalTo("final"))
                .body("model.size", equalTo(RETRAINED.length));
        assertDownload(Homework.as(runner).get(modelPath(homework, run)), "final", RETRAINED);
        assertDownload(Homework.as(homework.course().ta()).get(staffPath(team, homework, run)), "final", RETRAINED);
        assertEquals(1L, fixtures.inTransaction(() -> RunModel.count("runId", run)), "a run keeps one model");

        Homework.as(teammate).get(modelPath(homework, bare)).then().statusCode(404)
                .body("detail", equalTo("Run " + bare + " (\"no-model\") has no saved model: its program saved none"
                        + " after the fit."));
        Homework.as(otherTeam).get(modelPath(homework, run)).then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", startsWith("There is no run " + run + " in this team's experiment log"));
        put(homework, otherTeam, run, "stolen", MODEL).then().statusCode(404);
        put(homework, teammate, run, "mine", MODEL).then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("Only " + runner.name() + ", who ran \"baseline\", can save a model with it: a"
                        + " model goes with the run of the program that saved it."));
        put(homework, homework.course().ta(), run, "staff", MODEL).then().statusCode(403);
        Homework.as(homework.course().ta()).get(staffPath(homework.teams().get(1), homework, run)).then()
                .statusCode(404);
        Homework.as(runner).get(staffPath(team, homework, run)).then().statusCode(403);
        assertDownload(Homework.as(runner).get(modelPath(homework, run)), "final", RETRAINED);
    }

    @Test
    void refusesEmptyBodiesBadNamesAndModelsOverTheWeightsLimit() {
        Homework homework = Homework.publish(fixtures.cohort(1), "2099-12-14T23:59", 1);
        Fixtures.User student = homework.course().students().get(0);
        long run = Runs.keep(homework, student, "baseline");

        put(homework, student, run, "final", new byte[0]).then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("The request has no body: send the saved model's bytes as"
                        + " application/octet-stream."));
        put(homework, student, run, ".hidden", MODEL).then().statusCode(400)
                .body("detail", startsWith("The saved model's name \".hidden\" starts with a dot"));
        Homework.as(student).contentType("application/octet-stream").body(MODEL).put(modelPath(homework, run)).then()
                .statusCode(400).body("detail", startsWith("A saved model needs a name"));
        put(homework, student, run, "huge", new byte[64 * 1024 * 1024 + 1]).then().statusCode(413)
                .contentType("application/problem+json")
                .body("detail", equalTo("The request is 65537 KiB; this server accepts at most 65536 KiB."));
        Homework.as(student).get(Runs.path(homework) + "/" + run).then().statusCode(200).body("model", nullValue());
    }

    private static Response put(Homework homework, Fixtures.User student, long run, String name, byte[] bytes) {
        return Homework.as(student).contentType("application/octet-stream").queryParam("name", name).body(bytes)
                .put(modelPath(homework, run));
    }

    private static void assertDownload(Response response, String name, byte[] bytes) {
        response.then().statusCode(200).contentType("application/octet-stream")
                .header("Content-Disposition", equalTo("attachment; filename=\"" + name + ".bpm\""))
                .header("ETag", equalTo("\"" + CheckedRecord.sha256(bytes) + "\""));
        assertArrayEquals(bytes, response.asByteArray(), "the bytes the runner's page sent");
    }

    private static byte[] bytes(int size, int seed) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * seed + seed);
        }
        return bytes;
    }

    private static String modelPath(Homework homework, long run) {
        return Runs.path(homework) + "/" + run + "/model";
    }

    private static String staffPath(long teamId, Homework homework, long run) {
        return "/api/teams/" + teamId + "/assignments/" + homework.assignmentId() + "/runs/" + run + "/model";
    }
}
