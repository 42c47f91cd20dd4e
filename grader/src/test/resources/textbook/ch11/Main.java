import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Tensor;
import org.backprop.nn.layers.Bidirectional;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Dropout;
import org.backprop.nn.layers.Embedding;
import org.backprop.nn.layers.GlobalMaxPooling1D;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.layers.LayerConfig;
import org.backprop.nn.layers.LSTM;
import org.backprop.nn.layers.LayerNormalization;
import org.backprop.nn.layers.MultiHeadAttention;
import org.backprop.nn.layers.PositionalEmbedding;
import org.backprop.nn.layers.preprocessing.TextVectorization;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.History;
import org.backprop.nn.models.Model;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.ops.Ops;

/**
 * Deep Learning with Python, chapter 11: deep learning for text, cited by section and the book's captions:
 * TextVectorization and its custom functions (11.2.3), the bag-of-words models (11.3.2), the one-hot and the masked
 * bidirectional LSTMs (11.3.3), the Transformer encoder (11.4.3) and the Transformer sequence-to-sequence translator
 * (11.5). IMDB is not a course dataset, so reviews are made here from word lists; the Transformer's run takes made-up
 * token indices (words 2-21 are positive, 22-41 negative, the rest neutral). Nor are the English-Spanish pairs: 11.5
 * translates a made-up English into a made-up "Spanish" (a fixed word-by-word mapping, adjectives after their nouns).
 */
public class Main {
    static final Random RANDOM = new Random(11);

    public static void main(String[] args) {
        // 11.3.2 Our reusable model-building utility: the bag-of-words model on multi-hot unigrams
        Model model = getModel(20000, 16);
        model.summary();
        System.out.println("11.3.2 bag-of-words params = " + model.countParams());

        // 11.2.3 Using the TextVectorization layer
        TextVectorization textVectorization = new TextVectorization("int");
        String sentence = "I write, rewrite, and still rewrite again";
        textVectorization.adapt(List.of("I write, erase, and write again", sentence));
        Tensor encodedSentence = textVectorization.call(sentence);
        List<String> vocabulary = textVectorization.getVocabulary();
        StringBuilder decoded = new StringBuilder();
        for (int i = 0; i < encodedSentence.size(); i++) {
            decoded.append(i > 0 ? " " : "").append(vocabulary.get((int) encodedSentence.get(i)));
        }
        System.out.println("11.2.3 vocabulary = " + vocabulary);
        System.out.println("11.2.3 decoded sentence = " + decoded);
        // 11.2.3 Custom standardization and split functions: the book's, which do what the defaults do
        TextVectorization customVectorization = new TextVectorization("int")
                .standardize(Main::customStandardizationFn).split(Main::customSplitFn);
        customVectorization.adapt(List.of("I write, erase, and write again", sentence));
        Tensor customEncoded = customVectorization.call(sentence);
        List<Integer> customIds = new ArrayList<>();
        for (int i = 0; i < customEncoded.size(); i++) {
            customIds.add((int) customEncoded.get(i));
        }
        System.out.println("11.2.3 custom vocabulary = " + customVectorization.getVocabulary());
        System.out.println("11.2.3 custom encoded sentence = " + customIds);

        // 11.3.2 Processing words as a set: made-up reviews (IMDB is not a course dataset), 300 to train, 100 to validate
        List<String> reviews = new ArrayList<>();
        float[] sentiment = new float[400];
        for (int i = 0; i < 400; i++) {
            sentiment[i] = RANDOM.nextInt(2);
            reviews.add(review(sentiment[i] == 1));
        }
        List<String> trainTexts = reviews.subList(0, 300);
        List<String> valTexts = reviews.subList(300, 400);
        Tensor targets = Tensor.of(sentiment);
        // Preprocessing our datasets with a TextVectorization layer: single words, multi-hot
        System.out.println("11.3.2 unigram val_accuracy = " + trainOnSets(new TextVectorization("multi_hot")
                .maxTokens(20000), trainTexts, valTexts, targets));
        // Bigrams, multi-hot
        System.out.println("11.3.2 bigram val_accuracy = " + trainOnSets(new TextVectorization("multi_hot")
                .ngrams(2).maxTokens(20000), trainTexts, valTexts, targets));
        // Bigrams, TF-IDF
        System.out.println("11.3.2 tf_idf val_accuracy = " + trainOnSets(new TextVectorization("tf_idf")
                .ngrams(2).maxTokens(20000), trainTexts, valTexts, targets));

        // 11.3.3 Processing words as a sequence: an Embedding layer with masking enabled, at the book's size
        System.out.println("11.3.3 masked lstm params = " + sequenceModel(20000, 256, 32, 600).countParams());
        // Trained small: sequences of 12 tokens (the book's 600; longer reviews cut, shorter padded and masked), 32
        // dimensions, 16 LSTM units, 6 epochs
        TextVectorization intVectorization = new TextVectorization("int").maxTokens(20000).outputSequenceLength(12);
        intVectorization.adapt(trainTexts);
        Tensor sequenceIds = intVectorization.call(reviews);
        Model lstm = sequenceModel(intVectorization.vocabularySize(), 32, 16, 12);
        lstm.compile("rmsprop", "binary_crossentropy", "accuracy");
        History lstmHistory = lstm.fit(sequenceIds.slice(0, 300), targets.slice(0, 300), FitOptions.epochs(6)
                .batchSize(32).validationData(sequenceIds.slice(300, 400), targets.slice(300, 400)).verbose(0));
        System.out.println("11.3.3 first loss = " + lstmHistory.get("loss").get(0));
        System.out.println("11.3.3 last loss = " + lstmHistory.get("loss").get(5));
        System.out.println("11.3.3 val_accuracy = " + lstmHistory.get("val_accuracy").get(5));

        // 11.4.3 Using the Transformer encoder for text classification, at the book's size (built, not trained)
        System.out.println("11.4.3 transformer params = " + transformer(20000, 256, 32, 2, false, 600).countParams());
        // 11.4.3 Combining the Transformer encoder with positional embedding, at the book's size
        System.out.println("11.4.3 positional transformer params = "
                + transformer(20000, 256, 32, 2, true, 600).countParams());

        // The same model with positional embedding, small, trained on made-up token sequences of 12 to 20 tokens
        // padded to 20 with id 0, which the positional embedding masks for the encoder's attention
        int[][] sequences = reviews(400, 20);
        float[] tokens = new float[400 * 20];
        int padded = 0;
        for (int i = 0; i < 400; i++) {
            int length = 12 + i % 9;
            for (int j = 0; j < 20; j++) {
                if (j >= length) {
                    sequences[i][j] = 0;
                    padded++;
                }
                tokens[i * 20 + j] = sequences[i][j] % 200;
            }
        }
        System.out.println("11.4.3 padded steps = " + padded);
        Tensor x = Tensor.of(new int[] {400, 20}, tokens);
        Tensor y = Tensor.of(labelsOf(sequences));
        Model small = transformer(200, 16, 32, 2, true, 20);
        small.compile("rmsprop", "binary_crossentropy", "accuracy");
        History history = small.fit(x.slice(0, 300), y.slice(0, 300), FitOptions.epochs(4).batchSize(32)
                .validationData(x.slice(300, 400), y.slice(300, 400)).verbose(0));
        System.out.println("11.4.3 first loss = " + history.get("loss").get(0));
        System.out.println("11.4.3 last loss = " + history.get("loss").get(3));
        System.out.println("11.4.3 val_accuracy = " + history.get("val_accuracy").get(3));

        // 11.5 last: the sections above keep the random numbers they drew before it was added
        translation();

        // 11.3.3 A sequence model built on one-hot encoded vectors, at the book's size (after 11.5, for the same
        // reason: the sections above keep their random numbers)
        System.out.println("11.3.3 one-hot lstm params = " + oneHotModel(20000, 32, 600).countParams());
        // Trained small, on the int sequences above: one-hot vectors as wide as their vocabulary, LSTM(16), 20 epochs
        // (it learns more slowly than the embedding's model)
        Model oneHot = oneHotModel(intVectorization.vocabularySize(), 16, 12);
        oneHot.compile("rmsprop", "binary_crossentropy", "accuracy");
        History oneHotHistory = oneHot.fit(sequenceIds.slice(0, 300), targets.slice(0, 300), FitOptions.epochs(20)
                .batchSize(32).validationData(sequenceIds.slice(300, 400), targets.slice(300, 400)).verbose(0));
        System.out.println("11.3.3 one-hot first loss = " + oneHotHistory.get("loss").get(0));
        System.out.println("11.3.3 one-hot last loss = " + oneHotHistory.get("loss").get(19));
        System.out.println("11.3.3 one-hot val_accuracy = " + oneHotHistory.get("val_accuracy").get(19));
    }

    /** Python's string.punctuation. */
    static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    /** 11.2.3 custom_standardization_fn: lower-cased, string.punctuation removed. */
    static String customStandardizationFn(String string) {
        String lowercaseString = string.toLowerCase();
        return lowercaseString.replaceAll("[" + reEscape(PUNCTUATION) + "]", "");
    }

    /**
     * Python's re.escape for these characters: each after a backslash, which a Java regular expression reads as the
     * character itself (for anything but letters and digits).
     */
    static String reEscape(String characters) {
        StringBuilder escaped = new StringBuilder();
        for (char c : characters.toCharArray()) {
            escaped.append('\\').append(c);
        }
        return escaped.toString();
    }

    /** 11.2.3 custom_split_fn: tf.strings.split, on runs of whitespace. */
    static List<String> customSplitFn(String string) {
        String trimmed = string.trim();
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+"));
    }

    static Model getModel(int maxTokens, int hiddenDim) {
        Input inputs = Input.shape(maxTokens);
        KerasTensor x = new Dense(hiddenDim, "relu").apply(inputs);
        x = new Dropout(0.5).apply(x);
        KerasTensor outputs = new Dense(1, "sigmoid").apply(x);
        Model model = new Model(inputs, outputs);
        model.compile("rmsprop", "binary_crossentropy", "accuracy");
        return model;
    }

    /** Adapts {@code vectorization} to the training texts, then trains getModel on its vectors; the last val_accuracy. */
    static double trainOnSets(TextVectorization vectorization, List<String> trainTexts, List<String> valTexts,
            Tensor targets) {
        vectorization.adapt(trainTexts);
        Model model = getModel(vectorization.vocabularySize(), 16);
        History history = model.fit(vectorization.call(trainTexts), targets.slice(0, 300), FitOptions.epochs(10)
                .batchSize(32).validationData(vectorization.call(valTexts), targets.slice(300, 400)).verbose(0));
        return history.get("val_accuracy").get(9);
    }

    /** 11.3.3 A sequence model built on one-hot encoded vectors: tf.one_hot(inputs, depth=max_tokens), a BiLSTM. */
    static Model oneHotModel(int maxTokens, int units, int length) {
        Input inputs = Input.shape(length);
        KerasTensor embedded = new OneHot(maxTokens).apply(inputs);
        KerasTensor x = new Bidirectional(new LSTM(units)).apply(embedded);
        x = new Dropout(0.5).apply(x);
        KerasTensor outputs = new Dense(1, "sigmoid").apply(x);
        return new Model(inputs, outputs);
    }

    /** The book's tf.one_hot inside the model, which Keras wraps in a layer: Ops.oneHot in a layer of its own. */
    static final class OneHot extends Layer {
        private final int depth;

        OneHot(int depth) {
            super("one_hot");
            this.depth = depth;
        }

        @Override
        public String typeName() {
            return "OneHot";
        }

        @Override
        public int[] computeOutputShape(int[] inputShape) {
            int[] shape = Arrays.copyOf(inputShape, inputShape.length + 1);
            shape[inputShape.length] = depth;
            return shape;
        }

        @Override
        protected Tensor forward(Tensor inputs, boolean training) {
            return Ops.oneHot(inputs, depth);
        }

        @Override
        public LayerConfig getConfig() {
            return super.getConfig().put("depth", depth);
        }
    }

    /** 11.3.3 Using an Embedding layer with masking enabled, then a bidirectional LSTM. */
    static Model sequenceModel(int maxTokens, int embeddingDim, int units, int length) {
        Input inputs = Input.shape(length);
        KerasTensor embedded = new Embedding(maxTokens, embeddingDim).maskZero(true).apply(inputs);
        KerasTensor x = new Bidirectional(new LSTM(units)).apply(embedded);
        x = new Dropout(0.5).apply(x);
        KerasTensor outputs = new Dense(1, "sigmoid").apply(x);
        return new Model(inputs, outputs);
    }

    static final String[] POSITIVE = {"great", "wonderful", "superb", "moving", "brilliant", "charming", "delightful",
        "touching"};
    static final String[] NEGATIVE = {"awful", "boring", "dull", "terrible", "clumsy", "tedious", "bland", "weak"};
    static final String[] NEUTRAL = {"the", "film", "plot", "actor", "scene", "story", "music", "camera", "director",
        "ending", "was", "and", "a", "with", "this", "of", "it", "is"};

    /** A review of 8 to 14 words: three words of its sentiment, one of the other, the rest neutral, shuffled. */
    static String review(boolean positive) {
        List<String> words = new ArrayList<>();
        String[] own = positive ? POSITIVE : NEGATIVE;
        String[] other = positive ? NEGATIVE : POSITIVE;
        for (int i = 0; i < 3; i++) {
            words.add(own[RANDOM.nextInt(own.length)]);
        }
        words.add(other[RANDOM.nextInt(other.length)]);
        int length = 8 + RANDOM.nextInt(7);
        while (words.size() < length) {
            words.add(NEUTRAL[RANDOM.nextInt(NEUTRAL.length)]);
        }
        Collections.shuffle(words, RANDOM);
        return String.join(" ", words) + ".";
    }

    static Model transformer(int vocabSize, int embedDim, int denseDim, int numHeads, boolean positional,
            int sequenceLength) {
        Input inputs = Input.shape(sequenceLength);
        KerasTensor x = positional
                ? new PositionalEmbedding(sequenceLength, vocabSize, embedDim).apply(inputs)
                : new Embedding(vocabSize, embedDim).apply(inputs);
        x = new TransformerEncoder(embedDim, denseDim, numHeads).apply(x);
        x = new GlobalMaxPooling1D().apply(x);
        x = new Dropout(0.5).apply(x);
        KerasTensor outputs = new Dense(1, "sigmoid").apply(x);
        return new Model(inputs, outputs);
    }

    /** 11.4.3 Transformer encoder implemented as a subclassed Layer. */
    static final class TransformerEncoder extends Layer {
        private final int embedDim;
        private final int denseDim;
        private final int numHeads;
        private final MultiHeadAttention attention;
        private final Sequential denseProj;
        private final LayerNormalization layernorm1;
        private final LayerNormalization layernorm2;

        TransformerEncoder(int embedDim, int denseDim, int numHeads) {
            super("transformer_encoder");
            this.embedDim = embedDim;
            this.denseDim = denseDim;
            this.numHeads = numHeads;
            attention = track(new MultiHeadAttention(numHeads, embedDim));
            denseProj = track(new Sequential(new Dense(denseDim, "relu"), new Dense(embedDim)));
            layernorm1 = track(new LayerNormalization());
            layernorm2 = track(new LayerNormalization());
        }

        @Override
        public String typeName() {
            return "TransformerEncoder";
        }

        @Override
        public int[] computeOutputShape(int[] inputShape) {
            return inputShape;
        }

        @Override
        protected Tensor forward(Tensor inputs, boolean training) {
            return forward(inputs, null, training);
        }

        // The book's call(self, inputs, mask=None): the padding's mask, from the positional embedding, or null.
        @Override
        protected Tensor forward(Tensor inputs, Tensor mask, boolean training) {
            Tensor attentionMask = mask == null ? null : mask.reshape(mask.dim(0), 1, mask.dim(1));
            Tensor attentionOutput = attention.callWithAttentionMask(inputs, inputs, attentionMask, training);
            Tensor projInput = layernorm1.call(inputs.add(attentionOutput), training);
            Tensor projOutput = denseProj.call(projInput, training);
            return layernorm2.call(projInput.add(projOutput), training);
        }

        @Override
        public LayerConfig getConfig() {
            return super.getConfig().put("embed_dim", embedDim).put("dense_dim", denseDim)
                    .put("num_heads", numHeads);
        }
    }

    /** Reviews of {@code length} token indices: a few label words among neutral ones (42 and up). */
    static int[][] reviews(int count, int length) {
        int[][] reviews = new int[count][length];
        for (int[] review : reviews) {
            boolean positive = RANDOM.nextBoolean();
            for (int j = 0; j < length; j++) {
                review[j] = j % 5 == 0 ? (positive ? 2 : 22) + RANDOM.nextInt(20) : 42 + RANDOM.nextInt(158);
            }
        }
        return reviews;
    }

    /** 1 where a review has more positive words (2-21) than negative ones (22-41). */
    static float[] labelsOf(int[][] reviews) {
        float[] labels = new float[reviews.length];
        for (int i = 0; i < reviews.length; i++) {
            int score = 0;
            for (int token : reviews[i]) {
                score += token >= 2 && token < 22 ? 1 : token >= 22 && token < 42 ? -1 : 0;
            }
            labels[i] = score > 0 ? 1 : 0;
        }
        return labels;
    }

    /** 11.5.3 The end-to-end Transformer (the book's sizes: 15,000 words, sequences of 20, 256, 2,048, 8 heads). */
    static Model seq2seqTransformer(int vocabSize, int sequenceLength, int embedDim, int denseDim, int numHeads) {
        Input encoderInputs = Input.shape("english", sequenceLength);
        KerasTensor x = new PositionalEmbedding(sequenceLength, vocabSize, embedDim).apply(encoderInputs);
        KerasTensor encoderOutputs = new TransformerEncoder(embedDim, denseDim, numHeads).apply(x);
        Input decoderInputs = Input.shape("spanish", sequenceLength);
        x = new PositionalEmbedding(sequenceLength, vocabSize, embedDim).apply(decoderInputs);
        x = new TransformerDecoder(embedDim, denseDim, numHeads).apply(x, encoderOutputs);
        x = new Dropout(0.5).apply(x);
        KerasTensor decoderOutputs = new Dense(vocabSize, "softmax").apply(x);
        return new Model(List.of(encoderInputs, decoderInputs), decoderOutputs);
    }

    static final String[][] DETERMINERS = {{"the", "el"}, {"a", "un"}};
    static final String[][] ADJECTIVES = {{"big", "grande"}, {"small", "pequeno"}, {"red", "rojo"}, {"old", "viejo"},
        {"new", "nuevo"}, {"happy", "feliz"}};
    static final String[][] NOUNS = {{"cat", "gato"}, {"dog", "perro"}, {"bird", "pajaro"}, {"house", "casa"},
        {"car", "coche"}, {"man", "hombre"}};
    static final String[][] VERBS = {{"sees", "ve"}, {"likes", "quiere"}, {"finds", "encuentra"},
        {"chases", "persigue"}};

    /**
     * One made-up pair {english, spanish}: "determiner adjective noun verb determiner adjective noun", translated word
     * by word with each adjective after its noun, the Spanish between the book's [start] and [end].
     */
    static String[] pair(Random random) {
        String[] d1 = DETERMINERS[random.nextInt(2)];
        String[] a1 = ADJECTIVES[random.nextInt(ADJECTIVES.length)];
        String[] n1 = NOUNS[random.nextInt(NOUNS.length)];
        String[] v = VERBS[random.nextInt(VERBS.length)];
        String[] d2 = DETERMINERS[random.nextInt(2)];
        String[] a2 = ADJECTIVES[random.nextInt(ADJECTIVES.length)];
        String[] n2 = NOUNS[random.nextInt(NOUNS.length)];
        String english = d1[0] + " " + a1[0] + " " + n1[0] + " " + v[0] + " " + d2[0] + " " + a2[0] + " " + n2[0];
        String spanish = "[start] " + d1[1] + " " + n1[1] + " " + a1[1] + " " + v[1] + " " + d2[1] + " " + n2[1] + " "
                + a2[1] + " [end]";
        return new String[] {english, spanish};
    }

    /**
     * 11.5 Sequence-to-sequence learning with Transformer: the book's model at its size, then small, trained on
     * made-up pairs, and its greedy decode_sequence on held-out English sentences.
     */
    static void translation() {
        Model bookSize = seq2seqTransformer(15000, 20, 256, 2048, 8);
        bookSize.summary();
        System.out.println("11.5 transformer params = " + bookSize.countParams());

        // 11.5.1 Preparing the data: 1,200 distinct pairs, the last 40 held out (never seen in training)
        Random random = new Random(115);
        List<String> english = new ArrayList<>();
        List<String> spanish = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (english.size() < 1200) {
            String[] pair = pair(random);
            if (seen.add(pair[0])) {
                english.add(pair[0]);
                spanish.add(pair[1]);
            }
        }
        int trainCount = 1160;
        // Vectorizing the English and Spanish text pairs: the book's custom_standardization keeps the [ and ] of
        // [start] and [end]
        System.out.println("11.5 custom standardization = "
                + customStandardization("[start] ¿Dónde está el GATO? [end]"));
        int sequenceLength = 8;
        TextVectorization sourceVectorization = new TextVectorization("int").maxTokens(15000)
                .outputSequenceLength(sequenceLength);
        TextVectorization targetVectorization = new TextVectorization("int").maxTokens(15000)
                .outputSequenceLength(sequenceLength + 1).standardize(Main::customStandardization);
        sourceVectorization.adapt(english.subList(0, trainCount));
        targetVectorization.adapt(spanish.subList(0, trainCount));
        List<String> targetVocabulary = targetVectorization.getVocabulary();
        System.out.println("11.5 target vocabulary has [start] and [end] = "
                + (targetVocabulary.contains("[start]") && targetVocabulary.contains("[end]")));
        // format_dataset: the decoder reads the Spanish without its last token and predicts it shifted by one
        Tensor eng = sourceVectorization.call(english.subList(0, trainCount));
        Tensor spa = targetVectorization.call(spanish.subList(0, trainCount));
        Tensor decoderInputs = spa.slice(1, 0, sequenceLength);
        Tensor targets = spa.slice(1, 1, sequenceLength + 1);

        // 11.5.3 Training the sequence-to-sequence Transformer, small
        // One vocabulary size for both embeddings and the softmax, as the book's vocab_size
        int vocabSize = Math.max(sourceVectorization.vocabularySize(), targetVectorization.vocabularySize());
        Model transformer = seq2seqTransformer(vocabSize, sequenceLength, 32, 64, 2);
        transformer.compile("rmsprop", "sparse_categorical_crossentropy", "accuracy");
        int epochs = 12;
        History history = transformer.fit(List.of(eng, decoderInputs), List.of(targets),
                FitOptions.epochs(epochs).batchSize(32).verbose(0));
        System.out.println("11.5 first loss = " + history.get("loss").get(0));
        System.out.println("11.5 last loss = " + history.get("loss").get(epochs - 1));

        // Translating new sentences with our Transformer model: the book's greedy decode_sequence
        int right = 0;
        int total = 0;
        for (int i = trainCount; i < english.size(); i++) {
            String[] expected = spanish.get(i).split(" ");
            String[] decoded = decodeSequence(transformer, english.get(i), sourceVectorization, targetVectorization,
                    sequenceLength).split(" ");
            // Position by position after [start], up to and with [end]
            for (int j = 1; j < expected.length; j++) {
                right += j < decoded.length && decoded[j].equals(expected[j]) ? 1 : 0;
                total++;
            }
            if (i < trainCount + 3) {
                System.out.println("11.5 " + english.get(i) + " -> " + String.join(" ", decoded));
            }
        }
        System.out.println("11.5 held-out token accuracy = " + (double) right / total);
    }

    /** 11.5.1 strip_chars: string.punctuation and "¿", without "[" and "]". */
    static final String STRIP_CHARS = (PUNCTUATION + "¿").replace("[", "").replace("]", "");

    /** 11.5.1 custom_standardization: lower-cased, strip_chars removed. */
    static String customStandardization(String inputString) {
        String lowercase = inputString.toLowerCase();
        return lowercase.replaceAll("[" + reEscape(STRIP_CHARS) + "]", "");
    }

    /** 11.5.3 decode_sequence: one token at a time, the most probable each time, until [end]. */
    static String decodeSequence(Model transformer, String inputSentence, TextVectorization sourceVectorization,
            TextVectorization targetVectorization, int maxDecodedSentenceLength) {
        List<String> spaVocab = targetVectorization.getVocabulary();
        Tensor tokenizedInputSentence = sourceVectorization.call(List.of(inputSentence));
        String decodedSentence = "[start]";
        for (int i = 0; i < maxDecodedSentenceLength; i++) {
            Tensor tokenizedTargetSentence = targetVectorization.call(List.of(decodedSentence))
                    .slice(1, 0, maxDecodedSentenceLength);
            Tensor predictions = transformer.predict(List.of(tokenizedInputSentence, tokenizedTargetSentence)).get(0);
            int sampledTokenIndex = (int) predictions.slice(1, i, i + 1).argmax(2).get(0);
            String sampledToken = spaVocab.get(sampledTokenIndex);
            decodedSentence += " " + sampledToken;
            if (sampledToken.equals("[end]")) {
                break;
            }
        }
        return decodedSentence;
    }

    /**
     * 11.5.2 The book's TransformerDecoder, called on two inputs as decoder(x, encoder_outputs): causal
     * self-attention over the Spanish so far, then attention to the encoder's outputs, then a dense projection.
     */
    static final class TransformerDecoder extends Layer {
        private final int embedDim;
        private final int denseDim;
        private final int numHeads;
        private final MultiHeadAttention attention1;
        private final MultiHeadAttention attention2;
        private final Sequential denseProj;
        private final LayerNormalization layernorm1;
        private final LayerNormalization layernorm2;
        private final LayerNormalization layernorm3;

        TransformerDecoder(int embedDim, int denseDim, int numHeads) {
            super("transformer_decoder");
            this.embedDim = embedDim;
            this.denseDim = denseDim;
            this.numHeads = numHeads;
            attention1 = track(new MultiHeadAttention(numHeads, embedDim));
            attention2 = track(new MultiHeadAttention(numHeads, embedDim));
            denseProj = track(new Sequential(new Dense(denseDim, "relu"), new Dense(embedDim)));
            layernorm1 = track(new LayerNormalization());
            layernorm2 = track(new LayerNormalization());
            layernorm3 = track(new LayerNormalization());
        }

        @Override
        public String typeName() {
            return "TransformerDecoder";
        }

        @Override
        public int[] computeOutputShape(int[] inputShape) {
            return inputShape;
        }

        /** decoder(x, encoder_outputs) in a functional model: built for x's shape, output of x's shape. */
        @Override
        public KerasTensor apply(KerasTensor... inputs) {
            if (inputs.length != 2) {
                throw new IllegalArgumentException("TransformerDecoder takes (decoder inputs, encoder outputs), got "
                        + inputs.length + " inputs");
            }
            build(inputs[0].shape());
            return KerasTensor.produced(computeOutputShape(inputs[0].shape()), this, List.of(inputs));
        }

        /** The model runs the decoder on its two inputs with their masks; the decoder's mask is the first's. */
        @Override
        public Tensor callAll(List<Tensor> inputs, List<Tensor> masks, boolean training) {
            return call(inputs.get(0), inputs.get(1), masks.get(0), training);
        }

        /**
         * nn builds a layer's sub-layers by running forward on one example of zeros of the first input's shape; the
         * decoder then attends to that input itself, as 12.1's decoder(x, x) (the encoder's outputs have its shape).
         */
        @Override
        protected Tensor forward(Tensor inputs, boolean training) {
            return call(inputs, inputs, null, training);
        }

        /**
         * The book's call(self, inputs, encoder_outputs, mask=None): causal self-attention, then attention to the
         * encoder's outputs where the padding mask (the decoder input's mask, also causal) allows.
         */
        Tensor call(Tensor inputs, Tensor encoderOutputs, Tensor mask, boolean training) {
            Tensor paddingMask = mask == null ? null : mask.reshape(mask.dim(0), 1, mask.dim(1));
            Tensor attentionOutput1 = attention1.call(inputs, inputs, null, true, training);
            attentionOutput1 = layernorm1.call(inputs.add(attentionOutput1), training);
            Tensor attentionOutput2 = attention2.call(attentionOutput1, encoderOutputs, paddingMask, true, training);
            attentionOutput2 = layernorm2.call(attentionOutput1.add(attentionOutput2), training);
            Tensor projOutput = denseProj.call(attentionOutput2, training);
            return layernorm3.call(attentionOutput2.add(projOutput), training);
        }

        @Override
        public LayerConfig getConfig() {
            return super.getConfig().put("embed_dim", embedDim).put("dense_dim", denseDim)
                    .put("num_heads", numHeads);
        }
    }
}
