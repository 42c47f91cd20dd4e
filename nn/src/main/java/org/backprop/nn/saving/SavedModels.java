package org.backprop.nn.saving;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.nn.json.JsonWriter;
import org.backprop.nn.layers.WeightBudget;
import org.backprop.nn.models.Model;

/**
 * Saves a whole model, architecture and weights, as one self-describing array of bytes and rebuilds it from them
 * with the library alone, as Keras's {@code model.save} and {@code keras.models.load_model}. The grader evaluates
 * a team's saved model on the hidden test split this way, without running any student code. Students call
 * {@link Model#save(String)}.
 *
 * <h2>Format, version 1</h2>
 * Integers are unsigned 32-bit little-endian.
 * <pre>
 * bytes   field
 * 8       magic: 0x89 'B' 'P' 'M' '\r' '\n' 0x1A '\n'
 * 4       format version: 1
 * 4       length J of the JSON document, in bytes (at most 16 MiB)
 * J       the JSON document, UTF-8
 * 4       length W of the weights section, in bytes
 * W       the weights: each weight's values in turn, IEEE 754 float32 little-endian, row-major
 * 4       CRC-32 (as zip's) of every byte before it
 * </pre>
 * The JSON document:
 * <pre>
 * {
 *   "format": "backprop-saved-model",
 *   "version": 1,
 *   "nn_version": "0.1.0-SNAPSHOT",
 *   "model": {"class_name": "Sequential" | "Functional", "config": {...}},
 *   "weights": [{"layer": "conv2d", "name": "kernel", "shape": [3, 3, 3, 16], "dtype": "float32", "offset": 0}, ...]
 * }
 * </pre>
 * {@code model} is Keras's model config (see {@link SequentialConfig} and {@link FunctionalConfig}), each layer's
 * {@code config} what its {@link org.backprop.nn.layers.Layer#getConfig()} returns; {@code weights} lists every
 * weight of every layer with its byte offset in the weights section, which the weights fill exactly. The
 * optimizer's state and the compile settings are not saved: a saved model is for inference.
 *
 * <p>Reading checks the magic, the version, every length against the bytes there are and the checksum before
 * parsing, then that the weights listed fill the weights section before allocating them, and rebuilds the layers
 * under a {@link WeightBudget} of the values the file holds, so a hostile file cannot make the reader allocate
 * more than its own size. Every failure is an {@link IllegalArgumentException} saying what is wrong. A later
 * version changes the version field; readers reject versions they do not know rather than guess.
 */
public final class SavedModels {
    /** The {@code format} member of the JSON document. */
    public static final String FORMAT = "backprop-saved-model";
    /** The format version this class writes and reads. */
    public static final int VERSION = 1;
    /** The version of nn that writes the files, recorded for people; readers go by {@link #VERSION}. */
    public static final String NN_VERSION = "0.1.0-SNAPSHOT";
    /** The longest name {@link Model#save(String)} accepts. */
    public static final int MAX_NAME_LENGTH = 64;

    private SavedModels() {
    }

    /** Returns {@code model}, architecture and current weights, in format {@link #VERSION}. */
    public static byte[] toBytes(Model model) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", FORMAT);
        document.put("version", VERSION);
        document.put("nn_version", NN_VERSION);
        document.put("model", ModelConfig.describe(model));
        WeightTable weights = WeightTable.of(model);
        document.put("weights", weights.describe());
        JsonWriter json = new JsonWriter();
        JsonValues.write(json, document);
        return SavedModelFile.pack(VERSION, json.toString(), weights.values(model));
    }

    /** Returns the model {@code bytes} (written by {@link #toBytes}) hold, built and with its saved weights. */
    public static Model fromBytes(byte[] bytes) {
        try {
            SavedModelFile.Parts parts = SavedModelFile.unpack(bytes, VERSION);
            Map<String, Object> document = Members.object(JsonValues.parse(parts.json()), "the JSON document");
            String format = Members.string(document, "format", "the JSON document");
            if (!FORMAT.equals(format)) {
                throw new IllegalArgumentException("the JSON document's format is \"" + format + "\", not \"" + FORMAT
                        + "\"");
            }
            long version = Members.whole(document, "version", Integer.MAX_VALUE, "the JSON document");
            if (version != VERSION) {
                throw new IllegalArgumentException("the JSON document has version " + version + ", but this version"
                        + " of nn reads version " + VERSION + " only");
            }
            List<Object> listed = Members.list(document, "weights", "the JSON document");
            WeightTable weights = WeightTable.parse(listed, parts.weightsLength());
            Map<String, Object> described = Members.object(document, "model", "the JSON document");
            Model model = WeightBudget.limit(weights.valueCount(), "the saved model",
                    () -> ModelConfig.rebuild(described));
            weights.assignTo(model, parts.bytes(), parts.weightsStart());
            return model;
        } catch (RuntimeException e) {
            // Rebuilding runs layer code on shapes from the file; whatever a damaged file makes it throw, the
            // caller gets one kind of failure that says the file is at fault.
            throw new IllegalArgumentException("Cannot load the saved model: " + e.getMessage(), e);
        }
    }

    /**
     * Fails unless {@code name} is a name {@link Model#save(String)} accepts: 1 to {@link #MAX_NAME_LENGTH}
     * letters, digits, {@code _}, {@code -} and {@code .}, not starting with a dot. The platform files the model
     * under it, so it stays a safe file name everywhere.
     */
    public static void checkName(String name) {
        if (name == null || name.trim().isEmpty()) {
            throw new IllegalArgumentException("A saved model needs a name, e.g. model.save(\"final\")");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("The saved model's name \"" + name + "\" is " + name.length()
                    + " characters long; use at most " + MAX_NAME_LENGTH);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
                    || c == '-' || c == '.';
            if (!allowed) {
                throw new IllegalArgumentException("The saved model's name \"" + name + "\" contains '" + c
                        + "'; use only letters, digits, '_', '-' and '.', e.g. \"final\" or \"mini-xception.v2\"");
            }
        }
        if (name.charAt(0) == '.') {
            throw new IllegalArgumentException("The saved model's name \"" + name + "\" starts with a dot; start it"
                    + " with a letter, a digit, '_' or '-'");
        }
    }
}
