package org.backprop.grader.textbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.backprop.grader.GraderTestSupport;
import org.backprop.grader.compile.CompileResult;
import org.backprop.grader.compile.CompileService;
import org.backprop.grader.compile.SourceBundle;
import org.backprop.grader.compile.worker.CompileWorkerPool;
import org.backprop.grader.compile.worker.JailedWorkerLauncher;
import org.backprop.grader.compile.worker.WorkerLimits;
import org.backprop.grader.sandbox.NodeSandbox;
import org.backprop.grader.sandbox.RunLimits;
import org.backprop.grader.sandbox.RunResult;
import org.backprop.grader.sandbox.SandboxConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deep Learning with Python (Chollet, 2nd edition), chapter by chapter, as a student writes it in Java: each chapter
 * is one program under {@code src/test/resources/textbook/chNN/Main.java}, compiled by the real compile service
 * (javac, the policy check, TeaVM) and run in the real sandbox (Node + Dawn), with the course's datasets. The
 * parameter counts are derived here from Keras's formulas (Dense: in·out + out; Conv2D: k·k·in·filters + filters)
 * and checked against the book's summary numbers where it prints them; each training run is short and must learn. {@code docs/textbook.md} lists
 * every listing and what became of it.
 */
class TextbookListingsTest {
    private static final RunLimits LIMITS = new RunLimits(Duration.ofSeconds(480), 1024 * 1024, 3072);

    @TempDir
    static Path work;
    static CompileService compiler;
    static NodeSandbox sandbox;
    static CourseDatasets datasets;

    @BeforeAll
    static void setUp() throws IOException {
        // A chapter is a larger program than the editor's sample and the first compile also warms the worker's JIT:
        // on a shared two-core CI machine that can pass the default 20 s meant to stop compile bombs quickly.
        compiler = new CompileService(new CompileWorkerPool(work.resolve("compile"), 1,
                new WorkerLimits(1024, Duration.ofSeconds(180), Duration.ofSeconds(180)),
                JailedWorkerLauncher.forThisMachine(SandboxConfig.DEFAULT_SANDBOX_UID)), 16);
        sandbox = new NodeSandbox(GraderTestSupport.sandboxConfig(work.resolve("runs")));
        datasets = CourseDatasets.write(work.resolve("store"), Path.of(System.getProperty("backprop.nodeModules")),
                1000, 250);
    }

    @AfterAll
    static void stopCompiler() {
        compiler.close();
    }

    /** Dense's parameters: a kernel and a bias. */
    static long dense(long inputs, long units) {
        return inputs * units + units;
    }

    /** Conv2D's parameters: a k×k kernel per input and output channel, and a bias per filter. */
    static long conv2d(long kernel, long channels, long filters) {
        return kernel * kernel * channels * filters + filters;
    }

    @Test
    void chapter2TrainsTheFirstNetworkOnMnistWithKerasAndFromScratch() {
        ListingRun run = run("ch02");
        long params = dense(28 * 28, 512) + dense(512, 10);
        assertEquals(407_050, params, "Keras's count for listing 2.2");
        assertEquals(params, run.integer("2.2 params"));
        run.fell("2.5 first loss", "2.5 last loss");
        assertEquals("10x10", run.text("2.6 prediction rows"));
        run.atLeast("2.7 test_acc", 0.6);
        assertEquals(4, run.integer("2.5 scratch weights"));
        // The book's from-scratch network starts saturated (weights uniform in [0, 0.1]) and, at its learning rate of
        // 1e-3, needs thousands of steps to reach the book's 81%; a few dozen bring its loss under a uniform guess's.
        run.fell("2.5 scratch first loss", "2.5 scratch last loss");
        run.atMost("2.5 scratch test loss", Math.log(10));
    }

    @Test
    void chapter4ClassifiesReviewsAndNewswiresAndPredictsPricesOnDataTheProgramMakes() {
        ListingRun run = run("ch04");
        long imdb = dense(10_000, 16) + dense(16, 16) + dense(16, 1);
        assertEquals(160_305, imdb, "Keras's count for listing 4.4");
        assertEquals(imdb, run.integer("4.4 params"));
        assertEquals("[loss, accuracy, val_loss, val_accuracy]", run.text("4.7 history keys"));
        run.fell("4.7 first val_loss", "4.7 last val_loss");
        run.atLeast("4.7 last val_accuracy", 0.8);

        long reuters = dense(10_000, 64) + dense(64, 64) + dense(64, 46);
        assertEquals(647_214, reuters, "Keras's count for listing 4.15");
        assertEquals(reuters, run.integer("4.15 params"));
        run.atLeast("4.18 last val_accuracy", 3.0 / 46);
        assertEquals(dense(10_000, 64) + dense(64, 4) + dense(4, 46), run.integer("4.22 params"));

        long boston = dense(13, 64) + dense(64, 64) + dense(64, 1);
        assertEquals(5_121, boston, "Keras's count for listing 4.25");
        assertEquals(boston, run.integer("4.25 params"));
        assertEquals(4, run.integer("4.26 folds"));
        run.atMost("4.31 test_mae_score", 0.5 * run.number("4.31 mean-price mae"));
    }

    @Test
    void chapter5ShowsNoiseShuffledLabelsLearningRatesCapacityRegularizationAndDropout() {
        ListingRun run = run("ch05");
        assertEquals(dense(2 * 28 * 28, 512) + dense(512, 10), run.integer("5.2 params"));
        run.atLeast("5.2 noise val_accuracy", 0.2);
        run.atLeast("5.2 zeros val_accuracy", 0.5);
        run.atLeast("5.2 zeros val_accuracy", run.number("5.2 noise val_accuracy"));
        run.atMost("5.4 val_accuracy", 0.25);
        run.atLeast("5.7 val_accuracy", 0);
        run.atLeast("5.8 val_accuracy", 0.5);
        long logistic = dense(28 * 28, 10);
        assertEquals(7_850, logistic, "Keras's count for listing 5.9");
        assertEquals(logistic, run.integer("5.9 params"));
        run.atLeast("5.9 val_accuracy", 0.4);
        assertEquals(dense(10_000, 16) + dense(16, 16) + dense(16, 1), run.integer("5.10 params"));
        assertEquals(dense(10_000, 4) + dense(4, 4) + dense(4, 1), run.integer("5.11 params"));
        run.fell("5.11 first val_loss", "5.11 last val_loss");
        long bigger = dense(10_000, 512) + dense(512, 512) + dense(512, 1);
        assertEquals(5_383_681, bigger, "Keras's count for listing 5.12");
        assertEquals(bigger, run.integer("5.12 params"));
        assertEquals(run.integer("5.10 params"), run.integer("5.13 params"), "a regularizer adds no weights");
        // The penalty keeps the weights small; a short run cannot show the book's later overfitting, so it shows that.
        run.atMost("5.13 kernel sum of squares", 0.8 * run.number("5.10 kernel sum of squares"));
        run.atLeast("5.13 val_accuracy", 0.8);
        run.atLeast("5.13 penalty", 0.001);
        run.atMost("5.14 l1 penalty", run.number("5.14 l1 by hand") * 1.0001);
        run.atLeast("5.14 l1 penalty", run.number("5.14 l1 by hand") * 0.9999);
        run.atMost("5.14 l1_l2 penalty", run.number("5.14 l1_l2 by hand") * 1.0001);
        run.atLeast("5.14 l1_l2 penalty", run.number("5.14 l1_l2 by hand") * 0.9999);
        assertEquals(run.integer("5.10 params"), run.integer("5.15 params"), "dropout has no weights");
        run.atLeast("5.15 val_accuracy", 0.8);
    }

    @Test
    void chapter7BuildsModelsThreeWaysAndTrainsWithCustomMetricsCallbacksAndLoops() {
        ListingRun run = run("ch07");
        long small = dense(3, 64) + dense(64, 10);
        assertEquals(906, small, "the book's summary for listing 7.5");
        assertEquals("false", run.text("7.3 built"));
        assertEquals(4, run.integer("7.4 weights"));
        assertEquals(small, run.integer("7.5 params"));
        assertEquals("my_example_model my_first_layer my_last_layer", run.text("7.6 names"));
        assertEquals(small, run.integer("7.7 params"));
        assertEquals(small, run.integer("7.8 params"));
        assertEquals("[10]", run.text("7.8 output shape"));
        // The ticket model: Concatenate gives 10,000 + 10,000 + 100 = 20,100 features.
        long ticket = dense(20_100, 64) + dense(64, 1) + dense(64, 4);
        assertEquals(1_286_789, ticket, "the book's summary for listing 7.9");
        assertEquals(ticket, run.integer("7.9 params"));
        String multiOutputKeys = "[loss, priority_loss, department_loss, priority_mean_absolute_error,"
                + " department_accuracy]";
        assertEquals(multiOutputKeys, run.text("7.10 history keys"));
        assertEquals(run.number("7.10 priority_loss") + run.number("7.10 department_loss"), run.number("7.10 loss"),
                1e-4, "the loss is the sum of the outputs' losses");
        assertEquals("256x1 256x4", run.text("7.10 predictions"));
        assertEquals(multiOutputKeys, run.text("7.11 history keys"));
        assertEquals("[priority, department]", run.text("7.11 prediction keys"));
        // The Dense's default name counts the program's earlier Dense layers, as in a Keras session.
        assertTrue(run.text("7.12 layers").matches("\\[concatenate, dense(_\\d+)?, priority, department]"),
                run.text("7.12 layers"));
        assertEquals("[[10000], [10000], [100]]", run.text("7.12 concatenate inputs"));
        assertEquals("[20100]", run.text("7.12 concatenate output"));
        assertEquals(ticket + dense(64, 3), run.integer("7.13 params"), "difficulty shares the ticket model's layers");
        assertEquals("[priority, department, difficulty]", run.text("7.13 outputs"));
        assertEquals("false", run.text("7.14 built before call"), "a subclassed model is built by its first call");
        assertEquals("customer_ticket_model", run.text("7.14 name"));
        assertEquals("256x1", run.text("7.14 priority"));
        assertEquals("256x4", run.text("7.14 department"));
        assertEquals(ticket, run.integer("7.14 params"), "the subclassed model has the functional one's layers");
        // Keras 3 names the outputs of a model without output names after their losses; the metrics keep their own.
        String subclassedKeys = "[loss, mean_squared_error_loss, categorical_crossentropy_loss, mean_absolute_error,"
                + " accuracy]";
        assertEquals(subclassedKeys, run.text("7.14 history keys"));
        assertEquals(subclassedKeys, run.text("7.14 evaluated"));
        assertEquals(run.number("7.14 evaluated mean_squared_error_loss")
                + run.number("7.14 evaluated categorical_crossentropy_loss"), run.number("7.14 evaluated loss"), 1e-4,
                "the loss is the sum of the outputs' losses");
        // The book's one epoch: after it, the loss on the tickets is well under the epoch's mean.
        assertTrue(run.number("7.14 evaluated loss") < run.number("7.14 loss") / 2,
                run.number("7.14 evaluated loss") + " after the epoch, " + run.number("7.14 loss") + " during it");
        assertEquals("256x1 256x4", run.text("7.14 predictions"));
        assertEquals(small, run.integer("7.15 params"), "Dense(64) on 3 features, then the Classifier's Dense(10)");
        assertEquals("classifier Classifier", run.text("7.15 layers"), "the subclassed model is one layer");
        assertEquals(dense(3, 64) + dense(64, 1), run.integer("7.16 params"));
        assertEquals(dense(28 * 28, 512) + dense(512, 10), run.integer("7.17 params"));
        run.atLeast("7.17 accuracy", 0.6);
        assertEquals("200x10", run.text("7.17 predictions"));
        assertEquals("[loss, accuracy, rmse, val_loss, val_accuracy, val_rmse]", run.text("7.18 history keys"));
        run.fell("7.18 first rmse", "7.18 last rmse");
        assertEquals(3, run.integer("7.19 epochs"), "a patience of 2 lets all 3 epochs run");
        assertEquals("true", run.text("7.19 checkpoints saved"));
        // 800 examples in batches of 64: 13 steps an epoch, of which onBatchEnd sees all but the last.
        assertEquals(2 * 12, run.integer("7.20 per-batch losses"));
        assertEquals(2, run.integer("7.20 epochs seen"));
        run.atLeast("7.23 last epoch accuracy", run.number("7.23 first epoch accuracy"));
        run.atLeast("7.24 val_accuracy", 0.6);
        assertEquals("[loss]", run.text("7.26 history keys"), "the loss tracker is the step's only log");
        run.fell("7.26 first loss", "7.26 last loss");
        assertEquals("[loss, sparse_categorical_accuracy]", run.text("7.27 history keys"));
        run.fell("7.27 first loss", "7.27 last loss");
        assertEquals(3 * 25, run.integer("7.27 steps"), "800 examples in batches of 32, 3 epochs, each step the override's");
    }

    @Test
    void chapter8TrainsConvnetsBuildsTheDogsVersusCatsModelsAndExtractsFeaturesAndFineTunesVgg16() {
        ListingRun run = run("ch08");
        // 28 -> conv 26 -> pool 13 -> conv 11 -> pool 5 -> conv 3: 3 * 3 * 128 = 1,152 features.
        long mnist = conv2d(3, 1, 32) + conv2d(3, 32, 64) + conv2d(3, 64, 128) + dense(3 * 3 * 128, 10);
        assertEquals(104_202, mnist, "the book's summary for listing 8.2");
        assertEquals(mnist, run.integer("8.1 params"));
        run.fell("8.3 first loss", "8.3 last loss");
        run.atLeast("8.4 test_acc", 0.4);
        // Without pooling: 28 -> 26 -> 24 -> 22, so 22 * 22 * 128 = 61,952 features.
        long noPooling = conv2d(3, 1, 32) + conv2d(3, 32, 64) + conv2d(3, 64, 128) + dense(22 * 22 * 128, 10);
        assertEquals(712_202, noPooling, "the book's summary for listing 8.5");
        assertEquals(noPooling, run.integer("8.5 params"));
        // 180 -> 178 -> 89 -> 87 -> 43 -> 41 -> 20 -> 18 -> 9 -> 7: 7 * 7 * 256 = 12,544 features.
        long dogsVsCats = conv2d(3, 3, 32) + conv2d(3, 32, 64) + conv2d(3, 64, 128) + conv2d(3, 128, 256)
                + conv2d(3, 256, 256) + dense(7 * 7 * 256, 1);
        assertEquals(991_041, dogsVsCats, "the book's summary for listing 8.7");
        assertEquals(dogsVsCats, run.integer("8.7 params"));
        assertEquals(dogsVsCats, run.integer("8.16 params"), "augmentation and dropout add no weights");
        run.atLeast("8.17 val_accuracy", 0.25);
        run.atLeast("8.18 test_acc", 0.25);

        // VGG16 without its top: 13 3x3 convolutions with same padding, five 2x2 poolings (180 -> 5, 32 -> 1).
        long vgg16 = conv2d(3, 3, 64) + conv2d(3, 64, 64) + conv2d(3, 64, 128) + conv2d(3, 128, 128)
                + conv2d(3, 128, 256) + 2 * conv2d(3, 256, 256) + conv2d(3, 256, 512) + 2 * conv2d(3, 512, 512)
                + 3 * conv2d(3, 512, 512);
        assertEquals(14_714_688, vgg16, "Keras's count for VGG16(include_top=False), listing 8.19");
        assertEquals(vgg16, run.integer("8.19 params"));
        assertEquals("5x5x512", run.text("8.19 output"), "the book's conv base summary");
        assertEquals(vgg16, run.integer("8.19 small params"), "convolutions' counts do not depend on the image size");
        assertEquals("1x1x512", run.text("8.19 small output"));
        assertEquals("32x1x1x512", run.text("8.20 train features"));
        assertEquals("16x1x1x512", run.text("8.20 test features"));
        long classifier = dense(5 * 5 * 512, 256) + dense(256, 1);
        assertEquals(3_277_313, classifier, "Keras's count for listing 8.21's classifier");
        assertEquals(classifier, run.integer("8.21 params"));
        long smallClassifier = dense(512, 256) + dense(256, 1);
        assertEquals(smallClassifier, run.integer("8.21 small params"));
        run.fell("8.21 first loss", "8.21 last loss");
        // len(conv_base.trainable_weights): a kernel and a bias for each of the 13 convolutions, then none.
        assertEquals(26, run.integer("8.23 trainable weights before freezing"));
        assertEquals(0, run.integer("8.23 trainable weights after freezing"));
        assertEquals(vgg16 + smallClassifier, run.integer("8.24 params"));
        assertEquals(4, run.integer("8.24 trainable weights"), "the two Dense layers' kernels and biases");
        run.fell("8.24 first loss", "8.24 last loss");
        assertEquals("false", run.text("8.24 frozen base moved"));
        // Random VGG16 features give no accuracy to require above chance: the evaluations run and report one.
        run.atLeast("8.25 test_acc", 0);
        run.atMost("8.25 test_acc", 1);
        // Fine-tuning: block5_conv1 to block5_conv3 (and block5_pool) unfrozen: 6 weights, with the classifier's 10.
        assertEquals(6, run.integer("8.26 conv base trainable weights"));
        assertEquals(10, run.integer("8.26 trainable weights"));
        assertEquals("true", run.text("8.27 block5_conv3 moved"));
        assertEquals("false", run.text("8.27 block1_conv1 moved"));
        run.atLeast("8.28 test_acc", 0);
        run.atMost("8.28 test_acc", 1);
    }

    @Test
    void chapter9SegmentsMadeUpImagesAndBuildsResidualBatchNormalizedAndSeparableConvnets() {
        ListingRun run = run("ch09");
        // 200 -> 100 -> 50 -> 25 and back; Conv2DTranspose has Conv2D's parameters.
        long segmentation = conv2d(3, 3, 64) + conv2d(3, 64, 64) + conv2d(3, 64, 128) + conv2d(3, 128, 128)
                + conv2d(3, 128, 256) + conv2d(3, 256, 256) + conv2d(3, 256, 256) + conv2d(3, 256, 256)
                + conv2d(3, 256, 128) + conv2d(3, 128, 128) + conv2d(3, 128, 64) + conv2d(3, 64, 64)
                + conv2d(3, 64, 3);
        assertEquals(2_880_643, segmentation, "Keras's count for section 9.2's segmentation model");
        assertEquals(segmentation, run.integer("9.2 segmentation params"));
        assertEquals("200x200x3", run.text("9.2 segmentation output"));
        run.fell("9.2 first loss", "9.2 last loss");
        // Saying "background" everywhere scores the background's share; the model must find rectangles too.
        run.atLeast("9.2 pixel accuracy", run.number("9.2 background share") + 0.05);
        long filtersChange = conv2d(3, 3, 32) + conv2d(3, 32, 64) + conv2d(1, 32, 64);
        assertEquals(filtersChange, run.integer("9.3.2 filters change params"));
        assertEquals(filtersChange, run.integer("9.3.2 max pooling params"), "pooling and strides add no weights");
        assertEquals("15x15x64", run.text("9.3.2 max pooling output"));
        long residualNet = block(3, 32, true) + block(32, 64, true) + block(64, 128, true) + dense(128, 1);
        assertEquals(297_697, residualNet, "Keras's count for section 9.3.2's residual convnet");
        assertEquals(residualNet, run.integer("9.3.2 residual convnet params"));
        // Conv2D without bias, then BatchNormalization: gamma and beta trainable, the moving mean and variance not.
        assertEquals(3 * 3 * 3 * 32 + 4 * 32, run.integer("9.3.3 params"));
        assertEquals((3 * 3 * 3 * 32) + "+" + (2 * 32), run.text("9.3.3 trainable params"));
        assertEquals(721_857, run.integer("9.3.5 mini xception params"), "the same as nn's MiniXception example");
        run.fell("9.3.2 first loss", "9.3.2 last loss");
        run.atLeast("9.3.2 val_accuracy", 0.8);
    }

    /** A residual block's parameters: two 3×3 convolutions and, where the shape changes, a 1×1 one. */
    private static long block(long in, long filters, boolean projected) {
        return conv2d(3, in, filters) + conv2d(3, filters, filters) + (projected ? conv2d(1, in, filters) : 0);
    }

    @Test
    void chapter11VectorizesMadeUpReviewsForBagOfWordsSequenceModelsATransformerEncoderAndTranslation() {
        ListingRun run = run("ch11");
        long bagOfWords = dense(20_000, 16) + dense(16, 1);
        assertEquals(320_033, bagOfWords);
        assertEquals(bagOfWords, run.integer("11.3.2 bag-of-words params"));
        assertEquals("[, [UNK], write, rewrite, i, and, again, still, erase]", run.text("11.2.3 vocabulary"));
        assertEquals("i write rewrite and still rewrite again", run.text("11.2.3 decoded sentence"));
        // The book's custom_standardization_fn and custom_split_fn do what the defaults do, in adapt and in the call.
        assertEquals(run.text("11.2.3 vocabulary"), run.text("11.2.3 custom vocabulary"));
        assertEquals("[4, 2, 3, 5, 7, 3, 6]", run.text("11.2.3 custom encoded sentence"));
        run.atLeast("11.3.2 unigram val_accuracy", 0.8);
        run.atLeast("11.3.2 bigram val_accuracy", 0.8);
        run.atLeast("11.3.2 tf_idf val_accuracy", 0.8);
        // Embedding (no bias) and a bidirectional LSTM: two LSTMs of 4 gates, each gate (input + units)·units + units.
        long lstm = 20_000L * 256 + 2 * 4 * ((256 + 32) * 32 + 32) + dense(64, 1);
        assertEquals(5_194_049, lstm, "Keras's count for section 11.3.3's masked bidirectional LSTM");
        assertEquals(lstm, run.integer("11.3.3 masked lstm params"));
        run.fell("11.3.3 first loss", "11.3.3 last loss");
        run.atLeast("11.3.3 val_accuracy", 0.8);
        long embedding = 20_000L * 256;
        long transformer = embedding + encoder(256, 32, 2) + dense(256, 1);
        assertEquals(5_664_033, transformer, "Keras's count for section 11.4.3's model");
        assertEquals(transformer, run.integer("11.4.3 transformer params"));
        assertEquals(transformer + 600 * 256, run.integer("11.4.3 positional transformer params"),
                "a position embedding per position of 600");
        // 400 reviews of 12 + i % 9 tokens padded to 20: 44 of each length, one more of each of 12 to 15.
        assertEquals(44 * (8 + 7 + 6 + 5 + 4 + 3 + 2 + 1) + (8 + 7 + 6 + 5), run.integer("11.4.3 padded steps"));
        run.fell("11.4.3 first loss", "11.4.3 last loss");
        run.atLeast("11.4.3 val_accuracy", 0.8);
        // 11.5: two PositionalEmbeddings of 20 positions, the encoder, the decoder and a softmax over the vocabulary.
        long seq2seq = 2 * (15_000L + 20) * 256 + encoder(256, 2048, 8) + decoder(256, 2048, 8) + dense(256, 15_000);
        assertEquals(19_960_216, seq2seq, "Keras's count for section 11.5.3's Transformer");
        assertEquals(seq2seq, run.integer("11.5 transformer params"));
        // 11.5's custom_standardization: lower-cased, punctuation and "¿" stripped, but [ and ] kept.
        assertEquals("[start] dónde está el gato [end]", run.text("11.5 custom standardization"));
        assertEquals("true", run.text("11.5 target vocabulary has [start] and [end]"));
        run.fell("11.5 first loss", "11.5 last loss");
        run.atLeast("11.5 held-out token accuracy", 0.8);
        // 11.3.3's one-hot model: a bidirectional LSTM on 20,000-wide one-hot vectors, as the book's summary.
        long oneHotLstm = 2 * 4 * ((20_000L + 32) * 32 + 32) + dense(64, 1);
        assertEquals(5_128_513, oneHotLstm, "Keras's count for section 11.3.3's one-hot model");
        assertEquals(oneHotLstm, run.integer("11.3.3 one-hot lstm params"));
        run.fell("11.3.3 one-hot first loss", "11.3.3 one-hot last loss");
        run.atLeast("11.3.3 one-hot val_accuracy", 0.8);
    }

    /**
     * The book's TransformerEncoder: MultiHeadAttention with key_dim = embed_dim (query, key and value projections
     * to heads × key_dim with biases, an output projection back), a dense projection, and two LayerNormalizations.
     */
    private static long encoder(long embedDim, long denseDim, long heads) {
        long attention = 3 * dense(embedDim, heads * embedDim) + dense(heads * embedDim, embedDim);
        return attention + dense(embedDim, denseDim) + dense(denseDim, embedDim) + 2 * 2 * embedDim;
    }

    /** The book's TransformerDecoder: two such attentions, the same projection, three LayerNormalizations. */
    private static long decoder(long embedDim, long denseDim, long heads) {
        long attention = 3 * dense(embedDim, heads * embedDim) + dense(heads * embedDim, embedDim);
        return 2 * attention + dense(embedDim, denseDim) + dense(denseDim, embedDim) + 3 * 2 * embedDim;
    }

    @Test
    void chapter12GeneratesTextDreamsTransfersStyleAndTrainsAVariationalAutoencoderAndAGanWithTheirOwnSteps() {
        ListingRun run = run("ch12");
        // 12.2: Keras's InceptionV3(include_top=False) and VGG19(include_top=False) counts.
        assertEquals(21_802_784, run.integer("12.2 inception params"));
        assertEquals("[108x108, 130x130]", run.text("12.2 octave shapes"), "130 / 1.2 = 108.3");
        run.rose("12.2 octave 1 first loss", "12.2 octave 1 last loss");
        run.rose("12.2 octave 2 first loss", "12.2 octave 2 last loss");
        assertEquals("130x130x3", run.text("12.2 dream"));
        assertEquals(20_024_384, run.integer("12.3 vgg19 params"));
        run.fell("12.3 first loss", "12.3 last loss");
        // ExponentialDecay(100, 100, 0.96) after 5 steps: 100 · 0.96^(5/100).
        assertEquals(100 * Math.pow(0.96, 0.05), run.number("12.3 learning rate after 5 steps"), 1e-3);
        // The book's TransformerDecoder: two attentions with key_dim = embed_dim, a dense projection, three
        // LayerNormalizations; around it a PositionalEmbedding of 100 positions and a softmax over the vocabulary.
        long attention = 3 * dense(256, 2 * 256) + dense(2 * 256, 256);
        long transformerDecoder = 2 * attention + dense(256, 2048) + dense(2048, 256) + 3 * 2 * 256;
        long languageModel = (15_000 + 100) * 256 + transformerDecoder + dense(256, 15_000);
        assertEquals(9_825_176, languageModel, "Keras's count for section 12.1.4's language model");
        assertEquals(languageModel, run.integer("12.1.4 language model params"));
        // "", "[UNK]" and the 14 words the sentences use; inputs and targets are the sequences shifted by one.
        assertEquals(16, run.integer("12.1.3 vocabulary size"));
        assertEquals("7 7", run.text("12.1.3 batch shapes"));
        run.fell("12.1.4 first loss", "12.1.4 last loss");
        // Every position guessing among the 16 tokens would lose ln 16 ≈ 2.77; the padding after each sentence and
        // the grammar make most positions predictable.
        run.atMost("12.1.4 last loss", 0.8);
        // Cold sampling follows the grammar and repeats the likeliest words; hot sampling strays and varies more.
        run.atLeast("12.1.5 temperature 0.2 grammatical", 0.9);
        run.atLeast("12.1.5 temperature 0.2 grammatical", run.number("12.1.5 temperature 1.5 grammatical"));
        run.below("12.1.5 temperature 0.2 distinct", "12.1.5 temperature 1.5 distinct");
        assertTrue(run.text("12.1.5 temperature 0.2 example").startsWith("the cat "),
                run.text("12.1.5 temperature 0.2 example"));

        // 28 -> 14 -> 7 with strides 2 and "same" padding: 7 * 7 * 64 = 3,136 features.
        long encoder = conv2d(3, 1, 32) + conv2d(3, 32, 64) + dense(7 * 7 * 64, 16) + 2 * dense(16, 2);
        assertEquals(69_076, encoder, "Keras's count for section 12.4.3's encoder");
        assertEquals(encoder, run.integer("12.4.3 encoder params"), "Concatenate adds no weights");
        // Conv2DTranspose has the same parameters as Conv2D: a k×k kernel per channel pair and a bias per filter.
        long decoder = dense(2, 7 * 7 * 64) + conv2d(3, 64, 64) + conv2d(3, 64, 32) + conv2d(3, 32, 1);
        assertEquals(65_089, decoder, "Keras's count for section 12.4.3's decoder");
        assertEquals(decoder, run.integer("12.4.3 decoder params"));
        assertEquals("28x28x1", run.text("12.4.3 decoder output"));
        assertEquals("[total_loss, reconstruction_loss, kl_loss]", run.text("12.4.3 history keys"));
        run.fell("12.4.3 first total_loss", "12.4.3 last total_loss");
        // A decoder that says 0.5 for every pixel loses 784 · ln 2 ≈ 543 per image.
        run.atMost("12.4.3 last total_loss", 0.95 * 28 * 28 * Math.log(2));
        run.atLeast("12.4.3 last kl_loss", 0);
        assertEquals("3x28x28", run.text("12.4.4 decoded grid"));

        // 64 -> 32 -> 16 -> 8: 8 * 8 * 128 = 8,192 features.
        long discriminator = conv2d(4, 3, 64) + conv2d(4, 64, 128) + conv2d(4, 128, 128) + dense(8 * 8 * 128, 1);
        assertEquals(404_801, discriminator, "Keras's count for section 12.5.3's discriminator");
        assertEquals(discriminator, run.integer("12.5.3 discriminator params"));
        long generator = dense(128, 8 * 8 * 128) + conv2d(4, 128, 128) + conv2d(4, 128, 256) + conv2d(4, 256, 512)
                + conv2d(5, 512, 3);
        assertEquals(3_979_651, generator, "Keras's count for section 12.5.4's generator");
        assertEquals(generator, run.integer("12.5.4 generator params"));
        assertEquals("[d_loss, g_loss]", run.text("12.5.5 history keys"));
        // The discriminator tells generated images from bars better than a coin (ln 2).
        run.atMost("12.5.5 last d_loss", Math.log(2));
        assertEquals("4x8x8", run.text("12.5.5 generated"));
        // The generator moves from its untrained grey (0.5 everywhere) towards the bars: darker (three quarters of a
        // bar image is dark background) and with rows that differ (bars' rows spread by 0.39). A few dozen
        // adversarial steps need not draw bars yet; over seeds 1-6 on the CPU the images got 0.21 to 0.49 darker
        // and the row spread grew 5 to 140 times.
        run.atMost("12.5.5 trained brightness", run.number("12.5.5 untrained brightness") - 0.15);
        run.atLeast("12.5.5 trained row contrast", 3 * run.number("12.5.5 untrained row contrast"));
    }

    /** Compiles and runs chapter {@code chapter}'s program with the course's datasets, and requires it to finish. */
    private static ListingRun run(String chapter) {
        String source = resource("/textbook/" + chapter + "/Main.java");
        CompileResult compiled = compiler.compile(new SourceBundle("Main", Map.of("Main.java", source)));
        if (!compiled.succeeded()) {
            throw new AssertionError(chapter + " does not compile: " + compiled.diagnostics());
        }
        RunResult result = sandbox.run(compiled.js(), LIMITS, datasets.datasets());
        assertEquals(RunResult.Status.COMPLETED, result.status(), () -> chapter + ": " + result);
        return new ListingRun(result.stdout());
    }

    private static String resource(String name) {
        try (InputStream in = TextbookListingsTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new AssertionError("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(name, e);
        }
    }
}
