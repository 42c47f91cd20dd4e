import java.util.Random;
import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Tensor;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Dropout;
import org.backprop.nn.layers.Embedding;
import org.backprop.nn.layers.GlobalMaxPooling1D;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.layers.LayerConfig;
import org.backprop.nn.layers.LayerNormalization;
import org.backprop.nn.layers.MultiHeadAttention;
import org.backprop.nn.layers.PositionalEmbedding;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.History;
import org.backprop.nn.models.Model;
import org.backprop.nn.models.Sequential;

/**
 * Deep Learning with Python, chapter 11: deep learning for text, the parts nn has the layers for (the bag-of-words
 * models of 11.3.2 and the Transformer encoder of 11.4.3), cited by section and the book's captions. IMDB is not a
 * course dataset and TextVectorization is not in nn yet, so reviews are made here, already as token indices: words
 * 2-21 are positive, 22-41 negative, the rest neutral.
 */
public class Main {
    static final Random RANDOM = new Random(11);

    public static void main(String[] args) {
        // 11.3.2 Our reusable model-building utility: the bag-of-words model on multi-hot unigrams
        Model model = getModel(20000, 16);
        model.summary();
        System.out.println("11.3.2 bag-of-words params = " + model.countParams());

        // Trained on made-up multi-hot reviews (300 of them; the book's binary 1-gram run, at a tiny scale)
        int[][] reviews = reviews(400, 40);
        float[] labels = labelsOf(reviews);
        Tensor multiHot = multiHot(reviews, 20000);
        Tensor targets = Tensor.of(labels);
        model.compile("rmsprop", "binary_crossentropy", "accuracy");
        History bagOfWords = model.fit(multiHot.slice(0, 300), targets.slice(0, 300), FitOptions.epochs(3)
                .batchSize(32).validationData(multiHot.slice(300, 400), targets.slice(300, 400)).verbose(0));
        System.out.println("11.3.2 val_accuracy = " + bagOfWords.get("val_accuracy").get(2));

        // 11.4.3 Using the Transformer encoder for text classification, at the book's size (built, not trained)
        System.out.println("11.4.3 transformer params = " + transformer(20000, 256, 32, 2, false, 600).countParams());
        // 11.4.3 Combining the Transformer encoder with positional embedding, at the book's size
        System.out.println("11.4.3 positional transformer params = "
                + transformer(20000, 256, 32, 2, true, 600).countParams());

        // The same model with positional embedding, small, trained on made-up token sequences of length 20
        int[][] sequences = reviews(400, 20);
        float[] tokens = new float[400 * 20];
        for (int i = 0; i < 400; i++) {
            for (int j = 0; j < 20; j++) {
                tokens[i * 20 + j] = sequences[i][j] % 200;
            }
        }
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
            Tensor attentionOutput = attention.call(inputs, inputs, training);
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

    static Tensor multiHot(int[][] reviews, int maxTokens) {
        float[] values = new float[reviews.length * maxTokens];
        for (int i = 0; i < reviews.length; i++) {
            for (int token : reviews[i]) {
                values[i * maxTokens + token] = 1f;
            }
        }
        return Tensor.of(new int[] {reviews.length, maxTokens}, values);
    }
}
