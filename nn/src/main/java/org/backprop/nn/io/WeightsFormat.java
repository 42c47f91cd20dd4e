package org.backprop.nn.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.internal.TensorInternals;

/**
 * Saves and loads a model's weights ({@code model.weights()}) as bytes, as Keras's {@code save_weights} and
 * {@code load_weights}; where the bytes go (a download, an upload, a file on the JVM) is the caller's choice.
 *
 * <h2>Format, version 1</h2>
 * All integers are unsigned 32-bit little-endian.
 * <pre>
 * bytes       field
 * 8           magic: 0x89 'B' 'P' 'W' '\r' '\n' 0x1A '\n'
 * 4           format version: 1
 * 4           number of weights N
 * N times:
 *   4         name length L, in bytes
 *   L         name, UTF-8, unique in the file, e.g. "dense/kernel"
 *   4         rank R
 *   4 × R     dimensions, outermost first, e.g. 784, 128 for a Dense kernel
 *   4 × S     values, IEEE 754 float32 little-endian, row-major; S is the product of the dimensions
 * </pre>
 * Nothing follows the last weight. As in PNG, the magic's first byte is not ASCII and its line endings
 * catch files mangled by text transfers. Weights are written in the order given and matched by name when
 * read, so a file loads into any model whose weights have the same names and shapes; when no name matches
 * up but every shape does, in order, the file loads by position (the same architecture with layers numbered
 * differently, as a second model built in one program is).
 *
 * <p>A later version changes the version field; readers reject versions they do not know rather than guess.
 */
public final class WeightsFormat {
    /** The format version this class writes and reads. */
    public static final int VERSION = 1;
    private static final byte[] MAGIC = {(byte) 0x89, 'B', 'P', 'W', '\r', '\n', 0x1A, '\n'};
    /** Keras's tensors have at most 5 dimensions; a larger rank means corrupted bytes, not a weight. */
    private static final int MAX_RANK = 8;

    private WeightsFormat() {
    }

    /** Returns {@code weights}' names, shapes and current values in format version {@link #VERSION}. */
    public static byte[] write(List<Variable> weights) {
        Set<String> names = new HashSet<>();
        List<byte[]> encodedNames = new ArrayList<>();
        long size = MAGIC.length + 8L;
        for (Variable weight : weights) {
            if (!names.add(weight.name())) {
                throw new IllegalArgumentException("weights holds two weights named \"" + weight.name()
                        + "\"; names must be unique to be loaded back");
            }
            byte[] name = weight.name().getBytes(StandardCharsets.UTF_8);
            encodedNames.add(name);
            size += 8L + name.length + 4L * weight.shape().length + 4L * weight.size();
        }
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("weights hold " + size + " bytes, more than one array can");
        }
        ByteWriter out = new ByteWriter((int) size);
        out.bytes(MAGIC);
        out.int32(VERSION);
        out.int32(weights.size());
        for (int i = 0; i < weights.size(); i++) {
            Variable weight = weights.get(i);
            out.int32(encodedNames.get(i).length);
            out.bytes(encodedNames.get(i));
            int[] shape = weight.shape();
            out.int32(shape.length);
            for (int dim : shape) {
                out.int32(dim);
            }
            for (float value : TensorInternals.values(weight.value())) {
                out.int32(Float.floatToRawIntBits(value));
            }
        }
        return out.result();
    }

    /**
     * Assigns every weight in {@code weights} the value stored under its name in {@code bytes}. Nothing is
     * assigned unless all of them load: the bytes must be this format in a version this class reads, hold
     * every weight with the same shape, and hold no weight the list does not have.
     */
    public static void read(byte[] bytes, List<Variable> weights) {
        Map<String, Tensor> stored = parse(bytes);
        if (sameArchitectureOtherNames(stored, weights)) {
            List<Tensor> values = new ArrayList<>(stored.values());
            for (int i = 0; i < weights.size(); i++) {
                weights.get(i).assign(values.get(i));
            }
            return;
        }
        for (Variable weight : weights) {
            Tensor value = stored.get(weight.name());
            if (value == null) {
                throw new IllegalArgumentException("The weights file has no weight \"" + weight.name()
                        + "\"; it holds " + stored.keySet() + ". Was it saved from a different model?");
            }
            if (!Shapes.same(weight.shape(), value.shape())) {
                throw new IllegalArgumentException("Weight \"" + weight.name() + "\" has shape "
                        + Shapes.describe(weight.shape()) + " in the model but " + Shapes.describe(value.shape())
                        + " in the weights file");
            }
        }
        if (stored.size() != weights.size()) {
            Set<String> extra = new HashSet<>(stored.keySet());
            for (Variable weight : weights) {
                extra.remove(weight.name());
            }
            throw new IllegalArgumentException("The weights file holds weights the model does not have: "
                    + new ArrayList<>(extra) + ". Was it saved from a different model?");
        }
        for (Variable weight : weights) {
            weight.assign(stored.get(weight.name()));
        }
    }

    /**
     * Returns whether the file holds weights of the same shapes in the same order under other names: the same
     * architecture built where layers were numbered differently ({@code dense_2} for {@code dense}).
     */
    private static boolean sameArchitectureOtherNames(Map<String, Tensor> stored, List<Variable> weights) {
        if (stored.size() != weights.size()) {
            return false;
        }
        boolean namesDiffer = false;
        int i = 0;
        for (Map.Entry<String, Tensor> entry : stored.entrySet()) {
            Variable weight = weights.get(i++);
            if (!Shapes.same(weight.shape(), entry.getValue().shape())) {
                return false;
            }
            namesDiffer |= !weight.name().equals(entry.getKey());
        }
        return namesDiffer && !stored.keySet().containsAll(namesOf(weights));
    }

    private static List<String> namesOf(List<Variable> weights) {
        List<String> names = new ArrayList<>();
        for (Variable weight : weights) {
            names.add(weight.name());
        }
        return names;
    }

    /** Returns the weights stored in {@code bytes} by name, in file order, checking the whole file. */
    private static Map<String, Tensor> parse(byte[] bytes) {
        if (bytes == null) {
            throw new IllegalArgumentException("bytes must not be null");
        }
        ByteReader in = new ByteReader(bytes);
        for (int i = 0; i < MAGIC.length; i++) {
            if (i >= bytes.length || bytes[i] != MAGIC[i]) {
                throw new IllegalArgumentException("These bytes are not a Backprop weights file: it starts with the"
                        + " 8 bytes 89 42 50 57 0D 0A 1A 0A (\\x89BPW\\r\\n\\x1A\\n)");
            }
        }
        in.skip(MAGIC.length);
        long version = in.uint32("the format version");
        if (version != VERSION) {
            throw new IllegalArgumentException("The weights file has format version " + version + ", but this"
                    + " library reads version " + VERSION + " only");
        }
        long count = in.uint32("the number of weights");
        Map<String, Tensor> weights = new LinkedHashMap<>();
        for (long i = 0; i < count; i++) {
            String what = "weight " + (i + 1) + " of " + count;
            String name = in.utf8(in.length("the name length of " + what), "the name of " + what);
            int rank = in.length("the rank of weight \"" + name + "\"");
            if (rank > MAX_RANK) {
                throw new IllegalArgumentException("The weights file is corrupted: weight \"" + name + "\" has rank "
                        + rank + ", more than " + MAX_RANK);
            }
            int[] shape = new int[rank];
            long size = 1;
            for (int d = 0; d < rank; d++) {
                shape[d] = in.length("the shape of weight \"" + name + "\"");
                size *= shape[d];
                // Checked per dimension so that the product of corrupted dimensions cannot overflow.
                in.require(size * 4, "the values of weight \"" + name + "\"");
            }
            in.require(size * 4, "the values of weight \"" + name + "\"");
            float[] values = new float[(int) size];
            for (int v = 0; v < values.length; v++) {
                values[v] = Float.intBitsToFloat(in.int32());
            }
            if (weights.put(name, TensorInternals.wrap(shape, values)) != null) {
                throw new IllegalArgumentException("The weights file is corrupted: it holds weight \"" + name
                        + "\" twice");
            }
        }
        if (in.remaining() != 0) {
            throw new IllegalArgumentException("The weights file is corrupted: " + in.remaining()
                    + " bytes follow its last weight");
        }
        return weights;
    }
}
