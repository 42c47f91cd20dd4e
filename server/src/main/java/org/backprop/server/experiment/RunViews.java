package org.backprop.server.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.backprop.server.account.Account;

/** Builds run views from the log's rows. Callers hold a transaction. */
final class RunViews {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunViews() {
    }

    /** Returns the run as lists show it, without its record. */
    static RunView summary(ExperimentRun run) {
        return of(run, null);
    }

    /** Returns the run with its whole record. */
    static RunView whole(ExperimentRun run) {
        return of(run, read(run.recordJson, new TypeReference<JsonNode>() { }));
    }

    private static RunView of(ExperimentRun run, JsonNode record) {
        Account member = Account.findById(run.accountId);
        RunModel model = RunModel.findById(run.id);
        return new RunView(run.id, run.teamId, run.assignmentId, run.name,
                read(run.tags, new TypeReference<List<String>>() { }), run.seed,
                new RunMember(run.accountId, member.displayName), run.recordedAt, run.sourceSha256, run.backend,
                run.device, run.datasetName, read(run.finalMetrics, new TypeReference<Map<String, Double>>() { }),
                run.recordSha256, run.sizeBytes,
                model == null ? null : new RunModelView(model.name, model.sizeBytes, model.sha256), record);
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Tags or metrics could not be written as JSON", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A run of the experiment log holds JSON that does not read back", e);
        }
    }
}
