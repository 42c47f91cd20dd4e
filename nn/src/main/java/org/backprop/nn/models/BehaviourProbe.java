package org.backprop.nn.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.backend.Backend;
import org.backprop.nn.backend.Backends;
import org.backprop.nn.internal.RandomInternals;
import org.backprop.nn.internal.VariableJournal;
import org.backprop.nn.internal.TensorInternals;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.random.RandomGenerator;
import org.backprop.nn.records.LayerRecord;
import org.backprop.nn.records.ModelGraph;

/**
 * Observes what a model's layers do, for the run record of a fit the grader watches: for each single-input layer
 * that is an augmentation ({@code Random…}), active only in training (dropout) or written by the student, whether a
 * call in training changes a probe batch and whether a call in inference returns it exactly; and whether two
 * inference calls of the whole model agree. The grader's {@code augmentation-active} check reads this evidence
 * instead of believing a layer's type name.
 *
 * <p>The probe leaves the program as it found it, so that it never changes what training does: the program's
 * random generator is set aside and put back untouched (the probe draws from its own), every weight a call replaced
 * is put back ({@link VariableJournal}: also the weights of layers the model does not list, as a student's layer
 * holding others in plain fields), and library layers with state in training (BatchNormalization's moving
 * statistics) are never called in training. State a student's layer keeps in plain Java fields, not in weights, is
 * beyond the probe. A layer whose call fails stays unprobed (null), which a check reads
 * as no evidence.
 */
final class BehaviourProbe {
    /** Examples in a probe batch: enough that a random flip of at least one of them is all but certain. */
    private static final int EXAMPLES = 4;
    /** Training calls tried before concluding that a layer never changes its input. */
    private static final int TRAINING_CALLS = 4;
    /** The probe's own generator: the program's stays where it was. */
    private static final long PROBE_SEED = 0x5EED_0F_9E0BEL;

    private BehaviourProbe() {
    }

    /** Returns {@code graph} (the record of {@code model}) with the behaviour the probe observed. */
    static ModelGraph probe(Model model, ModelGraph graph) {
        List<RecordedLayers.Entry> layers = RecordedLayers.of(model);
        RandomInternals.Saved generator = RandomInternals.setAside(new RandomGenerator(PROBE_SEED));
        VariableJournal.open();
        try {
            List<LayerRecord> probed = new ArrayList<>(graph.layers().size());
            for (int i = 0; i < layers.size(); i++) {
                Layer layer = layers.get(i).layer();
                LayerRecord record = graph.layers().get(i);
                probed.add(probes(layer, record) ? probeLayer(layer, record) : record);
            }
            return new ModelGraph(graph.name(), graph.inputShape(), probed, inferenceDeterministic(model, graph));
        } finally {
            VariableJournal.restoreAndClose();
            RandomInternals.restore(generator);
        }
    }

    private static boolean probes(Layer layer, LayerRecord record) {
        boolean interesting = record.type().startsWith("Random") || record.custom() || layer.activeOnlyInTraining();
        return interesting && record.inbound().size() == 1;
    }

    private static LayerRecord probeLayer(Layer layer, LayerRecord record) {
        try {
            Tensor input = probeBatch(layer.inputShape());
            float[] original = input.toArray();
            boolean changes = false;
            for (int call = 0; call < TRAINING_CALLS && !changes; call++) {
                changes = !same(input.shape(), original, layer, true, input);
            }
            boolean identity = same(input.shape(), original, layer, false, input);
            return record.withBehaviour(changes, identity);
        } catch (RuntimeException failed) {
            // A layer that cannot take a probe batch gives no evidence; the record says so with nulls.
            return record;
        }
    }

    /** Returns whether {@code layer} called on {@code input} gives back exactly {@code original} (shape and bits). */
    private static boolean same(int[] shape, float[] original, Layer layer, boolean training, Tensor input) {
        Output output = call(input, training, layer, null);
        return Shapes.same(shape, output.shape) && Arrays.equals(original, output.values);
    }

    private static Boolean inferenceDeterministic(Model model, ModelGraph graph) {
        if (model.severalArrays()) {
            // The record has one input shape; a model of several inputs is not probed whole: no evidence either way.
            return null;
        }
        try {
            Tensor input = probeBatch(toArray(graph.inputShape()));
            Output first = call(input, false, null, model);
            Output second = call(input, false, null, model);
            return Shapes.same(first.shape, second.shape) && Arrays.equals(first.values, second.values);
        } catch (RuntimeException failed) {
            // E.g. token models whose embedding has fewer than 256 entries: no evidence either way.
            return null;
        }
    }

    private record Output(int[] shape, float[] values) {
    }

    /** Calls the layer, or else the model, in one backend step and reads the output back. */
    private static Output call(Tensor input, boolean training, Layer layer, Model model) {
        Backend backend = Backends.current();
        backend.beginStep();
        try {
            Tensor output = layer != null ? layer.call(input, training) : model.call(input, training);
            return new Output(output.shape(), TensorInternals.values(output).clone());
        } finally {
            backend.endStep();
        }
    }

    /** Returns {@link #EXAMPLES} examples of {@code shape}: whole numbers in [0, 255] that no flip maps to themselves. */
    static Tensor probeBatch(int[] shape) {
        int[] batchShape = Shapes.withBatch(EXAMPLES, shape);
        float[] values = new float[Shapes.size(batchShape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i * 97 + 13) % 256;
        }
        return Tensor.of(batchShape, values);
    }

    private static int[] toArray(List<Integer> shape) {
        int[] dims = new int[shape.size()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = shape.get(i);
        }
        return dims;
    }
}
