package org.backprop.grader.evidence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backprop.nn.records.LayerRecord;
import org.backprop.nn.records.ModelGraph;

/**
 * Compares model graphs by what they compute, not by what their layers are called: two runs of one program
 * name their layers differently when they build other models first, so a layer is its Keras type, whether the
 * library or the student wrote it, its output shape, its weight counts and which earlier layers feed it.
 */
public final class ModelGraphs {
    private ModelGraphs() {
    }

    /** A layer as the comparison sees it: no name, its inputs as positions in the graph. */
    public record Shape(String type, boolean library, List<Integer> outputShape, long trainableParams,
            long nonTrainableParams, List<Integer> inbound) {
    }

    /** Returns the layers of {@code graph} as the comparison sees them, in graph order. */
    public static List<Shape> shapes(ModelGraph graph) {
        Map<String, Integer> positions = new HashMap<>();
        List<Shape> shapes = new ArrayList<>();
        for (LayerRecord layer : graph.layers()) {
            List<Integer> inbound = new ArrayList<>();
            for (String name : layer.inbound()) {
                inbound.add(positions.getOrDefault(name, -1));
            }
            shapes.add(new Shape(layer.type(), isLibrary(layer), layer.outputShape(), layer.trainableParams(),
                    layer.nonTrainableParams(), inbound));
            positions.put(layer.name(), shapes.size() - 1);
        }
        return shapes;
    }

    /** Returns how {@code claimed} differs from {@code actual}, in words; empty when they compute the same. */
    public static Optional<String> difference(ModelGraph claimed, ModelGraph actual) {
        List<Shape> a = shapes(claimed);
        List<Shape> b = shapes(actual);
        if (!claimed.inputShape().equals(actual.inputShape())) {
            return Optional.of("its input is " + claimed.inputShape() + " where the code's is " + actual.inputShape());
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).equals(b.get(i))) {
                return Optional.of("layer " + (i + 1) + " is " + describe(a.get(i)) + " where the code builds "
                        + describe(b.get(i)));
            }
        }
        if (a.size() != b.size()) {
            return Optional.of("it has " + a.size() + " layers where the code builds " + b.size());
        }
        return Optional.empty();
    }

    /** Returns whether the library wrote the layer; a layer class of the student's own never counts as Keras's. */
    public static boolean isLibrary(LayerRecord layer) {
        return !layer.custom();
    }

    private static String describe(Shape shape) {
        return (shape.library() ? "" : "a layer of your own class named ") + shape.type() + " " + shape.outputShape()
                + " with " + (shape.trainableParams() + shape.nonTrainableParams()) + " weights";
    }
}
