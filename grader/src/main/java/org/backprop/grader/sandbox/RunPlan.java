package org.backprop.grader.sandbox;

import java.util.Collections;
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

    /** The names to train, sorted; null for all. */
    private final Set<String> names;

    private RunPlan(Set<String> names) {
        this.names = names;
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

    /** Returns the names as the runner reads them ({@code BACKPROP_RUN_PLAN}): a JSON array of strings. */
    String toJson() {
        if (names == null) {
            throw new IllegalStateException("RunPlan.ALL has no names: the runner trains every run without a plan");
        }
        JsonWriter json = new JsonWriter().beginArray();
        for (String name : names) {
            json.value(name);
        }
        return json.endArray().toString();
    }

    @Override
    public String toString() {
        return names == null ? "RunPlan.ALL" : "RunPlan.only(" + names + ")";
    }
}
