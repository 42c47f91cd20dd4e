package org.backprop.server.pretrained.keras;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.backprop.nn.Tensor;

/**
 * Writes {@code .keras} files as Keras 3's {@code model.save} does, for the importer's tests: {@code config.json}
 * with Keras 3's layer configs (dtype policies, initializer objects, {@code data_format}, {@code build_config}) and
 * Functional nodes ({@code {"args": [{"class_name": "__keras_tensor__", ...}], "kwargs": {}}}), {@code
 * metadata.json}, and {@code model.weights.h5} with each layer's variables as {@code <path>/vars/0, 1, …}.
 */
public final class KerasFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private KerasFiles() {
    }

    public static Map<String, Object> dtype() {
        return map("module", "keras", "class_name", "DTypePolicy", "config", map("name", "float32"),
                "registered_name", null);
    }

    static Map<String, Object> initializer(String className) {
        return map("module", "keras.initializers", "class_name", className, "config", map("seed", null),
                "registered_name", null);
    }

    static Map<String, Object> conv2d(String name, int filters, int kernel, String activation, String padding) {
        return map("name", name, "trainable", true, "dtype", dtype(), "filters", filters,
                "kernel_size", List.of(kernel, kernel), "strides", List.of(1, 1), "padding", padding,
                "data_format", "channels_last", "dilation_rate", List.of(1, 1), "groups", 1, "activation", activation,
                "use_bias", true, "kernel_initializer", initializer("GlorotUniform"),
                "bias_initializer", initializer("Zeros"), "kernel_regularizer", null, "bias_regularizer", null,
                "activity_regularizer", null, "kernel_constraint", null, "bias_constraint", null);
    }

    static Map<String, Object> batchNormalization(String name, boolean trainable) {
        return map("name", name, "trainable", trainable, "dtype", dtype(), "axis", -1, "momentum", 0.99,
                "epsilon", 0.001, "center", true, "scale", true, "beta_initializer", initializer("Zeros"),
                "gamma_initializer", initializer("Ones"), "moving_mean_initializer", initializer("Zeros"),
                "moving_variance_initializer", initializer("Ones"), "beta_regularizer", null, "gamma_regularizer",
                null, "beta_constraint", null, "gamma_constraint", null, "synchronized", false);
    }

    static Map<String, Object> maxPooling2d(String name) {
        return map("name", name, "trainable", true, "dtype", dtype(), "pool_size", List.of(2, 2),
                "padding", "valid", "strides", List.of(2, 2), "data_format", "channels_last");
    }

    static Map<String, Object> flatten(String name) {
        return map("name", name, "trainable", true, "dtype", dtype(), "data_format", "channels_last");
    }

    public static Map<String, Object> dense(String name, int units, String activation) {
        return map("name", name, "trainable", true, "dtype", dtype(), "units", units, "activation", activation,
                "use_bias", true, "kernel_initializer", initializer("GlorotUniform"),
                "bias_initializer", initializer("Zeros"), "kernel_regularizer", null, "bias_regularizer", null,
                "kernel_constraint", null, "bias_constraint", null, "quantization_config", null);
    }

    public static Map<String, Object> inputLayer(String name, int... shape) {
        return map("module", "keras.layers", "class_name", "InputLayer", "config", map("batch_shape",
                batchShape(shape), "dtype", "float32", "sparse", false, "name", name), "registered_name", null);
    }

    /** Returns a Sequential layer entry ({@code {"module", "class_name", "config", ...}}). */
    public static Map<String, Object> layer(String className, Map<String, Object> config) {
        return map("module", "keras.layers", "class_name", className, "config", config, "registered_name", null);
    }

    public static Map<String, Object> sequential(String name, boolean trainable, List<Map<String, Object>> layers) {
        return map("module", "keras", "class_name", "Sequential", "config", map("name", name, "trainable",
                trainable, "dtype", dtype(), "layers", layers), "registered_name", null);
    }

    /** Builds a Functional model's config layer by layer, as Keras 3's {@code Functional.get_config}. */
    static final class Functional {
        private final List<Map<String, Object>> layers = new ArrayList<>();
        private final String inputName;

        Functional(String inputName, int... shape) {
            this.inputName = inputName;
            Map<String, Object> input = inputLayer(inputName, shape);
            input.put("name", inputName);
            input.put("inbound_nodes", List.of());
            layers.add(input);
        }

        /** Adds {@code entry} (a layer or a nested model) called on the outputs of {@code inputs}. */
        Functional add(Map<String, Object> entry, String name, String... inputs) {
            List<Object> tensors = new ArrayList<>();
            for (String input : inputs) {
                tensors.add(map("class_name", "__keras_tensor__", "config", map("shape", null, "dtype", "float32",
                        "keras_history", List.of(input, 0, 0))));
            }
            Map<String, Object> withNodes = new LinkedHashMap<>(entry);
            withNodes.put("name", name);
            withNodes.put("inbound_nodes", List.of(map("args", tensors.size() == 1 ? tensors : List.of(tensors),
                    "kwargs", map())));
            layers.add(withNodes);
            return this;
        }

        Functional add(String className, Map<String, Object> config, String... inputs) {
            return add(layer(className, config), (String) config.get("name"), inputs);
        }

        Map<String, Object> model(String name, boolean trainable, String output) {
            return map("module", "keras.src.models.functional", "class_name", "Functional", "config", map("name",
                    name, "trainable", trainable, "layers", layers, "input_layers", List.of(inputName, 0, 0),
                    "output_layers", List.of(output, 0, 0)), "registered_name", null);
        }
    }

    /**
     * Returns the {@code .keras} archive of {@code config} with {@code weights} (group path → variables), its entries
     * stored uncompressed with their sizes, as Keras's {@code zipfile.ZipFile(path, "w")} writes them.
     */
    public static byte[] archive(Map<String, Object> config, Map<String, List<Tensor>> weights) throws IOException {
        return zip(true, Map.of(KerasArchive.CONFIG, JSON.writeValueAsBytes(config), KerasArchive.METADATA,
                "{\"keras_version\": \"3.10.0\", \"date_saved\": \"2026-12-01@10:00:00\"}"
                        .getBytes(StandardCharsets.UTF_8), KerasArchive.WEIGHTS, h5(weights)));
    }

    /** Returns a zip of {@code entries}, deflated with sizes after the data, as java.util.zip streams them. */
    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        return zip(false, entries);
    }

    private static byte[] zip(boolean stored, Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                if (stored) {
                    CRC32 crc = new CRC32();
                    crc.update(entry.getValue());
                    zipEntry.setMethod(ZipEntry.STORED);
                    zipEntry.setSize(entry.getValue().length);
                    zipEntry.setCompressedSize(entry.getValue().length);
                    zipEntry.setCrc(crc.getValue());
                }
                zip.putNextEntry(zipEntry);
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /**
     * Returns an HDF5 file with, for each path, a group {@code <path>/vars} of datasets {@code 0, 1, …}. Layers
     * without weights get no group: jhdf 0.9.4 writes empty groups it cannot read back, and the importer reads a
     * missing group as no weights, as Keras's {@code H5Entry} does.
     */
    static byte[] h5(Map<String, List<Tensor>> weights) throws IOException {
        Path file = Files.createTempFile("model", ".weights.h5");
        try {
            try (WritableHdfFile h5 = HdfFile.write(file)) {
                Map<String, WritableGroup> groups = new LinkedHashMap<>();
                for (Map.Entry<String, List<Tensor>> layer : weights.entrySet()) {
                    if (layer.getValue().isEmpty()) {
                        continue;
                    }
                    WritableGroup vars = group(h5, groups, layer.getKey()).putGroup("vars");
                    for (int i = 0; i < layer.getValue().size(); i++) {
                        Tensor value = layer.getValue().get(i);
                        vars.putDataset(Integer.toString(i), nested(value.toArray(), value.shape()));
                    }
                }
            }
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static WritableGroup group(WritableHdfFile h5, Map<String, WritableGroup> groups, String path) {
        WritableGroup group = groups.get(path);
        if (group != null) {
            return group;
        }
        int slash = path.lastIndexOf('/');
        WritableGroup parent = slash < 0 ? null : group(h5, groups, path.substring(0, slash));
        String name = path.substring(slash + 1);
        group = parent == null ? h5.putGroup(name) : parent.putGroup(name);
        groups.put(path, group);
        return group;
    }

    /** Returns {@code values} as a Java array of {@code shape}, as jhdf writes datasets. */
    private static Object nested(float[] values, int[] shape) {
        Object array = Array.newInstance(float.class, shape);
        int last = shape[shape.length - 1];
        int[] index = new int[shape.length - 1];
        for (int start = 0; start < values.length; start += last) {
            Object row = array;
            for (int i : index) {
                row = Array.get(row, i);
            }
            System.arraycopy(values, start, row, 0, last);
            for (int d = index.length - 1; d >= 0 && ++index[d] == shape[d]; d--) {
                index[d] = 0;
            }
        }
        return array;
    }

    private static List<Object> batchShape(int... shape) {
        List<Object> list = new ArrayList<>();
        list.add(null);
        for (int dim : shape) {
            list.add(dim);
        }
        return list;
    }

    /** Returns a mutable map of alternating keys and values, null values allowed (Map.of takes none). */
    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
