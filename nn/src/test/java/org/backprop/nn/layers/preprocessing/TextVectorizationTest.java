package org.backprop.nn.layers.preprocessing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.backprop.nn.Input;
import org.backprop.nn.Tensor;
import org.backprop.nn.data.Dataset;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.LayerConfig;
import org.backprop.nn.layers.LayerNames;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.History;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.optim.RMSprop;
import org.backprop.nn.random.RandomGenerator;
import org.backprop.nn.random.RandomSeed;
import org.backprop.nn.saving.LayerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TextVectorization (Deep Learning with Python, chapter 11) against outputs derived by hand from Keras's documented
 * behaviour: standardization, splitting, vocabulary order, each output mode, and a bag-of-words model that learns.
 */
class TextVectorizationTest {
    /*
     * Standardized: "the cat sat on the mat" / "the dog ate my homework" / "the cat the dog". Counts: the 5, cat 2,
     * dog 2, and 1 each for sat, on, mat, ate, my, homework. Most frequent first, ties in reverse order: the, dog,
     * cat, sat, on, my, mat, homework, ate.
     */
    private static final List<String> TEXTS = List.of("The cat sat on the mat.", "The dog ate my homework!",
            "the cat, the DOG");
    private static final List<String> TOKENS = List.of("the", "dog", "cat", "sat", "on", "my", "mat", "homework",
            "ate");

    @BeforeEach
    void freshNamesAndSeed() {
        LayerNames.reset();
        RandomSeed.set(7);
    }

    private static List<String> with(List<String> special) {
        List<String> vocabulary = new ArrayList<>(special);
        vocabulary.addAll(TOKENS);
        return vocabulary;
    }

    @Test
    void learnsTheVocabularyMostFrequentFirst() {
        TextVectorization vectorization = new TextVectorization();
        assertEquals(List.of("", "[UNK]"), vectorization.getVocabulary());
        vectorization.adapt(TEXTS);
        assertEquals(with(List.of("", "[UNK]")), vectorization.getVocabulary());
        assertEquals(11, vectorization.vocabularySize());

        TextVectorization capped = new TextVectorization().maxTokens(5);
        capped.adapt(TEXTS);
        assertEquals(List.of("", "[UNK]", "the", "dog", "cat"), capped.getVocabulary());
        TextVectorization multiHot = new TextVectorization("multi_hot").maxTokens(3);
        multiHot.adapt(TEXTS);
        assertEquals(List.of("[UNK]", "the", "dog"), multiHot.getVocabulary());
    }

    @Test
    void intModeGivesIndicesPaddedWithZerosAndOneForUnknownTokens() {
        TextVectorization vectorization = new TextVectorization();
        vectorization.adapt(TEXTS);
        // the 2, cat 4, ate 10, a and fish unknown (1); my 7, dog 3.
        assertEquals(Tensor.of(new float[][] {{2, 4, 10, 1, 1}, {7, 3, 0, 0, 0}}),
                vectorization.call("The cat ate a fish", "my dog"));
        vectorization.outputSequenceLength(4);
        assertEquals(Tensor.of(new float[][] {{2, 4, 10, 1}, {7, 3, 0, 0}}),
                vectorization.call(List.of("The cat ate a fish", "my dog")));
        assertArrayEquals(new int[] {4}, vectorization.computeOutputShape(new int[] {1}));
    }

    @Test
    void multiHotCountAndTfIdfModesGiveOneColumnPerVocabularyEntry() {
        String text = "The the cat, a fish!";
        TextVectorization multiHot = new TextVectorization("multi_hot");
        multiHot.adapt(TEXTS);
        assertEquals(with(List.of("[UNK]")), multiHot.getVocabulary());
        // [UNK] 0, the 1, dog 2, cat 3, …
        assertEquals(Tensor.of(new float[][] {{1, 1, 0, 1, 0, 0, 0, 0, 0, 0}}), multiHot.call(text));
        TextVectorization count = new TextVectorization("count");
        count.adapt(TEXTS);
        assertEquals(Tensor.of(new float[][] {{2, 2, 0, 1, 0, 0, 0, 0, 0, 0}}), count.call(text));

        TextVectorization tfIdf = new TextVectorization("tf_idf");
        tfIdf.adapt(TEXTS);
        // Three documents: "the" in 3, dog and cat in 2, the rest in 1; [UNK] gets the average.
        double the = Math.log(1 + 3.0 / 4);
        double two = Math.log(1 + 3.0 / 3);
        double one = Math.log(1 + 3.0 / 2);
        double unknown = (the + 2 * two + 6 * one) / 9;
        float[] idf = tfIdf.idfWeights();
        float[] expectedIdf = {(float) unknown, (float) the, (float) two, (float) two, (float) one, (float) one,
            (float) one, (float) one, (float) one, (float) one};
        assertArrayEquals(expectedIdf, idf, 1e-6f);
        float[] expected = {(float) (2 * unknown), (float) (2 * the), 0, (float) two, 0, 0, 0, 0, 0, 0};
        assertArrayEquals(expected, tfIdf.call(text).toArray(), 1e-6f);

        TextVectorization padded = new TextVectorization("multi_hot").maxTokens(16).padToMaxTokens(true);
        padded.adapt(TEXTS);
        assertArrayEquals(new int[] {2, 16}, padded.call("the", "dog").shape());
    }

    @Test
    void standardizesSplitsAndAddsNgramsAsKeras() {
        // "a b a": a, b, a, then the bigrams "a b" and "b a". Counts a 2, the rest 1, those in reverse order.
        TextVectorization bigrams = new TextVectorization().ngrams(2);
        bigrams.adapt(List.of("a b a"));
        assertEquals(List.of("", "[UNK]", "a", "b a", "b", "a b"), bigrams.getVocabulary());
        assertEquals(Tensor.of(new float[][] {{2, 4, 5}}), bigrams.call("A  b\t"));

        TextVectorization characters = new TextVectorization().standardize((String) null).split("character");
        characters.adapt(List.of("aab"));
        assertEquals(List.of("", "[UNK]", "a", "b"), characters.getVocabulary());
        assertEquals(Tensor.of(new float[][] {{3, 2, 1, 1}}), characters.call("ba c"));

        TextVectorization whole = new TextVectorization("multi_hot").standardize("lower").split((String) null);
        whole.adapt(List.of("Yes, sir", "no", "yes, SIR"));
        assertEquals(List.of("[UNK]", "yes, sir", "no"), whole.getVocabulary());

        TextVectorization stripOnly = new TextVectorization().standardize("strip_punctuation");
        stripOnly.adapt(List.of("Hi! hi? (hi)"));
        assertEquals(List.of("", "[UNK]", "hi", "Hi"), stripOnly.getVocabulary());
        // Keras lowers ASCII letters only, as tf.strings.lower does.
        TextVectorization ascii = new TextVectorization();
        ascii.adapt(List.of("ÉMILE émile"));
        assertEquals(List.of("", "[UNK]", "émile", "Émile"), ascii.getVocabulary());
    }

    /** The book's 11.5 custom_standardization: lower-cased, string.punctuation and "¿" stripped but [ and ]. */
    private static String keepingBrackets(String text) {
        return text.toLowerCase().replaceAll("[\\p{Punct}¿&&[^\\[\\]]]", "");
    }

    @Test
    void aCustomStandardizationReplacesTheBuiltInOneInAdaptAndCall() {
        List<String> texts = List.of("[start] Hola, amigo! [end]", "[start] ¿Qué tal? [end]");
        TextVectorization custom = new TextVectorization().standardize(TextVectorizationTest::keepingBrackets);
        custom.adapt(texts);
        // [start] 2, [end] 2, then tal, qué, hola, amigo once each: ties in reverse code-point order.
        assertEquals(List.of("", "[UNK]", "[start]", "[end]", "tal", "qué", "hola", "amigo"), custom.getVocabulary());
        assertEquals(Tensor.of(new float[][] {{2, 6, 4, 1, 3}}), custom.call("[start] HOLA, tal, adiós [end]"));

        TextVectorization builtIn = new TextVectorization();
        builtIn.adapt(texts);
        // The built-in one strips [ and ] and keeps "¿" (not in string.punctuation), which sorts after the letters.
        assertEquals(List.of("", "[UNK]", "start", "end", "¿qué", "tal", "hola", "amigo"), builtIn.getVocabulary());
        // A name again replaces the function; a null function is none, as the null name.
        custom.standardize("lower_and_strip_punctuation");
        custom.adapt(texts);
        assertEquals(builtIn.getVocabulary(), custom.getVocabulary());
        TextVectorization none = new TextVectorization().standardize((Function<String, String>) null);
        none.adapt(List.of("A a"));
        assertEquals(List.of("", "[UNK]", "a", "A"), none.getVocabulary());
    }

    @Test
    void aCustomSplitReplacesTheBuiltInOneAndFeedsTheNgrams() {
        // The default standardization strips "-", so this one only lowers.
        TextVectorization dashes = new TextVectorization().standardize("lower")
                .split(text -> Arrays.asList(text.split("-")));
        dashes.adapt(List.of("Ice-cream-ice", "tea-ICE"));
        assertEquals(List.of("", "[UNK]", "ice", "tea", "cream"), dashes.getVocabulary());
        // Whitespace no longer separates: "ice cream" is one token, outside the vocabulary.
        assertEquals(Tensor.of(new float[][] {{4, 2, 1}, {1, 3, 0}}), dashes.call("cream-ice-coffee", "ice cream-tea"));

        TextVectorization bigrams = new TextVectorization("count").standardize("lower").ngrams(2)
                .split(text -> List.of(text.split("-")));
        bigrams.adapt(List.of("a-b"));
        // a, b, then the bigram "a b": one each, in reverse order. "a-b-a" adds "b a", outside it ([UNK]).
        assertEquals(List.of("[UNK]", "b", "a b", "a"), bigrams.getVocabulary());
        assertEquals(Tensor.of(new float[][] {{1, 1, 1, 2}}), bigrams.call("A-b-a"));
        // The book's custom_split_fn, tf.strings.split: the built-in whitespace split, as a function.
        TextVectorization book = new TextVectorization().standardize(TextVectorizationTest::keepingBrackets)
                .split(text -> text.isBlank() ? List.of() : List.of(text.trim().split("\\s+")));
        book.adapt(TEXTS);
        assertEquals(with(List.of("", "[UNK]")), book.getVocabulary());
    }

    @Test
    void aConfigRecordsCustomFunctionsAndCannotRebuildThem() {
        TextVectorization custom = new TextVectorization().standardize(text -> text.toLowerCase());
        custom.adapt(TEXTS);
        LayerConfig config = custom.getConfig();
        assertEquals("custom", config.get("standardize"));
        assertEquals("whitespace", config.get("split"));
        IllegalArgumentException rebuilt = assertThrows(IllegalArgumentException.class,
                () -> LayerRegistry.fromConfig("TextVectorization", config));
        assertEquals("Layer \"text_vectorization\" (TextVectorization) cannot be rebuilt from its config: its"
                + " standardize was a custom Java function, which a config cannot hold: build the layer in code again"
                + " with standardize(yourFunction) and setVocabulary(the config's \"vocabulary\")",
                rebuilt.getMessage());

        TextVectorization split = new TextVectorization().split(text -> List.of(text));
        split.setName("words");
        assertEquals("custom", split.getConfig().get("split"));
        IllegalArgumentException splitRebuilt = assertThrows(IllegalArgumentException.class,
                () -> LayerRegistry.fromConfig("TextVectorization", split.getConfig()));
        assertTrue(splitRebuilt.getMessage().startsWith("Layer \"words\" (TextVectorization) cannot be rebuilt from"
                + " its config: its split was a custom Java function"), splitRebuilt.getMessage());
        // Set back to a name, the layer rebuilds again.
        split.split("whitespace");
        assertEquals(split.getConfig(), LayerRegistry.fromConfig("TextVectorization", split.getConfig()).getConfig());
    }

    @Test
    void aCustomFunctionReturningNullIsNamed() {
        TextVectorization standardize = new TextVectorization().standardize(text -> null);
        IllegalStateException nullText = assertThrows(IllegalStateException.class,
                () -> standardize.adapt(List.of("hi")));
        assertEquals("Layer \"text_vectorization\" (TextVectorization): the custom standardize function returned"
                + " null for \"hi\"", nullText.getMessage());
        TextVectorization split = new TextVectorization().split(text -> Arrays.asList("a", null));
        IllegalStateException nullToken = assertThrows(IllegalStateException.class, () -> split.adapt(List.of("hi")));
        assertEquals("Layer \"text_vectorization_1\" (TextVectorization): the custom split function returned a null"
                + " token for \"hi\"", nullToken.getMessage());
    }

    @Test
    void setVocabularyTakesTokensWithOrWithoutTheSpecialOnes() {
        TextVectorization vectorization = new TextVectorization();
        vectorization.setVocabulary(List.of("the", "cat"));
        assertEquals(List.of("", "[UNK]", "the", "cat"), vectorization.getVocabulary());
        vectorization.setVocabulary(List.of("", "[UNK]", "dog"));
        assertEquals(List.of("", "[UNK]", "dog"), vectorization.getVocabulary());

        TextVectorization tfIdf = new TextVectorization("tf_idf");
        tfIdf.setVocabulary(List.of("the", "cat"), new float[] {1, 3});
        assertArrayEquals(new float[] {2, 1, 3}, tfIdf.idfWeights());

        IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
                () -> vectorization.setVocabulary(List.of("a", "b", "a")));
        assertEquals("the vocabulary holds \"a\" more than once", duplicate.getMessage());
        assertThrows(IllegalArgumentException.class, () -> vectorization.setVocabulary(List.of("a", "[UNK]")));
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> new TextVectorization().maxTokens(3).setVocabulary(List.of("a", "b")));
        assertEquals("the vocabulary has 4 entries with the special tokens, more than maxTokens = 3",
                tooMany.getMessage());
        assertThrows(IllegalArgumentException.class, () -> tfIdf.setVocabulary(List.of("a")));
    }

    @Test
    void configHoldsTheVocabularyAndRebuildsTheSameLayer() {
        TextVectorization tfIdf = new TextVectorization("tf_idf").maxTokens(8).ngrams(2).standardize("lower");
        tfIdf.adapt(TEXTS);
        LayerConfig config = tfIdf.getConfig();
        assertEquals(8, config.getStrings("vocabulary").size());
        TextVectorization rebuilt = (TextVectorization) LayerRegistry.fromConfig("TextVectorization", config);
        assertEquals(config, rebuilt.getConfig());
        assertEquals(tfIdf.call(TEXTS), rebuilt.call(TEXTS));

        TextVectorization plain = new TextVectorization().split((String) null).standardize((String) null)
                .outputSequenceLength(3);
        TextVectorization plainRebuilt = (TextVectorization) LayerRegistry.fromConfig("TextVectorization",
                plain.getConfig());
        assertEquals(plain.getConfig(), plainRebuilt.getConfig());
        assertEquals(List.of("", "[UNK]"), plainRebuilt.getVocabulary());
    }

    @Test
    void namesWhatIsWrong() {
        TextVectorization vectorization = new TextVectorization();
        IllegalStateException unadapted = assertThrows(IllegalStateException.class, () -> vectorization.call("hi"));
        assertEquals("Layer \"text_vectorization\" (TextVectorization) has no vocabulary yet: call adapt(texts) or"
                + " setVocabulary(tokens) first", unadapted.getMessage());
        IllegalArgumentException tensor = assertThrows(IllegalArgumentException.class,
                () -> vectorization.apply(Tensor.zeros(2, 3)));
        assertTrue(tensor.getMessage().contains("takes text, not a tensor"), tensor.getMessage());
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class,
                () -> new TextVectorization("binary"));
        assertEquals("outputMode must be one of [int, multi_hot, count, tf_idf], got \"binary\"", mode.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TextVectorization("multi_hot").outputSequenceLength(4)
                .adapt(TEXTS));
        IllegalArgumentException nullText = assertThrows(IllegalArgumentException.class,
                () -> vectorization.adapt(java.util.Arrays.asList("a", null)));
        assertEquals("texts[1] is null", nullText.getMessage());
    }

    @Test
    void aBagOfWordsModelLearnsFromVectorizedSentences() {
        // The book's binary unigram model: multi-hot sentences, labelled by whether a kind word occurs in them.
        String[] kind = {"great", "wonderful", "loved", "superb"};
        String[] unkind = {"awful", "boring", "hated", "dull"};
        String[] filler = {"the", "film", "was", "plot", "and", "acting", "really", "a", "movie", "story"};
        RandomGenerator random = new RandomGenerator(3);
        List<String> texts = new ArrayList<>();
        float[] labels = new float[80];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 2;
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 6; w++) {
                text.append(filler[random.nextInt(filler.length)]).append(' ');
            }
            text.append((i % 2 == 1 ? kind : unkind)[random.nextInt(4)]).append('.');
            texts.add(text.toString());
        }
        TextVectorization vectorization = new TextVectorization("multi_hot").maxTokens(32);
        vectorization.adapt(texts.subList(0, 60));
        Dataset train = Dataset.of(vectorization.call(texts.subList(0, 60)),
                Tensor.of(new int[] {60, 1}, java.util.Arrays.copyOfRange(labels, 0, 60)));
        Dataset test = Dataset.of(vectorization.call(texts.subList(60, 80)),
                Tensor.of(new int[] {20, 1}, java.util.Arrays.copyOfRange(labels, 60, 80)));

        Sequential model = new Sequential(Input.shape(vectorization.vocabularySize()), new Dense(8, "relu"),
                new Dense(1, "sigmoid"));
        model.compile(new RMSprop(0.01), "binary_crossentropy", "accuracy");
        History history = model.fit(train, FitOptions.epochs(30).batchSize(8).verbose(0));
        assertEquals(1.0, model.evaluate(test).get("accuracy"), () -> "losses " + history.get("loss"));
    }
}
