package org.backprop.nn.layers.preprocessing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.backprop.nn.Tensor;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.layers.LayerConfig;

/**
 * Turns texts into numbers, as Keras's {@code TextVectorization} (Deep Learning with Python, chapter 11): each text
 * is standardized ({@code "lower_and_strip_punctuation"} by default: ASCII letters lowered and Python's
 * {@code string.punctuation} removed, as TensorFlow does; or {@code "lower"}, {@code "strip_punctuation"}, none),
 * split ({@code "whitespace"} by default, {@code "character"}, or none: the whole text is one token), optionally
 * extended by n-grams, and looked up in a vocabulary that {@link #adapt} learns (most frequent tokens first; ties
 * in reverse code-point order, as Keras orders them) or {@link #setVocabulary} sets.
 *
 * <p>As Keras takes a function for {@code standardize} or {@code split}, {@link #standardize(Function)} and
 * {@link #split(Function)} take a Java function that replaces that step, in {@code adapt} and in the call alike:
 * {@code split(text -> List.of(text.split("-")))} splits on dashes. A config cannot hold a function: it records
 * {@code "custom"}, and rebuilding a layer from such a config fails.
 *
 * <p>Outputs, for {@code n} texts: {@code "int"} gives token indices {@code [n, length]} (0 pads, 1 is
 * {@code "[UNK]"} for tokens outside the vocabulary, the vocabulary from 2; {@code length} is
 * {@link #outputSequenceLength}, longer texts cut, or else the batch's longest text); {@code "multi_hot"},
 * {@code "count"} and {@code "tf_idf"} give {@code [n, vocabularySize()]} (index 0 is {@code "[UNK]"}): whether each
 * token occurs, how often, and how often times Keras's inverse document frequency {@code log(1 + documents / (1 +
 * documents containing it))} (the average of those for {@code "[UNK]"}). {@link #maxTokens} counts the special
 * tokens too.
 *
 * <p>nn's tensors hold numbers, so text comes in as Java strings and the layer runs outside models, as the book's
 * {@code text_only_train_ds.map(lambda x, y: (text_vectorization(x), y))} does: {@code Dataset.of(
 * vectorization.call(texts), labels)}. Calling it on a tensor fails. Its config holds the vocabulary (and the
 * inverse document frequencies), so {@code LayerRegistry} rebuilds an adapted layer from it.
 *
 * <p>Not thread-safe.
 */
public final class TextVectorization extends Layer {
    /** The token that stands for every token outside the vocabulary. */
    public static final String OOV_TOKEN = "[UNK]";
    private static final String PADDING_TOKEN = "";
    private static final List<String> STANDARDIZE = List.of("lower_and_strip_punctuation", "lower",
            "strip_punctuation");
    private static final List<String> SPLIT = List.of("whitespace", "character");
    private static final List<String> OUTPUT_MODES = List.of("int", "multi_hot", "count", "tf_idf");

    /** What a config records for a custom standardize or split function. */
    private static final String CUSTOM = "custom";

    private int maxTokens;
    private String standardize = "lower_and_strip_punctuation";
    private String split = "whitespace";
    private Function<String, String> customStandardize;
    private Function<String, List<String>> customSplit;
    private int ngrams;
    private String outputMode = "int";
    private int outputSequenceLength;
    private boolean padToMaxTokens;
    private List<String> tokens;
    private Map<String, Integer> indices;
    private float[] idfWeights;

    /** Returns a layer with Keras's defaults: lower and strip punctuation, split on whitespace, {@code "int"}. */
    public TextVectorization() {
        super("text_vectorization");
    }

    /** Returns a layer with output mode {@code outputMode}, e.g. {@code new TextVectorization("multi_hot")}. */
    public TextVectorization(String outputMode) {
        this();
        outputMode(outputMode);
    }

    /** Caps the vocabulary at {@code value} entries, the special tokens included; 0 for no cap (the default). */
    public TextVectorization maxTokens(int value) {
        if (value != 0 && value < 2) {
            throw new IllegalArgumentException("maxTokens must be at least 2 (or 0 for no cap), got " + value);
        }
        maxTokens = value;
        return this;
    }

    /**
     * Sets the standardization: "lower_and_strip_punctuation", "lower", "strip_punctuation" or none, Keras's None:
     * {@code standardize((String) null)} (a bare null could also be a {@link #standardize(Function) function}).
     */
    public TextVectorization standardize(String value) {
        standardize = oneOf("standardize", value, STANDARDIZE, true);
        customStandardize = null;
        return this;
    }

    /**
     * Standardizes each text with {@code function} instead, as Keras's {@code standardize=custom_standardization_fn}:
     * it takes a text and returns the text to split, e.g. {@code text -> text.toLowerCase()}. A null function means
     * none, as {@code standardize((String) null)}.
     */
    public TextVectorization standardize(Function<String, String> function) {
        standardize = null;
        customStandardize = function;
        return this;
    }

    /**
     * Sets the split: "whitespace", "character" or none, each text one token: {@code split((String) null)} (a bare
     * null could also be a {@link #split(Function) function}).
     */
    public TextVectorization split(String value) {
        split = oneOf("split", value, SPLIT, true);
        customSplit = null;
        return this;
    }

    /**
     * Splits each standardized text with {@code function} instead, as Keras's {@code split=custom_split_fn}: it takes
     * a text and returns its tokens, e.g. {@code text -> List.of(text.split("-"))}; n-grams are made from them. A null
     * function means none, as {@code split((String) null)}.
     */
    public TextVectorization split(Function<String, List<String>> function) {
        split = null;
        customSplit = function;
        return this;
    }

    /** Adds the n-grams of widths 2 to {@code value} after the words, as Keras's {@code ngrams=value}; 1 adds none. */
    public TextVectorization ngrams(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("ngrams must be at least 1, got " + value);
        }
        ngrams = value;
        return this;
    }

    /** Sets the output mode: "int", "multi_hot", "count" or "tf_idf". */
    public TextVectorization outputMode(String value) {
        outputMode = oneOf("outputMode", value, OUTPUT_MODES, false);
        return this;
    }

    /** Pads or cuts every "int" output to {@code value} indices; 0 pads to the batch's longest text (the default). */
    public TextVectorization outputSequenceLength(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("outputSequenceLength must be positive (or 0 for none), got " + value);
        }
        outputSequenceLength = value;
        return this;
    }

    /** Makes "multi_hot", "count" and "tf_idf" outputs {@link #maxTokens} wide however small the vocabulary. */
    public TextVectorization padToMaxTokens(boolean value) {
        padToMaxTokens = value;
        return this;
    }

    private static String oneOf(String argument, String value, List<String> allowed, boolean nullable) {
        if ((value == null && nullable) || allowed.contains(value)) {
            return value;
        }
        throw new IllegalArgumentException(argument + " must be " + (nullable ? "null or " : "") + "one of " + allowed
                + ", got " + (value == null ? "null" : "\"" + value + "\""));
    }

    @Override
    public String typeName() {
        return "TextVectorization";
    }

    /**
     * Learns the vocabulary of {@code texts}, as Keras's {@code adapt}: the most frequent tokens, up to
     * {@link #maxTokens} entries with the special tokens, and in "tf_idf" mode their inverse document frequencies,
     * each text a document. Replaces what an earlier adapt or {@link #setVocabulary} set.
     */
    public void adapt(List<String> texts) {
        checkSettings();
        TextTokens tokenizer = tokenizer();
        TokenCounts counts = new TokenCounts();
        for (int i = 0; i < checked(texts).size(); i++) {
            counts.add(tokenizer.of(texts.get(i)));
        }
        List<String> learned = counts.mostFrequent(maxTokens == 0 ? Integer.MAX_VALUE
                : Math.max(0, maxTokens - specialTokens().size()));
        use(learned, tfIdf() ? withOovWeight(counts.inverseDocumentFrequencies(learned)) : null);
    }

    /**
     * Sets the vocabulary, as Keras's {@code set_vocabulary}: the tokens, optionally led by the special tokens as
     * {@link #getVocabulary} lists them; unique, and without special tokens elsewhere. "tf_idf" mode needs
     * {@link #setVocabulary(List, float[])}.
     */
    public void setVocabulary(List<String> vocabulary) {
        setVocabulary(vocabulary, null);
    }

    /**
     * Sets the vocabulary and, in "tf_idf" mode, each entry's inverse document frequency ({@code idfWeights} as
     * long as {@code vocabulary}; without the special tokens, "[UNK]" gets the average weight).
     */
    public void setVocabulary(List<String> vocabulary, float[] idfWeights) {
        checkSettings();
        if (vocabulary == null) {
            throw new IllegalArgumentException("vocabulary must not be null");
        }
        if (tfIdf() != (idfWeights != null)) {
            throw new IllegalArgumentException(tfIdf() ? "output mode \"tf_idf\" needs idfWeights with the vocabulary"
                    : "idfWeights are for output mode \"tf_idf\", but the output mode is \"" + outputMode + "\"");
        }
        if (idfWeights != null && idfWeights.length != vocabulary.size()) {
            throw new IllegalArgumentException("idfWeights must have one weight per vocabulary entry, got "
                    + idfWeights.length + " for " + vocabulary.size() + " entries");
        }
        List<String> special = specialTokens();
        boolean ledBySpecial = vocabulary.size() >= special.size()
                && vocabulary.subList(0, special.size()).equals(special);
        List<String> given = ledBySpecial ? vocabulary.subList(special.size(), vocabulary.size()) : vocabulary;
        Set<String> seen = new HashSet<>();
        for (String token : given) {
            if (token == null || special.contains(token)) {
                throw new IllegalArgumentException("the vocabulary holds " + (token == null ? "null" : "the special"
                        + " token \"" + token + "\"") + (token == null ? "" : " after the start") + "; the special"
                        + " tokens " + quoted(special) + " may only lead it, in that order");
            }
            if (!seen.add(token)) {
                throw new IllegalArgumentException("the vocabulary holds \"" + token + "\" more than once");
            }
        }
        if (maxTokens != 0 && given.size() + special.size() > maxTokens) {
            throw new IllegalArgumentException("the vocabulary has " + (given.size() + special.size()) + " entries"
                    + " with the special tokens, more than maxTokens = " + maxTokens);
        }
        float[] weights = null;
        if (idfWeights != null) {
            weights = ledBySpecial ? idfWeights.clone() : withOovWeight(idfWeights);
        }
        use(new ArrayList<>(given), weights);
    }

    private void use(List<String> learned, float[] weights) {
        Map<String, Integer> byToken = new HashMap<>();
        int start = specialTokens().size();
        for (int i = 0; i < learned.size(); i++) {
            byToken.put(learned.get(i), start + i);
        }
        tokens = learned;
        indices = byToken;
        idfWeights = weights;
    }

    /** Puts "[UNK]"'s weight, the average of the tokens', in front, as Keras does after adapting. */
    private static float[] withOovWeight(float[] tokenWeights) {
        float[] weights = new float[tokenWeights.length + 1];
        double sum = 0;
        for (float weight : tokenWeights) {
            sum += weight;
        }
        weights[0] = tokenWeights.length == 0 ? 0 : (float) (sum / tokenWeights.length);
        System.arraycopy(tokenWeights, 0, weights, 1, tokenWeights.length);
        return weights;
    }

    /**
     * Returns the vocabulary, index by index, as Keras's {@code get_vocabulary()}: {@code ["", "[UNK]", …]} in
     * "int" mode, {@code ["[UNK]", …]} in the others.
     */
    public List<String> getVocabulary() {
        List<String> vocabulary = new ArrayList<>(specialTokens());
        if (tokens != null) {
            vocabulary.addAll(tokens);
        }
        return Collections.unmodifiableList(vocabulary);
    }

    /** Returns the number of vocabulary entries, the special tokens included. */
    public int vocabularySize() {
        return specialTokens().size() + (tokens == null ? 0 : tokens.size());
    }

    /** Returns the inverse document frequency of each vocabulary entry ("tf_idf" mode), "[UNK]"'s first. */
    public float[] idfWeights() {
        if (!tfIdf() || idfWeights == null) {
            throw new IllegalStateException("only an adapted layer in output mode \"tf_idf\" has idf weights");
        }
        return idfWeights.clone();
    }

    /** Returns the vectors of {@code texts} (see the class comment for their shape). */
    public Tensor call(String... texts) {
        return call(Arrays.asList(texts));
    }

    /** Returns the vectors of {@code texts}: {@code [texts.size(), length or width]} (see the class comment). */
    public Tensor call(List<String> texts) {
        checked(texts);
        if (tokens == null) {
            throw new IllegalStateException("Layer \"" + name() + "\" (TextVectorization) has no vocabulary yet: call"
                    + " adapt(texts) or setVocabulary(tokens) first");
        }
        TextTokens tokenizer = tokenizer();
        List<int[]> ids = new ArrayList<>();
        int longest = 0;
        for (String text : texts) {
            int[] row = lookUp(tokenizer.of(text));
            ids.add(row);
            longest = Math.max(longest, row.length);
        }
        return "int".equals(outputMode) ? sequences(ids, outputSequenceLength > 0 ? outputSequenceLength : longest)
                : encoded(ids);
    }

    private int[] lookUp(List<String> textTokens) {
        int oov = specialTokens().indexOf(OOV_TOKEN);
        int[] row = new int[textTokens.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = indices.getOrDefault(textTokens.get(i), oov);
        }
        return row;
    }

    private static Tensor sequences(List<int[]> ids, int length) {
        float[] values = new float[ids.size() * length];
        for (int r = 0; r < ids.size(); r++) {
            int[] row = ids.get(r);
            for (int i = 0; i < Math.min(length, row.length); i++) {
                values[r * length + i] = row[i];
            }
        }
        return Tensor.of(new int[] {ids.size(), length}, values);
    }

    private Tensor encoded(List<int[]> ids) {
        int width = outputWidth();
        float[] values = new float[ids.size() * width];
        for (int r = 0; r < ids.size(); r++) {
            for (int id : ids.get(r)) {
                values[r * width + id] = "multi_hot".equals(outputMode) ? 1 : values[r * width + id] + 1;
            }
        }
        if (tfIdf()) {
            for (int i = 0; i < values.length; i++) {
                int column = i % width;
                values[i] *= column < idfWeights.length ? idfWeights[column] : 0;
            }
        }
        return Tensor.of(new int[] {ids.size(), width}, values);
    }

    private int outputWidth() {
        return padToMaxTokens ? maxTokens : vocabularySize();
    }

    /** Returns the output shape for a batch of texts; "int" without an output length has none until called. */
    @Override
    public int[] computeOutputShape(int[] inputShape) {
        if (!"int".equals(outputMode)) {
            return new int[] {outputWidth()};
        }
        if (outputSequenceLength == 0) {
            throw new IllegalStateException("Layer \"" + name() + "\" (TextVectorization) outputs as many indices as"
                    + " the batch's longest text: set outputSequenceLength for a fixed shape");
        }
        return new int[] {outputSequenceLength};
    }

    @Override
    protected void checkInputShape(int[] shape) {
        throw takesText();
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        throw takesText();
    }

    private IllegalArgumentException takesText() {
        return new IllegalArgumentException("Layer \"" + name() + "\" (TextVectorization) takes text, not a tensor:"
                + " call it on a List<String> before the model, e.g. Dataset.of(vectorization.call(texts), labels)");
    }

    @Override
    public LayerConfig getConfig() {
        List<Object> weights = null;
        if (idfWeights != null) {
            weights = new ArrayList<>();
            for (float weight : idfWeights) {
                weights.add(weight);
            }
        }
        return super.getConfig().put("max_tokens", maxTokens == 0 ? null : maxTokens)
                .put("standardize", customStandardize != null ? CUSTOM : standardize)
                .put("split", customSplit != null ? CUSTOM : split).put("ngrams", ngrams == 0 ? null : ngrams)
                .put("output_mode", outputMode)
                .put("output_sequence_length", outputSequenceLength == 0 ? null : outputSequenceLength)
                .put("pad_to_max_tokens", padToMaxTokens).put("vocabulary", tokens == null ? null : getVocabulary())
                .put("idf_weights", weights);
    }

    private List<String> specialTokens() {
        return "int".equals(outputMode) ? List.of(PADDING_TOKEN, OOV_TOKEN) : List.of(OOV_TOKEN);
    }

    private boolean tfIdf() {
        return "tf_idf".equals(outputMode);
    }

    private TextTokens tokenizer() {
        Function<String, String> standardization = TextTokens.standardization(standardize);
        if (customStandardize != null) {
            standardization = text -> {
                String standardized = customStandardize.apply(text);
                if (standardized == null) {
                    throw new IllegalStateException(customFailure("standardize") + " returned null for \"" + text
                            + "\"");
                }
                return standardized;
            };
        }
        Function<String, List<String>> splitter = TextTokens.splitter(split);
        if (customSplit != null) {
            splitter = text -> {
                List<String> tokens = customSplit.apply(text);
                if (tokens == null) {
                    throw new IllegalStateException(customFailure("split") + " returned null for \"" + text + "\"");
                }
                for (String token : tokens) {
                    if (token == null) {
                        throw new IllegalStateException(customFailure("split") + " returned a null token for \""
                                + text + "\"");
                    }
                }
                return tokens;
            };
        }
        return new TextTokens(standardization, splitter, ngrams);
    }

    private String customFailure(String step) {
        return "Layer \"" + name() + "\" (TextVectorization): the custom " + step + " function";
    }

    /** Rejects the combinations Keras rejects when it builds the layer. */
    private void checkSettings() {
        if (outputSequenceLength != 0 && !"int".equals(outputMode)) {
            throw new IllegalArgumentException("outputSequenceLength is for output mode \"int\", but the output mode"
                    + " is \"" + outputMode + "\"");
        }
        if (padToMaxTokens && maxTokens == 0) {
            throw new IllegalArgumentException("padToMaxTokens needs maxTokens");
        }
        if (ngrams > 1 && split == null && customSplit == null) {
            throw new IllegalArgumentException("ngrams need a split: set split to \"whitespace\", \"character\" or a"
                    + " function");
        }
    }

    private static List<String> checked(List<String> texts) {
        if (texts == null) {
            throw new IllegalArgumentException("texts must not be null");
        }
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i) == null) {
                throw new IllegalArgumentException("texts[" + i + "] is null");
            }
        }
        return texts;
    }

    private static String quoted(List<String> special) {
        List<String> shown = new ArrayList<>();
        for (String token : special) {
            shown.add("\"" + token + "\"");
        }
        return shown.toString();
    }
}
