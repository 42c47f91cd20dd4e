import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.applications.InceptionV3;
import org.backprop.nn.applications.VGG19;
import org.backprop.nn.autograd.Gradients;
import org.backprop.nn.callbacks.Callback;
import org.backprop.nn.data.Dataset;
import org.backprop.nn.data.Datasets;
import org.backprop.nn.data.StoredDataset;
import org.backprop.nn.layers.Activation;
import org.backprop.nn.layers.Concatenate;
import org.backprop.nn.layers.Conv2D;
import org.backprop.nn.layers.Conv2DTranspose;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Dropout;
import org.backprop.nn.layers.Flatten;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.layers.LayerConfig;
import org.backprop.nn.layers.LayerNormalization;
import org.backprop.nn.layers.MultiHeadAttention;
import org.backprop.nn.layers.PositionalEmbedding;
import org.backprop.nn.layers.Reshape;
import org.backprop.nn.layers.preprocessing.Resizing;
import org.backprop.nn.layers.preprocessing.TextVectorization;
import org.backprop.nn.losses.BinaryCrossentropy;
import org.backprop.nn.losses.Loss;
import org.backprop.nn.metrics.Mean;
import org.backprop.nn.metrics.Metric;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.History;
import org.backprop.nn.models.Model;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.ops.Ops;
import org.backprop.nn.optim.Adam;
import org.backprop.nn.optim.Optimizer;
import org.backprop.nn.optim.SGD;
import org.backprop.nn.optim.schedules.ExponentialDecay;
import org.backprop.nn.random.RandomGenerator;
import org.backprop.nn.random.RandomSeed;

/**
 * Deep Learning with Python, chapter 12 (generative deep learning), sections 12.1 to 12.5: the Transformer language
 * model with temperature sampling (built at the book's size, trained small on sentences this program makes, since the
 * IMDB reviews are not a course dataset); DeepDream on InceptionV3 and neural style transfer on VGG19, both at small
 * sizes on images this program makes and with freshly initialised (seeded) weights, since the book's ImageNet weights
 * are not here (a course can publish them as a pretrained model); the variational autoencoder on MNIST (the course's
 * copy, a slice of it) and the GAN, both with their own train_step. The GAN is built at the book's size for CelebA
 * (64x64x3) and trained small on 8x8 images this program makes (dark images with one bright horizontal bar), since
 * CelebA is not a course dataset.
 */
public class Main {
    public static void main(String[] args) {
        RandomSeed.set(12);
        deepDream();
        styleTransfer();

        // 12.4.3 VAE encoder network
        int latentDim = 2;
        Input encoderInputs = Input.shape(28, 28, 1);
        KerasTensor x = new Conv2D(32, 3, "relu").strides(2).padding("same").apply(encoderInputs);
        x = new Conv2D(64, 3, "relu").strides(2).padding("same").apply(x);
        x = new Flatten().apply(x);
        x = new Dense(16, "relu").apply(x);
        Dense zMeanLayer = new Dense(latentDim);
        zMeanLayer.setName("z_mean");
        Dense zLogVarLayer = new Dense(latentDim);
        zLogVarLayer.setName("z_log_var");
        // The VAE calls the encoder as a layer, and nn uses only models of one output as layers: z_mean and z_log_var
        // side by side, sliced apart in the train step
        KerasTensor zMeanAndLogVar = new Concatenate().apply(zMeanLayer.apply(x), zLogVarLayer.apply(x));
        Model encoder = new Model(encoderInputs, zMeanAndLogVar, "encoder");
        encoder.summary();
        System.out.println("12.4.3 encoder params = " + encoder.countParams());

        // 12.4.3 VAE decoder network, mapping latent space points to images
        Input latentInputs = Input.shape(latentDim);
        KerasTensor y = new Dense(7 * 7 * 64, "relu").apply(latentInputs);
        y = new Reshape(7, 7, 64).apply(y);
        y = new Conv2DTranspose(64, 3, "relu").strides(2).padding("same").apply(y);
        y = new Conv2DTranspose(32, 3, "relu").strides(2).padding("same").apply(y);
        KerasTensor decoderOutputs = new Conv2D(1, 3, "sigmoid").padding("same").apply(y);
        Model decoder = new Model(latentInputs, decoderOutputs, "decoder");
        decoder.summary();
        System.out.println("12.4.3 decoder params = " + decoder.countParams());
        int[] decoded = decoder.output().shape();
        System.out.println("12.4.3 decoder output = " + decoded[0] + "x" + decoded[1] + "x" + decoded[2]);

        // 12.4.3 Training the VAE (the book: all 70,000 digits, 30 epochs, batches of 128)
        Dataset train = all(Datasets.load("mnist", "train"));
        Tensor mnistDigits = train.features().slice(0, 192).div(255f);
        VAE vae = new VAE(encoder, decoder);
        vae.compile(new Adam());
        History history = vae.fit(mnistDigits, FitOptions.epochs(2).batchSize(32).verbose(0));
        System.out.println("12.4.3 history keys = " + history.metrics());
        System.out.println("12.4.3 first total_loss = " + history.get("total_loss").get(0));
        System.out.println("12.4.3 last total_loss = " + history.get("total_loss").get(1));
        System.out.println("12.4.3 last kl_loss = " + history.get("kl_loss").get(1));

        // 12.4.4 Sampling a grid of points from the 2D latent space and decoding them to images
        Tensor grid = Tensor.of(new int[] {3, 2}, new float[] {-1f, -1f, 0f, 0f, 1f, 1f});
        Tensor images = decoder.predict(grid);
        System.out.println("12.4.4 decoded grid = " + images.dim(0) + "x" + images.dim(1) + "x" + images.dim(2));

        // 12.5.3 The GAN discriminator, at the book's size
        Sequential discriminator = discriminator(64, 3, 64, 128);
        discriminator.summary();
        System.out.println("12.5.3 discriminator params = " + discriminator.countParams());
        // 12.5.4 GAN generator network, at the book's size
        Sequential generator = generator(128, 8, 128, 256, 512, 3);
        generator.summary();
        System.out.println("12.5.4 generator params = " + generator.countParams());

        // 12.5.5 The GAN, small: 8x8 grey images, a generator from 8 numbers
        int smallLatent = 8;
        Sequential smallDiscriminator = discriminator(8, 1, 8, 16);
        Sequential smallGenerator = generator(smallLatent, 1, 16, 16, 16, 1);
        Tensor bars = bars(256);
        Tensor untrained = smallGenerator.predict(normal(64, smallLatent));
        GAN gan = new GAN(smallDiscriminator, smallGenerator, smallLatent);
        gan.compile(new Adam(1e-3), new Adam(1e-3), new BinaryCrossentropy());
        History ganHistory = gan.fit(bars, FitOptions.epochs(6).batchSize(32).verbose(0));
        System.out.println("12.5.5 history keys = " + ganHistory.metrics());
        System.out.println("12.5.5 last d_loss = " + ganHistory.get("d_loss").get(5));
        System.out.println("12.5.5 last g_loss = " + ganHistory.get("g_loss").get(5));
        Tensor generated = smallGenerator.predict(normal(4, smallLatent));
        System.out.println("12.5.5 generated = " + generated.dim(0) + "x" + generated.dim(1) + "x" + generated.dim(2));
        // How the generator's images compare with the bars, before and after training: brightness and row contrast
        Tensor trained = smallGenerator.predict(normal(64, smallLatent));
        System.out.println("12.5.5 bars brightness = " + bars.mean().item());
        System.out.println("12.5.5 untrained brightness = " + untrained.mean().item());
        System.out.println("12.5.5 trained brightness = " + trained.mean().item());
        System.out.println("12.5.5 bars row contrast = " + rowContrast(bars));
        System.out.println("12.5.5 untrained row contrast = " + rowContrast(untrained));
        System.out.println("12.5.5 trained row contrast = " + rowContrast(trained));

        // 12.1 Text generation, last: the sections above keep the random numbers they drew before it was added
        textGeneration();
    }

    /** 12.1.4 the book's sizes: 15,000 words, sequences of 100, embeddings of 256, a decoder of 2,048 units, 2 heads. */
    static Model languageModel(int sequenceLength, int vocabSize, int embedDim, int latentDim, int numHeads) {
        Input inputs = Input.shape(sequenceLength - 1);
        KerasTensor x = new PositionalEmbedding(sequenceLength, vocabSize, embedDim).apply(inputs);
        x = new TransformerDecoder(embedDim, latentDim, numHeads).apply(x);
        KerasTensor outputs = new Dense(vocabSize, "softmax").apply(x);
        return new Model(inputs, outputs);
    }

    /**
     * 12.1 Text generation: the book's language model learns to continue sentences that this program writes from word
     * lists (words drawn with uneven frequencies, so that temperature has something to sharpen), then its
     * TextGenerator samples continuations of a prompt at a low and a high temperature.
     */
    static void textGeneration() {
        Model bookSize = languageModel(100, 15000, 256, 2048, 2);
        bookSize.summary();
        System.out.println("12.1.4 language model params = " + bookSize.countParams());

        // 12.1.3 Preparing the data: sentences of five words, vectorized to sequenceLength tokens, shifted by one
        int sequenceLength = 8;
        List<String> sentences = sentences(640);
        TextVectorization textVectorization = new TextVectorization("int").maxTokens(64)
                .outputSequenceLength(sequenceLength);
        textVectorization.adapt(sentences);
        Tensor vectorized = textVectorization.call(sentences);
        Tensor x = vectorized.slice(1, 0, sequenceLength - 1);
        Tensor y = vectorized.slice(1, 1, sequenceLength);
        int vocabSize = textVectorization.vocabularySize();
        System.out.println("12.1.3 vocabulary size = " + vocabSize);
        System.out.println("12.1.3 batch shapes = " + x.dim(1) + " " + y.dim(1));

        // 12.1.4 A simple Transformer-based sequence-to-sequence model, small
        Model model = languageModel(sequenceLength, vocabSize, 32, 64, 2);
        model.compile("rmsprop", "sparse_categorical_crossentropy");
        int epochs = 6;
        TextGenerator textGenCallback = new TextGenerator("the cat", 3, textVectorization,
                new double[] {0.2, 1.5}, 20, epochs);
        History history = model.fit(x, y, FitOptions.epochs(epochs).batchSize(32).verbose(0)
                .callbacks(textGenCallback));
        System.out.println("12.1.4 first loss = " + history.get("loss").get(0));
        System.out.println("12.1.4 last loss = " + history.get("loss").get(epochs - 1));
    }

    static final String[] DETERMINERS = {"the", "a"};
    static final String[] ANIMALS = {"cat", "dog", "bird", "fox"};
    static final String[] VERBS = {"sees", "likes", "chases", "finds"};
    static final String[] THINGS = {"ball", "fish", "bone", "mouse"};
    /** How often each word of a list is drawn: the first word most. */
    static final double[] FREQUENCIES = {0.55, 0.25, 0.12, 0.08};

    /** Sentences "determiner animal verb determiner thing", words drawn with uneven frequencies. */
    static List<String> sentences(int count) {
        RandomGenerator random = new RandomGenerator(121);
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sentences.add(pick(DETERMINERS, random) + " " + pick(ANIMALS, random) + " " + pick(VERBS, random) + " "
                    + pick(DETERMINERS, random) + " " + pick(THINGS, random));
        }
        return sentences;
    }

    static String pick(String[] words, RandomGenerator random) {
        if (words.length == 2) {
            return words[random.nextFloat() < 0.7f ? 0 : 1];
        }
        double draw = random.nextFloat();
        for (int i = 0; i < words.length - 1; i++) {
            draw -= FREQUENCIES[i];
            if (draw < 0) {
                return words[i];
            }
        }
        return words[words.length - 1];
    }

    /** 11.4 / 12.1.4 The book's TransformerDecoder: causal self-attention, attention to the encoder's outputs, a projection. */
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

        /**
         * The book calls the decoder on (x, x) in 12.1: the sequence is its own encoder output. Both attentions are
         * causal (the book's padding mask is min(padding, causal)), so step i never sees the token it predicts.
         */
        @Override
        protected Tensor forward(Tensor inputs, boolean training) {
            Tensor encoderOutputs = inputs;
            Tensor attentionOutput1 = attention1.call(inputs, inputs, null, true, training);
            attentionOutput1 = layernorm1.call(inputs.add(attentionOutput1), training);
            Tensor attentionOutput2 = attention2.call(attentionOutput1, encoderOutputs, null, true, training);
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

    /** 12.1.5 The text-generation callback's sampling: reweights a probability distribution by the temperature. */
    static int sampleNext(float[] predictions, int offset, int width, double temperature) {
        double[] reweighted = new double[width];
        double total = 0;
        for (int i = 0; i < width; i++) {
            reweighted[i] = Math.exp(Math.log(predictions[offset + i]) / temperature);
            total += reweighted[i];
        }
        double draw = RandomSeed.generator().nextFloat() * total;
        for (int i = 0; i < width; i++) {
            draw -= reweighted[i];
            if (draw < 0) {
                return i;
            }
        }
        return width - 1;
    }

    /**
     * 12.1.5 The text-generation callback: at the end of the last epoch (the book's print_freq), continues the prompt
     * by generateLength words, `samples` times per temperature, and prints one continuation, how many different ones
     * it drew, and the share that follow the sentences' grammar (verb, determiner, thing).
     */
    static final class TextGenerator extends Callback {
        final String prompt;
        final int generateLength;
        final TextVectorization textVectorization;
        final double[] temperatures;
        final int samples;
        final int printFreq;

        TextGenerator(String prompt, int generateLength, TextVectorization textVectorization, double[] temperatures,
                int samples, int printFreq) {
            this.prompt = prompt;
            this.generateLength = generateLength;
            this.textVectorization = textVectorization;
            this.temperatures = temperatures;
            this.samples = samples;
            this.printFreq = printFreq;
        }

        @Override
        public void onEpochEnd(Model model, int epoch, Map<String, Double> logs) {
            if ((epoch + 1) % printFreq != 0) {
                return;
            }
            List<String> tokensIndex = textVectorization.getVocabulary();
            for (double temperature : temperatures) {
                Set<String> distinct = new HashSet<>();
                int grammatical = 0;
                String example = "";
                for (int sample = 0; sample < samples; sample++) {
                    String sentence = prompt;
                    int promptWords = prompt.split(" ").length;
                    for (int i = 0; i < generateLength; i++) {
                        Tensor tokenized = textVectorization.call(sentence);
                        int steps = tokenized.dim(1) - 1;
                        Tensor predictions = model.call(tokenized.slice(1, 0, steps), false);
                        int width = predictions.dim(2);
                        int nextToken = sampleNext(predictions.toArray(), (promptWords + i - 1) * width, width,
                                temperature);
                        sentence += " " + tokensIndex.get(nextToken);
                    }
                    String continuation = sentence.substring(prompt.length() + 1);
                    distinct.add(continuation);
                    grammatical += grammatical(continuation) ? 1 : 0;
                    example = sentence;
                }
                System.out.println("12.1.5 temperature " + temperature + " example = " + example);
                System.out.println("12.1.5 temperature " + temperature + " distinct = " + distinct.size());
                System.out.println("12.1.5 temperature " + temperature + " grammatical = "
                        + (double) grammatical / samples);
            }
        }
    }

    /** Whether three words are a verb, a determiner and a thing, in that order. */
    static boolean grammatical(String continuation) {
        String[] words = continuation.split(" ");
        return words.length == 3 && List.of(VERBS).contains(words[0]) && List.of(DETERMINERS).contains(words[1])
                && List.of(THINGS).contains(words[2]);
    }

    /** 12.2 DeepDream: gradient ascent on an image to raise the activations of InceptionV3's mixed4 to mixed7. */
    static void deepDream() {
        // 12.2 Processing the image in octaves: the book's 3 octaves of 1.4 from a photo, 30 steps each; here 2
        // octaves of 1.2 from a 130x130 image, 3 steps each. 108 pixels is about the least that leaves mixed4 to
        // mixed7 5x5 activations, from which the loss crops a border of 2.
        double step = 20.0;
        int numOctave = 2;
        double octaveScale = 1.2;
        int iterations = 3;
        double maxLoss = 15.0;
        int[] originalShape = {130, 130};
        List<int[]> successiveShapes = new ArrayList<>();
        successiveShapes.add(originalShape);
        for (int i = 1; i < numOctave; i++) {
            double factor = Math.pow(octaveScale, i);
            successiveShapes.add(new int[] {(int) (originalShape[0] / factor), (int) (originalShape[1] / factor)});
        }
        java.util.Collections.reverse(successiveShapes);
        System.out.println("12.2 octave shapes = " + describe(successiveShapes));

        // 12.2 Loading the pretrained InceptionV3 model: the book's weights="imagenet" are not here, so the weights
        // are freshly initialised (a course can publish them: Pretrained.load). nn's models have a fixed input size:
        // one model per octave, sharing one set of weights.
        Map<String, Float> layerSettings = new LinkedHashMap<>();
        layerSettings.put("mixed4", 1.0f);
        layerSettings.put("mixed5", 1.5f);
        layerSettings.put("mixed6", 2.0f);
        layerSettings.put("mixed7", 2.5f);
        byte[] weights = null;
        Tensor originalImg = InceptionV3.preprocessInput(photo(originalShape[0], originalShape[1]));
        Tensor shrunkOriginalImg = new Resizing(successiveShapes.get(0)[0], successiveShapes.get(0)[1])
                .apply(originalImg);
        Tensor img = originalImg;
        for (int i = 0; i < successiveShapes.size(); i++) {
            int[] shape = successiveShapes.get(i);
            Model model = InceptionV3.builder().includeTop(false).inputShape(shape[0], shape[1], 3).build();
            if (weights == null) {
                weights = model.saveWeights();
                System.out.println("12.2 inception params = " + model.countParams());
            } else {
                model.loadWeights(weights);
            }
            // 12.2 Setting up a model that returns the activation values for every target layer
            List<KerasTensor> outputs = new ArrayList<>();
            for (String name : layerSettings.keySet()) {
                outputs.add(model.getLayer(name).output());
            }
            Model featureExtractor = new Model(model.inputs(), outputs);

            img = new Resizing(shape[0], shape[1]).apply(img);
            img = gradientAscentLoop(featureExtractor, layerSettings, img, iterations, step, maxLoss, i + 1);
            Tensor upscaledShrunkOriginalImg = new Resizing(shape[0], shape[1]).apply(shrunkOriginalImg);
            Tensor sameSizeOriginal = new Resizing(shape[0], shape[1]).apply(originalImg);
            Tensor lostDetail = sameSizeOriginal.sub(upscaledShrunkOriginalImg);
            img = img.add(lostDetail);
            shrunkOriginalImg = new Resizing(shape[0], shape[1]).apply(originalImg);
        }
        System.out.println("12.2 dream = " + img.dim(1) + "x" + img.dim(2) + "x" + img.dim(3));
    }

    /** 12.2 The DeepDream loss: each target layer's mean squared activation, borders cropped, weighted. */
    static Tensor computeLoss(Model featureExtractor, Map<String, Float> layerSettings, Tensor inputImage) {
        List<Tensor> features = featureExtractor.call(List.of(inputImage), false);
        Tensor loss = Tensor.scalar(0f);
        int i = 0;
        for (float coeff : layerSettings.values()) {
            Tensor activation = features.get(i++);
            // activation[:, 2:-2, 2:-2, :]
            Tensor cropped = activation.slice(1, 2, activation.dim(1) - 2).slice(2, 2, activation.dim(2) - 2);
            loss = loss.add(cropped.square().mean().mul(coeff));
        }
        return loss;
    }

    /** 12.2 The DeepDream gradient ascent process; prints the loss of the first and last steps of each octave. */
    static Tensor gradientAscentLoop(Model featureExtractor, Map<String, Float> layerSettings, Tensor image,
            int iterations, double learningRate, double maxLoss, int octave) {
        for (int i = 0; i < iterations; i++) {
            // gradient_ascent_step: tape.watch(image), loss, grads, l2_normalize, image += learning_rate * grads
            Tensor watched = image.asVariable();
            Tensor loss = computeLoss(featureExtractor, layerSettings, watched);
            Tensor grads = Gradients.of(loss, List.of(watched)).get(0);
            float norm = (float) Math.sqrt(Math.max(grads.square().sum().item(), 1e-12f));
            image = watched.add(grads.div(norm).mul((float) learningRate)).detach();
            float value = loss.item();
            if (value > maxLoss) {
                break;
            }
            System.out.println("... Loss value at step " + i + ": " + value);
            if (i == 0) {
                System.out.println("12.2 octave " + octave + " first loss = " + value);
            }
            System.out.println("12.2 octave " + octave + " last loss = " + value);
        }
        return image;
    }

    /** 12.3 Neural style transfer on VGG19: a combination image moved by SGD with an exponentially decaying rate. */
    static void styleTransfer() {
        // The book: a 400-pixel-high photo and a painting, 4,000 steps; here two 32x32 images this program makes
        // (a smooth gradient and stripes) and 5 steps, from freshly initialised weights.
        int imgHeight = 32;
        int imgWidth = 32;
        Tensor baseImage = VGG19.preprocessInput(photo(imgHeight, imgWidth));
        Tensor styleReferenceImage = VGG19.preprocessInput(stripes(imgHeight, imgWidth));

        // 12.3 Using a pretrained VGG19 model to create a feature extractor
        Model model = VGG19.builder().includeTop(false).inputShape(imgHeight, imgWidth, 3).build();
        System.out.println("12.3 vgg19 params = " + model.countParams());
        List<String> names = new ArrayList<>();
        List<KerasTensor> outputs = new ArrayList<>();
        for (Layer layer : model.layers()) {
            names.add(layer.name());
            outputs.add(layer.output());
        }
        Model featureExtractor = new Model(model.inputs(), outputs);

        // 12.3 Setting up the gradient-descent process
        SGD optimizer = new SGD(new ExponentialDecay(100.0, 100, 0.96));
        Variable combinationImage = new Variable("combination_image", baseImage, true);
        int iterations = 5;
        for (int i = 1; i <= iterations; i++) {
            Tensor loss = computeStyleTransferLoss(featureExtractor, names, combinationImage.value(), baseImage,
                    styleReferenceImage, imgHeight, imgWidth);
            List<Tensor> grads = Gradients.of(loss, List.of(combinationImage.value()));
            optimizer.applyGradients(grads, List.of(combinationImage));
            System.out.println("Iteration " + i + ": loss=" + loss.item());
            if (i == 1) {
                System.out.println("12.3 first loss = " + loss.item());
            }
            System.out.println("12.3 last loss = " + loss.item());
        }
        System.out.println("12.3 learning rate after 5 steps = " + optimizer.learningRate());
    }

    /** 12.3 Defining the final loss that you'll minimize: content, style and total variation. */
    static Tensor computeStyleTransferLoss(Model featureExtractor, List<String> names, Tensor combinationImage,
            Tensor baseImage, Tensor styleReferenceImage, int imgHeight, int imgWidth) {
        String[] styleLayerNames = {"block1_conv1", "block2_conv1", "block3_conv1", "block4_conv1", "block5_conv1"};
        String contentLayerName = "block5_conv2";
        float totalVariationWeight = 1e-6f;
        float styleWeight = 1e-6f;
        float contentWeight = 2.5e-8f;

        Tensor inputTensor = Ops.concatenate(List.of(baseImage, styleReferenceImage, combinationImage), 0);
        List<Tensor> outputs = featureExtractor.call(List.of(inputTensor), false);
        Map<String, Tensor> features = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            features.put(names.get(i), outputs.get(i));
        }
        Tensor loss = Tensor.scalar(0f);
        Tensor layerFeatures = features.get(contentLayerName);
        Tensor baseImageFeatures = image(layerFeatures, 0);
        Tensor combinationFeatures = image(layerFeatures, 2);
        loss = loss.add(contentLoss(baseImageFeatures, combinationFeatures).mul(contentWeight));
        for (String layerName : styleLayerNames) {
            layerFeatures = features.get(layerName);
            Tensor styleReferenceFeatures = image(layerFeatures, 1);
            combinationFeatures = image(layerFeatures, 2);
            Tensor styleLossValue = styleLoss(styleReferenceFeatures, combinationFeatures, imgHeight * imgWidth);
            loss = loss.add(styleLossValue.mul(styleWeight / styleLayerNames.length));
        }
        return loss.add(totalVariationLoss(combinationImage, imgHeight, imgWidth).mul(totalVariationWeight));
    }

    /** layer_features[index, :, :, :] */
    static Tensor image(Tensor batch, int index) {
        return batch.slice(0, index, index + 1).reshape(batch.dim(1), batch.dim(2), batch.dim(3));
    }

    /** 12.3 Content loss. */
    static Tensor contentLoss(Tensor baseImg, Tensor combinationImg) {
        return combinationImg.sub(baseImg).square().sum();
    }

    /** 12.3 Style loss, with the book's gram_matrix. */
    static Tensor styleLoss(Tensor styleImg, Tensor combinationImg, int size) {
        Tensor s = gramMatrix(styleImg);
        Tensor c = gramMatrix(combinationImg);
        int channels = 3;
        return s.sub(c).square().sum().div(4f * channels * channels * (float) size * size);
    }

    static Tensor gramMatrix(Tensor x) {
        Tensor transposed = x.transpose(2, 0, 1);
        Tensor features = transposed.reshape(transposed.dim(0), -1);
        return features.matmul(features.transpose(1, 0));
    }

    /** 12.3 Total variation loss; nn has no pow, so (a + b)^1.25 is exp(1.25 · log(a + b)). */
    static Tensor totalVariationLoss(Tensor x, int imgHeight, int imgWidth) {
        Tensor corner = x.slice(1, 0, imgHeight - 1).slice(2, 0, imgWidth - 1);
        Tensor a = corner.sub(x.slice(1, 1, imgHeight).slice(2, 0, imgWidth - 1)).square();
        Tensor b = corner.sub(x.slice(1, 0, imgHeight - 1).slice(2, 1, imgWidth)).square();
        return a.add(b).log().mul(1.25f).exp().sum();
    }

    /** A made-up 0-255 RGB "photo" [1, height, width, 3]: smooth colour gradients with a little seeded noise. */
    static Tensor photo(int height, int width) {
        RandomGenerator random = new RandomGenerator(7);
        float[] pixels = new float[height * width * 3];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int at = (r * width + c) * 3;
                pixels[at] = 200f * r / height + 20 * random.nextFloat();
                pixels[at + 1] = 200f * c / width + 20 * random.nextFloat();
                pixels[at + 2] = 120 + 20 * random.nextFloat();
            }
        }
        return Tensor.of(new int[] {1, height, width, 3}, pixels);
    }

    /** A made-up 0-255 RGB "painting" [1, height, width, 3]: diagonal stripes of two colours. */
    static Tensor stripes(int height, int width) {
        float[] pixels = new float[height * width * 3];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                boolean dark = ((r + c) / 4) % 2 == 0;
                int at = (r * width + c) * 3;
                pixels[at] = dark ? 30 : 240;
                pixels[at + 1] = dark ? 60 : 200;
                pixels[at + 2] = dark ? 150 : 40;
            }
        }
        return Tensor.of(new int[] {1, height, width, 3}, pixels);
    }

    static String describe(List<int[]> shapes) {
        List<String> sides = new ArrayList<>();
        for (int[] shape : shapes) {
            sides.add(shape[0] + "x" + shape[1]);
        }
        return sides.toString();
    }

    static Dataset all(StoredDataset split) {
        return split.batches(split.size()).iterator().next();
    }

    /** 12.4.3 Latent-space-sampling layer. */
    static final class Sampler extends Layer {
        Sampler() {
            super("sampler");
        }

        @Override
        public String typeName() {
            return "Sampler";
        }

        @Override
        public int[] computeOutputShape(int[] inputShape) {
            return new int[] {inputShape[0] / 2};
        }

        @Override
        protected Tensor forward(Tensor inputs, boolean training) {
            int latent = inputs.dim(1) / 2;
            return sample(inputs.slice(1, 0, latent), inputs.slice(1, latent, 2 * latent));
        }

        Tensor sample(Tensor zMean, Tensor zLogVar) {
            Tensor epsilon = normal(zMean.dim(0), zMean.dim(1));
            return zMean.add(zLogVar.mul(0.5f).exp().mul(epsilon));
        }
    }

    /** 12.4.3 VAE model with custom train_step(). */
    static final class VAE extends Model {
        final Model encoder;
        final Model decoder;
        final Sampler sampler;
        final Mean totalLossTracker = new Mean("total_loss");
        final Mean reconstructionLossTracker = new Mean("reconstruction_loss");
        final Mean klLossTracker = new Mean("kl_loss");

        VAE(Model encoder, Model decoder) {
            this(Input.shape(28, 28, 1), encoder, decoder, new Sampler());
        }

        private VAE(Input inputs, Model encoder, Model decoder, Sampler sampler) {
            super(inputs, decoder.apply(sampler.apply(encoder.apply(inputs))), "vae");
            this.encoder = encoder;
            this.decoder = decoder;
            this.sampler = sampler;
        }

        @Override
        public List<Metric> metrics() {
            return List.of(totalLossTracker, reconstructionLossTracker, klLossTracker);
        }

        @Override
        protected List<Metric> trainStep(Dataset batch) {
            Tensor data = batch.features();
            Tensor encoded = encoder.call(data, true);
            Tensor zMean = encoded.slice(1, 0, 2);
            Tensor zLogVar = encoded.slice(1, 2, 4);
            Tensor z = sampler.sample(zMean, zLogVar);
            Tensor reconstruction = decoder.call(z, true);
            // binary_crossentropy per pixel, summed over the image (axis 1, 2), averaged over the batch
            Tensor pixelLoss = data.mul(reconstruction.add(1e-7f).log())
                    .add(data.neg().add(1f).mul(reconstruction.neg().add(1f + 1e-7f).log())).neg();
            Tensor reconstructionLoss = pixelLoss.reshape(data.dim(0), 28 * 28).sum(1).mean();
            Tensor klLoss = zLogVar.add(1f).sub(zMean.square()).sub(zLogVar.exp()).mul(-0.5f);
            Tensor totalLoss = reconstructionLoss.add(klLoss.sum(1).mean());
            List<Tensor> grads = Gradients.ofWeights(totalLoss, trainableWeights());
            optimizer().applyGradients(grads, trainableWeights());
            totalLossTracker.updateState(totalLoss);
            reconstructionLossTracker.updateState(reconstructionLoss);
            klLossTracker.updateState(klLoss.sum(1).mean());
            return metrics();
        }
    }

    /** 12.5.3: strided 4x4 convolutions with LeakyReLU(alpha=0.2), dropout, one sigmoid unit. */
    static Sequential discriminator(int side, int channels, int firstFilters, int filters) {
        Sequential discriminator = new Sequential("discriminator",
                new Conv2D(firstFilters, 4).strides(2).padding("same"),
                new Activation("leaky_relu"),
                new Conv2D(filters, 4).strides(2).padding("same"),
                new Activation("leaky_relu"),
                new Conv2D(filters, 4).strides(2).padding("same"),
                new Activation("leaky_relu"),
                new Flatten(),
                new Dropout(0.2),
                new Dense(1, "sigmoid"));
        discriminator.build(side, side, channels);
        return discriminator;
    }

    /** 12.5.4: a Dense layer reshaped to a small image, three strided transposed convolutions, a sigmoid Conv2D. */
    static Sequential generator(int latentDim, int start, int first, int second, int third, int channels) {
        Sequential generator = new Sequential("generator",
                new Dense(start * start * first),
                new Reshape(start, start, first),
                new Conv2DTranspose(first, 4).strides(2).padding("same"),
                new Activation("leaky_relu"),
                new Conv2DTranspose(second, 4).strides(2).padding("same"),
                new Activation("leaky_relu"),
                new Conv2DTranspose(third, 4).strides(2).padding("same"),
                new Activation("leaky_relu"),
                new Conv2D(channels, 5, "sigmoid").padding("same"));
        generator.build(latentDim);
        return generator;
    }

    /** 12.5.5 The GAN Model with its own train_step. */
    static final class GAN extends Model {
        final Model discriminator;
        final Model generator;
        final int latentDim;
        final Mean dLossMetric = new Mean("d_loss");
        final Mean gLossMetric = new Mean("g_loss");
        Optimizer dOptimizer;
        Optimizer gOptimizer;
        Loss lossFn;

        GAN(Model discriminator, Model generator, int latentDim) {
            this(Input.shape(latentDim), discriminator, generator, latentDim);
        }

        private GAN(Input latent, Model discriminator, Model generator, int latentDim) {
            super(latent, discriminator.apply(generator.apply(latent)), "gan");
            this.discriminator = discriminator;
            this.generator = generator;
            this.latentDim = latentDim;
        }

        void compile(Optimizer dOptimizer, Optimizer gOptimizer, Loss lossFn) {
            compile(gOptimizer, lossFn);
            this.dOptimizer = dOptimizer;
            this.gOptimizer = gOptimizer;
            this.lossFn = lossFn;
        }

        @Override
        public List<Metric> metrics() {
            return List.of(dLossMetric, gLossMetric);
        }

        @Override
        protected List<Metric> trainStep(Dataset batch) {
            Tensor realImages = batch.features();
            int batchSize = realImages.dim(0);
            Tensor generatedImages = generator.call(normal(batchSize, latentDim), true).detach();
            Tensor combinedImages = Ops.concatenate(List.of(generatedImages, realImages), 0);
            float[] labels = new float[2 * batchSize];
            RandomGenerator random = RandomSeed.generator();
            for (int i = 0; i < labels.length; i++) {
                labels[i] = (i < batchSize ? 1f : 0f) + 0.05f * random.nextFloat();
            }
            Tensor predictions = discriminator.call(combinedImages, true);
            Tensor dLoss = lossFn.call(Tensor.of(new int[] {2 * batchSize, 1}, labels), predictions);
            List<Tensor> dGrads = Gradients.ofWeights(dLoss, discriminator.trainableWeights());
            dOptimizer.applyGradients(dGrads, discriminator.trainableWeights());

            Tensor misleadingLabels = Tensor.zeros(batchSize, 1);
            Tensor fooled = discriminator.call(generator.call(normal(batchSize, latentDim), true), true);
            Tensor gLoss = lossFn.call(misleadingLabels, fooled);
            List<Tensor> gGrads = Gradients.ofWeights(gLoss, generator.trainableWeights());
            gOptimizer.applyGradients(gGrads, generator.trainableWeights());

            dLossMetric.updateState(dLoss);
            gLossMetric.updateState(gLoss);
            return metrics();
        }
    }

    /** Standard normal numbers [rows, columns] from the program's seeded generator. */
    static Tensor normal(int rows, int columns) {
        RandomGenerator random = RandomSeed.generator();
        float[] values = new float[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return Tensor.of(new int[] {rows, columns}, values);
    }

    /** The mean over 8x8 images of the spread (standard deviation) of their 8 row means: bars have a lot. */
    static double rowContrast(Tensor images) {
        float[] pixels = images.toArray();
        int count = images.dim(0);
        double total = 0;
        for (int i = 0; i < count; i++) {
            double[] rows = new double[8];
            double mean = 0;
            for (int r = 0; r < 8; r++) {
                for (int c = 0; c < 8; c++) {
                    rows[r] += pixels[i * 64 + r * 8 + c] / 8.0;
                }
                mean += rows[r] / 8;
            }
            double variance = 0;
            for (double row : rows) {
                variance += (row - mean) * (row - mean) / 8;
            }
            total += Math.sqrt(variance);
        }
        return total / count;
    }

    /** Dark 8x8 images, each with one bright horizontal bar two pixels high. */
    static Tensor bars(int count) {
        RandomGenerator random = new RandomGenerator(5);
        float[] pixels = new float[count * 64];
        for (int i = 0; i < count; i++) {
            int row = random.nextInt(7);
            for (int r = 0; r < 8; r++) {
                for (int c = 0; c < 8; c++) {
                    boolean bright = r == row || r == row + 1;
                    pixels[i * 64 + r * 8 + c] = bright ? 0.9f + 0.1f * random.nextFloat() : 0.1f * random.nextFloat();
                }
            }
        }
        return Tensor.of(new int[] {count, 8, 8, 1}, pixels);
    }
}
