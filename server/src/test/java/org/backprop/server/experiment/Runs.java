package org.backprop.server.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backprop.nn.records.ComponentConfig;
import org.backprop.nn.records.DatasetRecord;
import org.backprop.nn.records.Device;
import org.backprop.nn.records.LayerRecord;
import org.backprop.nn.records.ModelGraph;
import org.backprop.nn.records.RunRecord;
import org.backprop.nn.records.RunRecordJson;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.fixtures.Homework;

/** Run records as a student's program writes them, and sending them to a team's experiment log. */
public final class Runs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Runs() {
    }

    /** A small completed run of a dense model on rps, trained on WebGPU, as RunRecordJson writes it. */
    public static String record(String name, long seed, String... tags) {
        RunRecord.Builder run = RunRecord.builder(name, seed, new ModelGraph("mlp", List.of(4),
                        List.of(new LayerRecord("dense", "Dense", List.of(2), 10, 0, false))))
                .dataset(new DatasetRecord("rps", "train", 80, 20, 0))
                .optimizer(ComponentConfig.of("adam"))
                .loss(ComponentConfig.of("categorical_crossentropy"))
                .history(Map.of("loss", List.of(0.9, 0.5), "accuracy", List.of(0.6, 0.75)))
                .finalMetrics(Map.of("loss", 0.5, "accuracy", 0.75))
                .wallTimeMs(1200)
                .device(new Device("webgpu", "SwiftShader Device"));
        for (String tag : tags) {
            run.tag(tag);
        }
        return RunRecordJson.write(run.build());
    }

    /** The body of a run for the log: the record (JSON text) and the source hash, plus {@code extra} members. */
    public static String body(String sourceSha256, String recordJson, Map<String, Object> extra) {
        try {
            Map<String, Object> body = new HashMap<>(extra);
            body.put("sourceSha256", sourceSha256);
            body.put("record", JSON.readTree(recordJson));
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Sends a run as {@code student}. */
    public static Response post(Homework homework, Fixtures.User student, String body) {
        return Homework.as(student).contentType(ContentType.JSON).body(body).post(path(homework));
    }

    /** Keeps a run in {@code student}'s team's log and returns its id. */
    public static long keep(Homework homework, Fixtures.User student, String name) {
        return post(homework, student, body(null, record(name, 7, "baseline"), Map.of())).then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    public static String path(Homework homework) {
        return "/api/assignments/" + homework.assignmentId() + "/runs";
    }
}
