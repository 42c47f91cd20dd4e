package org.backprop.nn.models;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backprop.nn.layers.Layer;

/**
 * The layers of a model as its run record lists them: a model used as a layer (the book's {@code data_augmentation}
 * Sequential, a {@code conv_base}) is opened up into its own layers, named {@code outer/inner} and wired to what feeds
 * and reads it. The summary shows such a model as one row, as Keras does; the grader needs what is inside, since a
 * check that looks for {@code RandomFlip} or a residual {@code Add} must find them wherever the student put them.
 */
public final class RecordedLayers {
    /** What separates a nested model's name from its layers' names. */
    public static final String SEPARATOR = "/";

    /** One recorded layer: its name in the record, the layer, its output shape without batch, and its inbound names. */
    public record Entry(String name, Layer layer, int[] outputShape, List<String> inbound) {
        public Entry {
            inbound = List.copyOf(inbound);
        }
    }

    private RecordedLayers() {
    }

    /** Returns the layers of a built {@code model}, nested models opened up, in the order inputs reach them. */
    public static List<Entry> of(Model model) {
        List<Entry> entries = new ArrayList<>();
        add(model, "", null, entries);
        return entries;
    }

    /**
     * Adds {@code model}'s layers to {@code entries}, their names after {@code prefix}; {@code input} stands for the
     * model's input (null at the top: the record's own {@code input_layer}). Returns the name of the entry that gives
     * the model's output.
     */
    private static String add(Model model, String prefix, List<String> input, List<Entry> entries) {
        Map<String, String> outputOf = new HashMap<>();
        List<Layer> layers = model.layers();
        List<int[]> shapes = model.layerOutputShapes();
        String last = null;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            if (shapes.get(i) == null) {
                // A layer a subclassed model tracks but its call never used: no weights, no output to record.
                continue;
            }
            List<String> inbound = new ArrayList<>();
            for (String name : model.inboundLayerNames(layer)) {
                if (model.isInputName(name)) {
                    inbound.addAll(input == null ? List.of(name) : input);
                } else {
                    inbound.add(outputOf.getOrDefault(name, prefix + name));
                }
            }
            String recorded = layer instanceof ModelLayer nested
                    ? add(nested.model(), prefix + layer.name() + SEPARATOR, inbound, entries)
                    : record(new Entry(prefix + layer.name(), layer, shapes.get(i), inbound), entries);
            outputOf.put(layer.name(), recorded);
            last = recorded;
        }
        if (model instanceof Sequential || model.routesInputsItself() || model.severalArrays()
                || model.output().layer() == null) {
            return last;
        }
        return outputOf.getOrDefault(model.output().layer().name(), last);
    }

    /**
     * Returns the input shape (without batch) of a built {@code model} whose layers are {@code entries}: that of the
     * first layer, or for a subclassed model, whose first tracked layer need not be the first it calls, its own.
     */
    public static int[] inputShape(Model model, List<Entry> entries) {
        if (model.routesInputsItself()) {
            return model.builtInputShape();
        }
        return entries.isEmpty() ? new int[0] : entries.get(0).layer().inputShape();
    }

    private static String record(Entry entry, List<Entry> entries) {
        entries.add(entry);
        return entry.name();
    }
}
