package org.backprop.nn.saving;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.backprop.nn.layers.Activation;
import org.backprop.nn.layers.Add;
import org.backprop.nn.layers.AveragePooling2D;
import org.backprop.nn.layers.BaseConv;
import org.backprop.nn.layers.BatchNormalization;
import org.backprop.nn.layers.Bidirectional;
import org.backprop.nn.layers.Concatenate;
import org.backprop.nn.layers.Conv1D;
import org.backprop.nn.layers.Conv2D;
import org.backprop.nn.layers.Conv2DTranspose;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.DepthwiseConv2D;
import org.backprop.nn.layers.Dropout;
import org.backprop.nn.layers.Embedding;
import org.backprop.nn.layers.Flatten;
import org.backprop.nn.layers.GlobalAveragePooling1D;
import org.backprop.nn.layers.GlobalAveragePooling2D;
import org.backprop.nn.layers.GlobalMaxPooling1D;
import org.backprop.nn.layers.GlobalMaxPooling2D;
import org.backprop.nn.layers.GRU;
import org.backprop.nn.layers.LSTM;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.layers.LayerConfig;
import org.backprop.nn.layers.LayerNormalization;
import org.backprop.nn.layers.MaxPooling1D;
import org.backprop.nn.layers.MaxPooling2D;
import org.backprop.nn.layers.MultiHeadAttention;
import org.backprop.nn.layers.Pooling2D;
import org.backprop.nn.layers.PositionalEmbedding;
import org.backprop.nn.layers.Recurrent;
import org.backprop.nn.layers.Reshape;
import org.backprop.nn.layers.SeparableConv2D;
import org.backprop.nn.layers.SimpleRNN;
import org.backprop.nn.layers.UpSampling2D;
import org.backprop.nn.layers.preprocessing.RandomContrast;
import org.backprop.nn.layers.preprocessing.RandomFlip;
import org.backprop.nn.layers.preprocessing.RandomRotation;
import org.backprop.nn.layers.preprocessing.RandomTranslation;
import org.backprop.nn.layers.preprocessing.RandomZoom;
import org.backprop.nn.layers.preprocessing.Rescaling;
import org.backprop.nn.layers.preprocessing.Resizing;
import org.backprop.nn.layers.preprocessing.TextVectorization;
import org.backprop.nn.regularizers.Regularizer;
import org.backprop.nn.regularizers.Regularizers;

/**
 * Rebuilds library layers from their {@link Layer#getConfig() configs}, by Keras class name, as Keras's
 * {@code layers.deserialize}: one explicit factory per layer class, with no reflection, so that TeaVM translates it
 * and so that a saved model can only ever name layers the library has. Each factory reads the settings its
 * layer's {@code getConfig} writes, with the layer's own defaults for settings a config leaves out.
 *
 * <p>A layer class that is not registered here cannot be saved: a student's own {@link Layer} subclass has code
 * the grader does not run, so its model could not be rebuilt there.
 */
public final class LayerRegistry {
    private static final Map<String, Entry> BY_NAME = new LinkedHashMap<>();
    private static final Map<Class<?>, Entry> BY_CLASS = new HashMap<>();

    static {
        register("Activation", Activation.class, c -> new Activation(c.getString("activation")));
        register("Add", Add.class, c -> new Add());
        register("AveragePooling2D", AveragePooling2D.class,
                c -> pooling(new AveragePooling2D(c.getSquare("pool_size")), c));
        register("BatchNormalization", BatchNormalization.class, c -> new BatchNormalization()
                .momentum(c.getDouble("momentum", 0.99)).epsilon(c.getDouble("epsilon", 1e-3))
                .scale(c.getBoolean("scale", true)).axis(c.getInt("axis", -1)));
        register("Bidirectional", Bidirectional.class, LayerRegistry::bidirectional);
        register("Concatenate", Concatenate.class, c -> new Concatenate(c.getInt("axis", -1)));
        register("Conv1D", Conv1D.class, c -> new Conv1D(c.getInt("filters"), single(c, "kernel_size", 1))
                .strides(single(c, "strides", 1)).padding(c.getString("padding", "valid"))
                .useBias(c.getBoolean("use_bias", true)).activation(c.getString("activation", "linear"))
                .kernelRegularizer(regularizer(c, "kernel_regularizer"))
                .biasRegularizer(regularizer(c, "bias_regularizer")));
        register("Conv2D", Conv2D.class,
                c -> convolution(new Conv2D(c.getInt("filters"), window(c, "kernel_size", 0),
                        window(c, "kernel_size", 1)).kernelRegularizer(regularizer(c, "kernel_regularizer")), c));
        register("Conv2DTranspose", Conv2DTranspose.class, c -> convolution(new Conv2DTranspose(c.getInt("filters"),
                c.getSquare("kernel_size")).kernelRegularizer(regularizer(c, "kernel_regularizer")), c));
        register("Dense", Dense.class, c -> new Dense(c.getInt("units"), c.getString("activation", "linear"))
                .useBias(c.getBoolean("use_bias", true))
                .kernelInitializer(c.getString("kernel_initializer", "glorot_uniform"))
                .biasInitializer(c.getString("bias_initializer", "zeros"))
                .kernelRegularizer(regularizer(c, "kernel_regularizer"))
                .biasRegularizer(regularizer(c, "bias_regularizer")));
        register("DepthwiseConv2D", DepthwiseConv2D.class, c -> convolution(new DepthwiseConv2D(
                c.getSquare("kernel_size")).depthMultiplier(c.getInt("depth_multiplier", 1))
                .depthwiseRegularizer(regularizer(c, "depthwise_regularizer")), c));
        register("Dropout", Dropout.class, c -> new Dropout(c.getDouble("rate")));
        register("Embedding", Embedding.class, c -> new Embedding(c.getInt("input_dim"), c.getInt("output_dim"))
                .maskZero(c.getBoolean("mask_zero", false))
                .embeddingsRegularizer(regularizer(c, "embeddings_regularizer")));
        register("Flatten", Flatten.class, c -> new Flatten());
        register("GlobalAveragePooling1D", GlobalAveragePooling1D.class, c -> new GlobalAveragePooling1D());
        register("GlobalAveragePooling2D", GlobalAveragePooling2D.class, c -> new GlobalAveragePooling2D());
        register("GlobalMaxPooling1D", GlobalMaxPooling1D.class, c -> new GlobalMaxPooling1D());
        register("GlobalMaxPooling2D", GlobalMaxPooling2D.class, c -> new GlobalMaxPooling2D());
        register("GRU", GRU.class, c -> recurrent(new GRU(c.getInt("units")), c)
                .resetAfter(c.getBoolean("reset_after", true)));
        register("LSTM", LSTM.class, c -> recurrent(new LSTM(c.getInt("units")), c));
        register("LayerNormalization", LayerNormalization.class,
                c -> new LayerNormalization().epsilon(c.getDouble("epsilon", 1e-3)));
        register("MaxPooling1D", MaxPooling1D.class, c -> new MaxPooling1D(single(c, "pool_size", 2))
                .strides(single(c, "strides", single(c, "pool_size", 2))).padding(c.getString("padding", "valid")));
        register("MaxPooling2D", MaxPooling2D.class, c -> pooling(new MaxPooling2D(c.getSquare("pool_size")), c));
        register("MultiHeadAttention", MultiHeadAttention.class,
                c -> new MultiHeadAttention(c.getInt("num_heads"), c.getInt("key_dim")));
        register("PositionalEmbedding", PositionalEmbedding.class, c -> new PositionalEmbedding(
                c.getInt("sequence_length"), c.getInt("input_dim"), c.getInt("output_dim")));
        register("RandomContrast", RandomContrast.class, c -> new RandomContrast(c.getDouble("factor")));
        register("RandomFlip", RandomFlip.class,
                c -> new RandomFlip(c.getString("mode", "horizontal_and_vertical")));
        register("RandomRotation", RandomRotation.class, c -> new RandomRotation(c.getDouble("factor")));
        register("RandomTranslation", RandomTranslation.class,
                c -> new RandomTranslation(c.getDouble("height_factor"), c.getDouble("width_factor")));
        register("RandomZoom", RandomZoom.class, c -> new RandomZoom(c.getDouble("height_factor")));
        register("Rescaling", Rescaling.class, c -> new Rescaling(c.getDouble("scale"), c.getDouble("offset", 0)));
        register("Reshape", Reshape.class, c -> new Reshape(c.getInts("target_shape")));
        register("Resizing", Resizing.class, c -> new Resizing(c.getInt("height"), c.getInt("width")));
        register("SimpleRNN", SimpleRNN.class, c -> recurrent(new SimpleRNN(c.getInt("units")), c));
        register("TextVectorization", TextVectorization.class, LayerRegistry::textVectorization);
        register("UpSampling2D", UpSampling2D.class, c -> new UpSampling2D(c.getSquare("size", 2)));
        register("SeparableConv2D", SeparableConv2D.class, c -> convolution(new SeparableConv2D(c.getInt("filters"),
                c.getSquare("kernel_size")).depthMultiplier(c.getInt("depth_multiplier", 1))
                .depthwiseRegularizer(regularizer(c, "depthwise_regularizer"))
                .pointwiseRegularizer(regularizer(c, "pointwise_regularizer")), c));
    }

    private LayerRegistry() {
    }

    /** One registered layer class: its Keras class name, Java class and factory. */
    private record Entry(String className, Class<? extends Layer> type, Function<LayerConfig, Layer> factory) {
    }

    private static void register(String className, Class<? extends Layer> type,
            Function<LayerConfig, Layer> factory) {
        Entry entry = new Entry(className, type, factory);
        BY_NAME.put(className, entry);
        BY_CLASS.put(type, entry);
    }

    private static <L extends BaseConv<L>> L convolution(L layer, LayerConfig c) {
        return layer.strides(c.getSquare("strides", 1)).padding(c.getString("padding", "valid"))
                .useBias(c.getBoolean("use_bias", true)).activation(c.getString("activation", "linear"))
                .biasRegularizer(regularizer(c, "bias_regularizer"));
    }

    /** Returns the regularizer {@code key} holds ({@link Regularizers#deserialize}), null where unset or None. */
    private static Regularizer regularizer(LayerConfig c, String key) {
        return Regularizers.deserialize(c.get(key));
    }

    /**
     * Settings first: what the vocabulary means (its special tokens, its cap) depends on them. A custom standardize
     * or split function is recorded as "custom" and cannot be rebuilt, as Keras cannot without registering it.
     */
    private static TextVectorization textVectorization(LayerConfig c) {
        for (String step : List.of("standardize", "split")) {
            if ("custom".equals(c.get(step))) {
                throw new IllegalArgumentException("its " + step + " was a custom Java function, which a config cannot"
                        + " hold: build the layer in code again with " + step + "(yourFunction) and"
                        + " setVocabulary(the config's \"vocabulary\")");
            }
        }
        TextVectorization layer = new TextVectorization(c.getString("output_mode", "int"))
                .maxTokens(optionalInt(c, "max_tokens")).standardize(nullableString(c, "standardize",
                        "lower_and_strip_punctuation")).split(nullableString(c, "split", "whitespace"))
                .outputSequenceLength(optionalInt(c, "output_sequence_length"))
                .padToMaxTokens(c.getBoolean("pad_to_max_tokens", false));
        if (optionalInt(c, "ngrams") != 0) {
            layer.ngrams(c.getInt("ngrams"));
        }
        if (c.get("vocabulary") != null) {
            layer.setVocabulary(c.getStrings("vocabulary"),
                    c.get("idf_weights") == null ? null : c.getFloats("idf_weights"));
        }
        return layer;
    }

    /** Returns the string {@code key} holds, null where Keras writes None, {@code fallback} where it is unset. */
    private static String nullableString(LayerConfig c, String key, String fallback) {
        return c.has(key) && c.get(key) == null ? null : c.getString(key, fallback);
    }

    /** Returns the whole number {@code key} holds, or 0 where Keras writes None or the config leaves it out. */
    private static int optionalInt(LayerConfig c, String key) {
        return c.get(key) == null ? 0 : c.getInt(key);
    }

    private static <R extends Recurrent<R>> R recurrent(R layer, LayerConfig c) {
        return layer.returnSequences(c.getBoolean("return_sequences", false))
                .goBackwards(c.getBoolean("go_backwards", false))
                .kernelRegularizer(regularizer(c, "kernel_regularizer"))
                .recurrentRegularizer(regularizer(c, "recurrent_regularizer"))
                .biasRegularizer(regularizer(c, "bias_regularizer"));
    }

    /** Returns Bidirectional around the recurrent layer its config's "layer" describes. */
    private static Bidirectional bidirectional(LayerConfig c) {
        Layer layer = ModelConfig.layer(Members.object(c.get("layer"), "config.layer"), "config.layer");
        if (!(layer instanceof Recurrent)) {
            throw new IllegalArgumentException("\"layer\" must be a recurrent layer (LSTM, GRU, SimpleRNN), got "
                    + layer.typeName());
        }
        return new Bidirectional((Recurrent<?>) layer, c.getString("merge_mode", "concat"));
    }

    /**
     * Returns side {@code axis} (0 height, 1 width) of a 2-D window's setting, which Keras writes as a pair ({@code
     * [1, 7]}) or one number for both sides.
     */
    private static int window(LayerConfig c, String key, int axis) {
        if (!(c.get(key) instanceof List)) {
            return c.getInt(key);
        }
        int[] sides = c.getInts(key);
        if (sides.length != 2) {
            throw new IllegalArgumentException("\"" + key + "\" must be a pair of whole numbers (height, width), got "
                    + c.get(key));
        }
        return sides[axis];
    }

    /** Returns a 1-D window's setting, which Keras writes as a one-element list ({@code [3]}) or a number. */
    private static int single(LayerConfig c, String key, int fallback) {
        if (!c.has(key)) {
            return fallback;
        }
        if (!(c.get(key) instanceof List)) {
            return c.getInt(key);
        }
        int[] values = c.getInts(key);
        if (values.length != 1) {
            throw new IllegalArgumentException("\"" + key + "\" must be one whole number, got " + c.get(key));
        }
        return values[0];
    }

    private static <L extends Pooling2D<L>> L pooling(L layer, LayerConfig c) {
        return layer.strides(c.getSquare("strides", c.getSquare("pool_size")))
                .padding(c.getString("padding", "valid"));
    }

    /** Returns the Keras class names of every registered layer, sorted. */
    public static List<String> classNames() {
        List<String> names = new ArrayList<>(BY_NAME.keySet());
        Collections.sort(names);
        return names;
    }

    /**
     * Returns the Keras class name under which {@code layer} is saved, failing with a message the student reads
     * when it is not a layer of the library (a subclass of their own) or, a library bug, one missing here.
     */
    public static String classNameOf(Layer layer) {
        Entry entry = BY_CLASS.get(layer.getClass());
        if (entry != null) {
            return entry.className();
        }
        String javaName = layer.getClass().getName();
        if (javaName.startsWith("org.backprop.nn.") && !layer.sublayers().isEmpty()) {
            throw new IllegalArgumentException("Layer \"" + layer.name() + "\" (" + layer.typeName() + ") is a model"
                    + " used as a layer, which this version of nn cannot save. Build the saved model from nn's layers"
                    + " directly, or save the nested model itself.");
        }
        if (javaName.startsWith("org.backprop.nn.")) {
            throw new IllegalArgumentException("Layer \"" + layer.name() + "\" (" + javaName + ") cannot be saved:"
                    + " this version of nn does not know how to rebuild it. Please report this to the course staff.");
        }
        throw new IllegalArgumentException("Layer \"" + layer.name() + "\" is an instance of your own class "
                + javaName + ", so the model cannot be saved: the grader rebuilds a saved model from nn's own layers"
                + " and never runs your code. Build the model from nn's layers (Dense, Conv2D, Activation, …) to"
                + " save it.");
    }

    /**
     * Returns a new, unbuilt layer of Keras class {@code className} with the settings, name and trainable flag of
     * {@code config}; settings it leaves out take the layer's defaults. Fails, naming the layer, when the class is
     * unknown, a setting is invalid, or the config holds a setting the layer does not have (which this version
     * could not honour).
     */
    public static Layer fromConfig(String className, LayerConfig config) {
        String name = config.has("name") && config.get("name") instanceof String ? (String) config.get("name") : "?";
        Entry entry = BY_NAME.get(className);
        if (entry == null) {
            throw new IllegalArgumentException("Layer \"" + name + "\" has class " + className + ", which this"
                    + " version of nn does not have; it has " + String.join(", ", classNames()));
        }
        try {
            Layer layer = entry.factory().apply(config);
            if (config.has("name")) {
                layer.setName(config.getString("name"));
            }
            layer.setTrainable(config.getBoolean("trainable", true));
            checkHonoured(config, layer.getConfig());
            return layer;
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("Layer \"" + name + "\" (" + className + ") cannot be rebuilt from its"
                    + " config: " + e.getMessage(), e);
        }
    }

    /**
     * Checks that the rebuilt layer has every setting of the config it was built from, with the same value, so
     * that a setting a later version adds (and this one would drop) fails instead of changing the model.
     */
    private static void checkHonoured(LayerConfig wanted, LayerConfig rebuilt) {
        for (Map.Entry<String, Object> setting : wanted.asMap().entrySet()) {
            String key = setting.getKey();
            if (!rebuilt.has(key)) {
                throw new IllegalArgumentException("it has a setting \"" + key + "\" that this version of nn does"
                        + " not know");
            }
            if (!sameValue(setting.getValue(), rebuilt.get(key))) {
                throw new IllegalArgumentException("\"" + key + "\" is " + setting.getValue() + " in the config but"
                        + " " + rebuilt.get(key) + " in the rebuilt layer");
            }
        }
    }

    /**
     * Numbers compare as the floats layers keep, so that a config written elsewhere with more digits loads; a
     * window side {@code 3} stands for Keras's pair {@code [3, 3]}.
     */
    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Double && b instanceof List) {
            for (Object element : (List<?>) b) {
                if (!sameValue(a, element)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Double && b instanceof Double) {
            return (float) (double) (Double) a == (float) (double) (Double) b;
        }
        if (a instanceof List && b instanceof List) {
            List<?> left = (List<?>) a;
            List<?> right = (List<?>) b;
            if (left.size() != right.size()) {
                return false;
            }
            for (int i = 0; i < left.size(); i++) {
                if (!sameValue(left.get(i), right.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a == null ? b == null : a.equals(b);
    }
}
