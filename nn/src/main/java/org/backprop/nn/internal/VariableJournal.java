package org.backprop.nn.internal;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.backend.Backends;

/**
 * While open, remembers the value every {@link Variable} had before its first assignment, so that work the runtime
 * does between a program's own steps (the behaviour probe of a run record) can put back every weight it replaced:
 * also the weights of layers a model does not list, such as a student's layer that keeps others in plain fields
 * without tracking them. {@code Variable.assign} reports here; nothing else should.
 *
 * <p>The grader's policy refuses student references to this package. Not thread-safe: programs are single-threaded.
 * State a layer keeps in plain Java fields (not in weights) is beyond it.
 */
public final class VariableJournal {
    private static List<Variable> assigned;
    private static List<Tensor> before;

    private VariableJournal() {
    }

    /** Starts remembering; fails when a journal is open already. */
    public static void open() {
        if (assigned != null) {
            throw new IllegalStateException("a variable journal is open already");
        }
        assigned = new ArrayList<>();
        before = new ArrayList<>();
    }

    /** Called by {@code Variable.assign} with the value it is about to replace. */
    public static void assigning(Variable variable, Tensor previous) {
        if (assigned == null) {
            return;
        }
        for (Variable seen : assigned) {
            if (seen == variable) {
                return;
            }
        }
        assigned.add(variable);
        before.add(previous);
        Backends.current().retain(previous);
    }

    /** Puts back every remembered value, latest assignment first undone, and closes the journal. */
    public static void restoreAndClose() {
        List<Variable> variables = assigned;
        List<Tensor> values = before;
        assigned = null;
        before = null;
        if (variables == null) {
            return;
        }
        for (int i = variables.size() - 1; i >= 0; i--) {
            variables.get(i).assign(values.get(i));
            Backends.current().release(values.get(i));
        }
    }
}
