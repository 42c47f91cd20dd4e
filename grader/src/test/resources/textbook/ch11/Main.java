import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
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

/**
 * Deep Learning with Python, chapter 11: deep learning for text, cited by section and the book's captions:
 * TextVectorization (11.2.3), the bag-of-words models (11.3.2), the masked bidirectional LSTM (11.3.3) and the
 * Transformer encoder (11.4.3). IMDB is not a course dataset, so reviews are made here from word lists; the
 * Transformer's run takes made-up token indices (words 2-21 are positive, 22-41 negative, the rest neutral).
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
}
