package org.backprop.nn.saving;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backprop.nn.Shapes;
import org.backprop.nn.Variable;
import org.backprop.nn.internal.TensorInternals;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.models.Model;

/**
 * The saved model's list of weights: for each, its layer, its name within the layer ({@code kernel},
 * {@code moving_mean}, {@code query/kernel}), shape, dtype and byte offset in the weights section, which holds
 * the values one weight after another as little-endian float32, row-major. Weights are matched back by layer and
 * name, never by position, so a rebuilt model gets each value where it came from or fails.
 */
final class WeightTable {
    /** The one dtype nn has. */
    static final String DTYPE = "float32";
    /** Keras's tensors have at most 5 dimensions; a larger rank means a damaged file, not a weight. */
    private static final int MAX_RANK = 8;

    /** One weight: where its values lie in the weights section. */
    record Entry(String layer, String name, int[] shape, long offset) {
        long byteCount() {
            return 4L * Shapes.size(shape);
        }
    }

    private final List<Entry> entries;
    private final long byteCount;

    private WeightTable(List<Entry> entries, long byteCount) {
        this.entries = entries;
        this.byteCount = byteCount;
    }

    /** Returns the total number of weight values the table lists. */
    long valueCount() {
        return byteCount / 4;
    }

    /** Returns the table of {@code model}'s weights, layer by layer in the order of {@code model.layers()}. */
    static WeightTable of(Model model) {
        List<Entry> entries = new ArrayList<>();
        long offset = 0;
        for (Layer layer : model.layers()) {
            for (Variable weight : layer.weights()) {
                Entry entry = new Entry(layer.name(), weightName(layer, weight), weight.shape(), offset);
                entries.add(entry);
                offset += entry.byteCount();
            }
        }
        if (offset > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Model \"" + model.name() + "\" has " + offset / 4 + " weight values,"
                    + " more than one saved model can hold");
        }
        return new WeightTable(entries, offset);
    }

    /** Returns the weight's name within its layer: what follows the layer's name and a slash. */
    private static String weightName(Layer layer, Variable weight) {
        String prefix = layer.name() + "/";
        if (!weight.name().startsWith(prefix)) {
            throw new IllegalStateException("weight \"" + weight.name() + "\" does not carry the name of its layer \""
                    + layer.name() + "\"");
        }
        return weight.name().substring(prefix.length());
    }

    /** Returns the table as the JSON document's {@code weights} array. */
    List<Object> describe() {
        List<Object> list = new ArrayList<>();
        for (Entry entry : entries) {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("layer", entry.layer());
            member.put("name", entry.name());
            List<Object> shape = new ArrayList<>();
            for (int dim : entry.shape()) {
                shape.add(dim);
            }
            member.put("shape", shape);
            member.put("dtype", DTYPE);
            member.put("offset", entry.offset());
            list.add(member);
        }
        return list;
    }

    /** Returns the values of {@code model}'s weights in table order, as the weights section. */
    byte[] values(Model model) {
        byte[] bytes = new byte[(int) byteCount];
        int pos = 0;
        for (Layer layer : model.layers()) {
            for (Variable weight : layer.weights()) {
                for (float value : TensorInternals.values(weight.value())) {
                    int bits = Float.floatToRawIntBits(value);
                    bytes[pos] = (byte) bits;
                    bytes[pos + 1] = (byte) (bits >>> 8);
                    bytes[pos + 2] = (byte) (bits >>> 16);
                    bytes[pos + 3] = (byte) (bits >>> 24);
                    pos += 4;
                }
            }
        }
        return bytes;
    }

    /**
     * Returns the table the document's {@code weights} array describes, checking that the weights it lists fill
     * the {@code sectionBytes} of the weights section exactly, one after another, before anything is allocated.
     */
    static WeightTable parse(List<Object> list, long sectionBytes) {
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long offset = 0;
        for (int i = 0; i < list.size(); i++) {
            String where = "weights[" + i + "]";
            Map<String, Object> member = Members.object(list.get(i), where);
            String layer = Members.string(member, "layer", where);
            String name = Members.string(member, "name", where);
            if (!seen.add(layer + "/" + name)) {
                throw new IllegalArgumentException(where + ": weight \"" + name + "\" of layer \"" + layer
                        + "\" is listed twice");
            }
            String dtype = Members.string(member, "dtype", where);
            if (!DTYPE.equals(dtype)) {
                throw new IllegalArgumentException(where + ": dtype is \"" + dtype + "\", but nn stores " + DTYPE
                        + " only");
            }
            List<Object> dims = Members.list(member, "shape", where);
            if (dims.size() > MAX_RANK) {
                throw new IllegalArgumentException(where + ": a shape of rank " + dims.size() + " is more than "
                        + MAX_RANK);
            }
            int[] shape = new int[dims.size()];
            long bytes = 4;
            for (int d = 0; d < shape.length; d++) {
                shape[d] = (int) Members.whole(dims.get(d), Integer.MAX_VALUE, where + ".shape[" + d + "]");
                bytes *= shape[d];
                // Checked dimension by dimension so that the product of huge dimensions cannot overflow.
                if (offset + bytes > sectionBytes) {
                    throw new IllegalArgumentException(where + ": weight \"" + layer + "/" + name + "\" of shape "
                            + Shapes.describe(shape) + " does not fit in the " + sectionBytes
                            + " bytes of the weights section");
                }
            }
            long stated = Members.whole(member, "offset", Long.MAX_VALUE / 2, where);
            if (stated != offset) {
                throw new IllegalArgumentException(where + ": weight \"" + layer + "/" + name + "\" should start at"
                        + " byte " + offset + " of the weights section, but its offset says " + stated);
            }
            entries.add(new Entry(layer, name, shape, offset));
            offset += bytes;
        }
        if (offset != sectionBytes) {
            throw new IllegalArgumentException("the weights listed hold " + offset + " bytes, but the weights section"
                    + " has " + sectionBytes);
        }
        return new WeightTable(entries, offset);
    }

    /**
     * Assigns every weight of {@code model} the values listed for its layer and name in {@code section}; fails
     * unless each weight is listed with its shape and each listed weight belongs to the model.
     */
    void assignTo(Model model, byte[] section, int sectionStart) {
        Map<String, Entry> byName = new LinkedHashMap<>();
        for (Entry entry : entries) {
            byName.put(entry.layer() + "/" + entry.name(), entry);
        }
        for (Layer layer : model.layers()) {
            for (Variable weight : layer.weights()) {
                String key = layer.name() + "/" + weightName(layer, weight);
                Entry entry = byName.remove(key);
                if (entry == null) {
                    throw new IllegalArgumentException("the file has no values for weight \"" + key + "\"");
                }
                if (!Shapes.same(entry.shape(), weight.shape())) {
                    throw new IllegalArgumentException("weight \"" + key + "\" has shape "
                            + Shapes.describe(weight.shape()) + " in the rebuilt model but "
                            + Shapes.describe(entry.shape()) + " in the file");
                }
                weight.assign(TensorInternals.wrap(entry.shape(), floats(section, sectionStart + (int) entry.offset(),
                        Shapes.size(entry.shape()))));
            }
        }
        if (!byName.isEmpty()) {
            throw new IllegalArgumentException("the file holds weights the rebuilt model does not have: "
                    + new ArrayList<>(byName.keySet()));
        }
    }

    private static float[] floats(byte[] bytes, int start, int count) {
        float[] values = new float[count];
        for (int i = 0, pos = start; i < count; i++, pos += 4) {
            values[i] = Float.intBitsToFloat((bytes[pos] & 0xFF) | (bytes[pos + 1] & 0xFF) << 8
                    | (bytes[pos + 2] & 0xFF) << 16 | (bytes[pos + 3] & 0xFF) << 24);
        }
        return values;
    }
}
