package org.backprop.grader.evidence;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backprop.nn.records.RunRecord;
import org.backprop.nn.records.RunStatus;

/**
 * The server's own run of the submitted code: the record of every fit it made, in order (trained, or only built
 * when the re-run budget left it out), the models it saved by name (the last save of a name wins), and, when the program did not compile or did not run to its end, why, in
 * words for the student. Immutable.
 */
public record ServerRun(List<RunRecord> records, Map<String, byte[]> savedModels, String failure) {

    public ServerRun {
        records = List.copyOf(records);
        savedModels = Collections.unmodifiableMap(new LinkedHashMap<>(savedModels));
        if (failure != null && failure.isBlank()) {
            throw new IllegalArgumentException("a failure needs its reason");
        }
    }

    /** Returns the evidence of a program that never ran (it did not compile, or could not be started). */
    public static ServerRun failed(String failure) {
        return new ServerRun(List.of(), Map.of(), failure);
    }

    /** Returns why the run is no evidence, when it did not end normally. */
    public Optional<String> failureReason() {
        return Optional.ofNullable(failure);
    }

    /** Returns the fits the server trained (not the ones it only built). */
    public List<RunRecord> trained() {
        return records.stream().filter(record -> record.status().state() != RunStatus.State.NOT_TRAINED).toList();
    }
}
