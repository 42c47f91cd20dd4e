package org.backprop.grader.sandbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.backprop.nn.json.JsonWriter;

/**
 * Which of a program's runs the sandbox trains: every one ({@link #ALL}), or only the runs named (the baseline and
 * the sample the grader's re-run budget picked). A fit the plan leaves out still reports its run record, which says
 * it was not trained. Runs are known by the name their record gives them: the program's {@code runName}, else the
 * model's name.
 */
public final class RunPlan {
    /** Trains every run. */
    public static final RunPlan ALL = new RunPlan(null);

    /** At most this many bytes of stand-in histories travel to the runner (its environment is small). */
    static final int MAX_STAND_IN_CHARS = 64 * 1024;

    /** The names to train, sorted; null for all. */
    private final Set<String> names;
    /** For runs not trained, the history fit returns to the program, by run name. */
    private final Map<String, Map<String, List<Double>>> standIns;

    private RunPlan(Set<String> names) {
        this(names, Map.of());
    }

    private RunPlan(Set<String> names, Map<String, Map<String, List<Double>>> standIns) {
        this.names = names;
        this.standIns = standIns;
    }

    /**
     * Returns this plan with histories that fits it does not train return to the program (the team's own numbers),
     * so that a program that reads its history goes on as it did for the team. Histories beyond
     * {@link #MAX_STAND_IN_CHARS} of JSON are left out: their fits return an empty history.
     */
    public RunPlan withStandIns(Map<String, Map<String, List<Double>>> histories) {
        if (names == null) {
            throw new IllegalStateException("RunPlan.ALL trains every run: it needs no stand-in histories");
        }
        Map<String, Map<String, List<Double>>> kept = new LinkedHashMap<>();
        int chars = 0;
        for (Map.Entry<String, Map<String, List<Double>>> history : histories.entrySet()) {
            if (names.contains(history.getKey())) {
                continue;
            }
            int size = history.toString().length();
            if (chars + size > MAX_STAND_IN_CHARS) {
                continue;
            }
            chars += size;
            kept.put(history.getKey(), Map.copyOf(history.getValue()));
        }
        return new RunPlan(names, Collections.unmodifiableMap(kept));
    }

    /** Returns a plan that trains only the runs named in {@code names} (none when it is empty). */
    public static RunPlan only(Set<String> names) {
        if (names == null) {
            throw new IllegalArgumentException("names must not be null; RunPlan.ALL trains every run");
        }
        for (String name : names) {
            if (name == null) {
                throw new IllegalArgumentException("a run name must not be null");
            }
        }
        return new RunPlan(Collections.unmodifiableSet(new TreeSet<>(names)));
    }

    /** Returns whether the run named {@code name} trains. */
    public boolean trains(String name) {
        return names == null || names.contains(name);
    }

    /** Returns whether every run trains. */
    public boolean all() {
        return names == null;
    }

    /**
     * Returns the plan as the runner reads it ({@code BACKPROP_RUN_PLAN}): {@code {"train": [names], "standIns":
     * {name: {metric: [values]}}}}.
     */
    String toJson() {
        if (names == null) {
            throw new IllegalStateException("RunPlan.ALL has no names: the runner trains every run without a plan");
        }
        JsonWriter json = new JsonWriter().beginObject().name("train").beginArray();
        for (String name : names) {
            json.value(name);
        }
        json.endArray().name("standIns").beginObject();
        for (Map.Entry<String, Map<String, List<Double>>> run : standIns.entrySet()) {
            json.name(run.getKey()).beginObject();
            for (Map.Entry<String, List<Double>> metric : run.getValue().entrySet()) {
                json.name(metric.getKey()).beginArray();
                for (Double value : metric.getValue()) {
                    json.value(value);
                }
                json.endArray();
            }
            json.endObject();
        }
        return json.endObject().endObject().toString();
    }

    @Override
    public String toString() {
        return names == null ? "RunPlan.ALL" : "RunPlan.only(" + names + ")";
    }
}
