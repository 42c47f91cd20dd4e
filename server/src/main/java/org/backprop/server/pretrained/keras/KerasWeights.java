package org.backprop.server.pretrained.keras;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.util.List;
import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;

/**
 * Copies the weights of a {@code model.weights.h5} into the layers {@link KerasGraph} rebuilt. Keras 3 writes each
 * layer's variables as datasets {@code 0}, {@code 1}, … of the group {@code <layer path>/vars}, trainable ones first,
 * each in creation order, which is the order of nn's {@code Layer.weights()} for every layer {@link KerasLayers}
 * imports. Every dataset's shape is checked against the nn weight before its values are read, so a
 * file cannot make the reader allocate more than the model it describes; float64 values are narrowed to float32.
 */
final class KerasWeights {
    private KerasWeights() {
    }

    /** Assigns every slot's layer the values its group in {@code h5} holds; fails, naming the layer, otherwise. */
    static void assign(byte[] h5, List<KerasGraph.Slot> slots) {
        try (HdfFile file = HdfFile.fromBytes(h5)) {
            for (KerasGraph.Slot slot : slots) {
                assign(file, slot);
            }
        } catch (HdfException e) {
            throw new IllegalArgumentException(KerasArchive.WEIGHTS + " is not a readable HDF5 file: "
                    + e.getMessage(), e);
        }
    }

    private static void assign(HdfFile file, KerasGraph.Slot slot) {
        List<Variable> weights = slot.layer().weights();
        String describe = "layer '" + slot.layer().name() + "' (" + slot.className() + ")";
        String path = slot.path() + "/vars";
        Group vars = group(file, path);
        int stored = vars == null ? 0 : vars.getChildren().size();
        if (stored != weights.size()) {
            throw new IllegalArgumentException(KerasArchive.WEIGHTS + " holds " + stored + " weights for " + describe
                    + " at " + path + ", but the layer has " + weights.size());
        }
        if (weights.isEmpty()) {
            return;
        }
        Tensor[] values = new Tensor[weights.size()];
        for (int i = 0; i < values.length; i++) {
            Node node = vars.getChild(Integer.toString(i));
            int[] shape = weights.get(i).shape();
            if (!(node instanceof Dataset dataset)) {
                throw new IllegalArgumentException(KerasArchive.WEIGHTS + " has no dataset " + path + "/" + i
                        + " for weight " + i + " of " + describe);
            }
            int[] dims = dataset.getDimensions();
            if (!Shapes.same(dims, shape)) {
                throw new IllegalArgumentException("weight " + i + " of " + describe + " has shape "
                        + Shapes.describe(dims) + " in " + KerasArchive.WEIGHTS + " but " + Shapes.describe(shape)
                        + " in nn");
            }
            values[i] = Tensor.of(shape, floats(dataset, describe, i));
        }
        slot.layer().setWeights(values);
    }

    private static Group group(HdfFile file, String path) {
        Node node;
        try {
            node = file.getByPath(path);
        } catch (HdfException e) {
            return null;
        }
        return node instanceof Group group ? group : null;
    }

    private static float[] floats(Dataset dataset, String describe, int index) {
        Class<?> type = dataset.getJavaType();
        // Keras marks bfloat16 weights, stored as 16-bit integers, with a dtype attribute.
        String stored = dataset.getAttribute("dtype") != null ? "bfloat16" : type.getSimpleName();
        if (dataset.getAttribute("dtype") != null || (type != float.class && type != double.class)) {
            throw new IllegalArgumentException("weight " + index + " of " + describe + " holds " + stored
                    + " values; nn imports float32 and float64 weights");
        }
        Object flat = dataset.getDataFlat();
        if (flat instanceof float[] values) {
            return values;
        }
        double[] wide = (double[]) flat;
        float[] values = new float[wide.length];
        for (int i = 0; i < wide.length; i++) {
            values[i] = (float) wide[i];
        }
        return values;
    }
}
