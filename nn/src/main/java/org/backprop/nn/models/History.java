package org.backprop.nn.models;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.nn.records.RunRecord;

/** What {@code fit} returns, as Keras's {@code History}: each metric's value per epoch, by name. */
public final class History {
    private final Map<String, List<Double>> values = new LinkedHashMap<>();
    private RunRecord runRecord;

    void record(String metric, double value) {
        values.computeIfAbsent(metric, name -> new ArrayList<>()).add(value);
    }

    /** Makes {@code metric} one the history has, without values until an epoch records one. */
    void declare(String metric) {
        values.computeIfAbsent(metric, name -> new ArrayList<>());
    }

    /** Returns the per-epoch values of {@code metric}, e.g. "loss" or "val_accuracy". */
    public List<Double> get(String metric) {
        List<Double> series = values.get(metric);
        if (series == null) {
            throw new IllegalArgumentException("history has no metric \"" + metric + "\"; it has " + values.keySet());
        }
        return Collections.unmodifiableList(series);
    }

    /** Returns the names of the recorded metrics, in the order Keras logs them. */
    public List<String> metrics() {
        return new ArrayList<>(values.keySet());
    }

    /** Returns the run record of the fit that produced this history. */
    public RunRecord runRecord() {
        return runRecord;
    }

    void setRunRecord(RunRecord record) {
        runRecord = record;
    }

    /** Returns every metric's values per epoch, by name. */
    public Map<String, List<Double>> asMap() {
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<Double>> entry : values.entrySet()) {
            copy.put(entry.getKey(), List.copyOf(entry.getValue()));
        }
        return copy;
    }

    /** Returns the number of epochs recorded. */
    public int epochs() {
        return values.isEmpty() ? 0 : values.values().iterator().next().size();
    }
}
