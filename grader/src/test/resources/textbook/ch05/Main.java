import java.util.Random;
import org.backprop.nn.Tensor;
import org.backprop.nn.data.Dataset;
import org.backprop.nn.data.Datasets;
import org.backprop.nn.data.StoredDataset;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Dropout;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.History;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.ops.Ops;
import org.backprop.nn.optim.RMSprop;
import org.backprop.nn.regularizers.Regularizers;

/**
 * Deep Learning with Python, chapter 5: fundamentals of machine learning, on a slice of the course's MNIST (500
 * digits, 2 or 3 epochs each) and, for the IMDB listings, on made-up reviews as in chapter 4.
 */
public class Main {
    static final Random RANDOM = new Random(5);

    public static void main(String[] args) {
        StoredDataset split = Datasets.load("mnist", "train").take(500);
        Dataset mnist = split.batches(split.size()).iterator().next();
        Tensor trainImages = mnist.features().reshape(500, 28 * 28).div(255f);
        Tensor trainLabels = mnist.labels();

        // Listing 5.1 Adding white noise channels or all-zeros channels to MNIST
        Tensor trainImagesWithNoiseChannels = concatenateColumns(trainImages, random(500, 784));
        Tensor trainImagesWithZerosChannels = concatenateColumns(trainImages, Tensor.zeros(500, 784));

        // Listing 5.2 Training the same model on MNIST data with noise channels or all-zero channels
        Sequential noiseModel = getModel();
        History historyNoise = noiseModel.fit(trainImagesWithNoiseChannels, trainLabels,
                FitOptions.epochs(3).batchSize(32).validationSplit(0.2).verbose(0));
        Sequential zerosModel = getModel();
        History historyZeros = zerosModel.fit(trainImagesWithZerosChannels, trainLabels,
                FitOptions.epochs(3).batchSize(32).validationSplit(0.2).verbose(0));
        System.out.println("5.2 params = " + noiseModel.countParams());
        System.out.println("5.2 noise val_accuracy = " + historyNoise.get("val_accuracy").get(2));
        System.out.println("5.2 zeros val_accuracy = " + historyZeros.get("val_accuracy").get(2));

        // Listing 5.4 Fitting an MNIST model with randomly shuffled labels
        float[] randomLabels = trainLabels.toArray().clone();
        for (int i = randomLabels.length - 1; i > 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            float swap = randomLabels[i];
            randomLabels[i] = randomLabels[j];
            randomLabels[j] = swap;
        }
        Sequential shuffledModel = new Sequential(new Dense(512, "relu"), new Dense(10, "softmax"));
        shuffledModel.compile("rmsprop", "sparse_categorical_crossentropy", "accuracy");
        History shuffled = shuffledModel.fit(trainImages, Tensor.of(randomLabels),
                FitOptions.epochs(3).batchSize(128).validationSplit(0.2).verbose(0));
        System.out.println("5.4 val_accuracy = " + shuffled.get("val_accuracy").get(2));

        // Listing 5.7 Training an MNIST model with an incorrectly high learning rate
        Sequential tooFast = new Sequential(new Dense(512, "relu"), new Dense(10, "softmax"));
        tooFast.compile(new RMSprop(1.), "sparse_categorical_crossentropy", "accuracy");
        History tooFastHistory = tooFast.fit(trainImages, trainLabels,
                FitOptions.epochs(3).batchSize(128).validationSplit(0.2).verbose(0));
        System.out.println("5.7 val_accuracy = " + tooFastHistory.get("val_accuracy").get(2));

        // Listing 5.8 The same model with a more appropriate learning rate
        Sequential rightPace = new Sequential(new Dense(512, "relu"), new Dense(10, "softmax"));
        rightPace.compile(new RMSprop(1e-2), "sparse_categorical_crossentropy", "accuracy");
        History rightPaceHistory = rightPace.fit(trainImages, trainLabels,
                FitOptions.epochs(3).batchSize(128).validationSplit(0.2).verbose(0));
        System.out.println("5.8 val_accuracy = " + rightPaceHistory.get("val_accuracy").get(2));

        // Listing 5.9 A simple logistic regression on MNIST
        Sequential logistic = new Sequential(new Dense(10, "softmax"));
        logistic.compile("rmsprop", "sparse_categorical_crossentropy", "accuracy");
        History logisticHistory = logistic.fit(trainImages, trainLabels,
                FitOptions.epochs(3).batchSize(32).validationSplit(0.2).verbose(0));
        System.out.println("5.9 params = " + logistic.countParams());
        System.out.println("5.9 val_accuracy = " + logisticHistory.get("val_accuracy").get(2));

        imdb();
    }

    static Sequential getModel() {
        Sequential model = new Sequential(
                new Dense(512, "relu"),
                new Dense(10, "softmax"));
        model.compile("rmsprop", "sparse_categorical_crossentropy", "accuracy");
        return model;
    }

    static void imdb() {
        int[][] reviews = new int[500][];
        float[] labels = new float[500];
        for (int i = 0; i < reviews.length; i++) {
            labels[i] = RANDOM.nextInt(2);
            reviews[i] = review(labels[i] == 1 ? 10 : 60);
        }
        Tensor trainData = vectorizeSequences(reviews, 10000);
        Tensor trainLabels = Tensor.of(labels);

        // Listing 5.10 Original model
        Sequential model = new Sequential(new Dense(16, "relu"), new Dense(16, "relu"), new Dense(1, "sigmoid"));
        model.compile("rmsprop", "binary_crossentropy", "accuracy");
        History original = model.fit(trainData, trainLabels,
                FitOptions.epochs(3).batchSize(32).validationSplit(0.4).verbose(0));
        System.out.println("5.10 params = " + model.countParams());
        System.out.println("5.10 val_loss = " + original.get("val_loss").get(2));
        System.out.println("5.10 kernel sum of squares = " + sumOfSquares(model));

        // Listing 5.11 Version of the model with lower capacity
        Sequential smallerModel = new Sequential(new Dense(4, "relu"), new Dense(4, "relu"),
                new Dense(1, "sigmoid"));
        smallerModel.compile("rmsprop", "binary_crossentropy", "accuracy");
        History smaller = smallerModel.fit(trainData, trainLabels,
                FitOptions.epochs(3).batchSize(32).validationSplit(0.4).verbose(0));
        System.out.println("5.11 params = " + smallerModel.countParams());
        System.out.println("5.11 first val_loss = " + smaller.get("val_loss").get(0));
        System.out.println("5.11 last val_loss = " + smaller.get("val_loss").get(2));

        // Listing 5.12 Version of the model with higher capacity (built, not trained: 5 million weights)
        Sequential biggerModel = new Sequential(new Dense(512, "relu"), new Dense(512, "relu"),
                new Dense(1, "sigmoid"));
        biggerModel.build(-1, 10000);
        System.out.println("5.12 params = " + biggerModel.countParams());

        // Listing 5.13 Adding L2 weight regularization to the model
        Sequential l2Model = new Sequential(
                new Dense(16, "relu").kernelRegularizer(Regularizers.l2(0.002)),
                new Dense(16, "relu").kernelRegularizer(Regularizers.l2(0.002)),
                new Dense(1, "sigmoid"));
        l2Model.compile("rmsprop", "binary_crossentropy", "accuracy");
        History l2Reg = l2Model.fit(trainData, trainLabels,
                FitOptions.epochs(3).batchSize(32).validationSplit(0.4).verbose(0));
        System.out.println("5.13 params = " + l2Model.countParams());
        System.out.println("5.13 val_loss = " + l2Reg.get("val_loss").get(2));
        System.out.println("5.13 val_accuracy = " + l2Reg.get("val_accuracy").get(2));
        System.out.println("5.13 kernel sum of squares = " + sumOfSquares(l2Model));
        System.out.println("5.13 penalty = " + Ops.addN(l2Model.losses()).item());

        // Listing 5.14 Different weight regularizers available in Keras
        Dense l1Layer = new Dense(16, "relu").kernelRegularizer(Regularizers.l1(0.001));
        l1Layer.build(10000);
        Tensor l1Kernel = l1Layer.getWeights().get(0);
        System.out.println("5.14 l1 penalty = " + Ops.addN(l1Layer.losses()).item());
        System.out.println("5.14 l1 by hand = " + 0.001f * l1Kernel.abs().sum().item());
        Dense l1l2Layer = new Dense(16, "relu").kernelRegularizer(Regularizers.l1L2(0.001, 0.001));
        l1l2Layer.build(10000);
        Tensor l1l2Kernel = l1l2Layer.getWeights().get(0);
        System.out.println("5.14 l1_l2 penalty = " + Ops.addN(l1l2Layer.losses()).item());
        System.out.println("5.14 l1_l2 by hand = "
                + (0.001f * l1l2Kernel.abs().sum().item() + 0.001f * l1l2Kernel.square().sum().item()));

        // Listing 5.15 Adding dropout to the IMDB model
        Sequential dropoutModel = new Sequential(new Dense(16, "relu"), new Dropout(0.5), new Dense(16, "relu"),
                new Dropout(0.5), new Dense(1, "sigmoid"));
        dropoutModel.compile("rmsprop", "binary_crossentropy", "accuracy");
        History dropout = dropoutModel.fit(trainData, trainLabels,
                FitOptions.epochs(3).batchSize(32).validationSplit(0.4).verbose(0));
        System.out.println("5.15 params = " + dropoutModel.countParams());
        System.out.println("5.15 val_accuracy = " + dropout.get("val_accuracy").get(2));
    }

    /** The sum of the squares of the first layer's kernel, the weights the L2 penalty keeps small. */
    static float sumOfSquares(Sequential model) {
        return model.layers().get(0).getWeights().get(0).square().sum().item();
    }

    /** np.concatenate([a, b], axis=1) for two [n, d] arrays. */
    static Tensor concatenateColumns(Tensor a, Tensor b) {
        int rows = a.dim(0);
        int left = a.dim(1);
        int right = b.dim(1);
        float[] av = a.toArray();
        float[] bv = b.toArray();
        float[] both = new float[rows * (left + right)];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(av, i * left, both, i * (left + right), left);
            System.arraycopy(bv, i * right, both, i * (left + right) + left, right);
        }
        return Tensor.of(new int[] {rows, left + right}, both);
    }

    /** np.random.random((rows, columns)). */
    static Tensor random(int rows, int columns) {
        float[] values = new float[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = RANDOM.nextFloat();
        }
        return Tensor.of(new int[] {rows, columns}, values);
    }

    static Tensor vectorizeSequences(int[][] sequences, int dimension) {
        float[] results = new float[sequences.length * dimension];
        for (int i = 0; i < sequences.length; i++) {
            for (int j : sequences[i]) {
                results[i * dimension + j] = 1f;
            }
        }
        return Tensor.of(new int[] {sequences.length, dimension}, results);
    }

    /** Six words from the label's 50 at {@code first}, amid 40 random ones (chapter 4's made-up reviews). */
    static int[] review(int first) {
        int[] words = new int[46];
        for (int i = 0; i < words.length; i++) {
            words[i] = i < 6 ? first + RANDOM.nextInt(50) : 300 + RANDOM.nextInt(9700);
        }
        return words;
    }
}
