import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.autograd.Gradients;
import org.backprop.nn.data.Dataset;
import org.backprop.nn.data.Datasets;
import org.backprop.nn.data.StoredDataset;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.losses.SparseCategoricalCrossentropy;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.History;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.ops.Ops;

/** Deep Learning with Python, chapter 2: a first look at a neural network, then the same network from scratch. */
public class Main {
    public static void main(String[] args) {
        // Listing 2.1 Loading the MNIST dataset in Keras (the course's copy: a slice of it)
        Dataset train = all(Datasets.load("mnist", "train"));
        Dataset test = all(Datasets.load("mnist", "test"));
        Tensor trainLabels = train.labels();
        Tensor testLabels = test.labels();

        // Listing 2.2 The network architecture
        Sequential model = new Sequential(
                new Dense(512, "relu"),
                new Dense(10, "softmax"));

        // Listing 2.3 The compilation step
        model.compile("rmsprop", "sparse_categorical_crossentropy", "accuracy");

        // Listing 2.4 Preparing the image data
        Tensor trainImages = train.features().reshape(train.size(), 28 * 28).div(255f);
        Tensor testImages = test.features().reshape(test.size(), 28 * 28).div(255f);

        // Listing 2.5 "Fitting" the model
        History history = model.fit(trainImages, trainLabels, FitOptions.epochs(3).batchSize(128).verbose(0));
        System.out.println("2.2 params = " + model.countParams());
        System.out.println("2.5 first loss = " + history.get("loss").get(0));
        System.out.println("2.5 last loss = " + history.get("loss").get(2));

        // Listing 2.6 Using the model to make predictions
        Tensor testDigits = testImages.slice(0, 10);
        Tensor predictions = model.predict(testDigits);
        System.out.println("2.6 prediction rows = " + predictions.dim(0) + "x" + predictions.dim(1));
        System.out.println("2.6 first prediction = " + (int) predictions.argmax(1).get(0)
                + " label " + (int) testLabels.get(0));

        // Listing 2.7 Evaluating the model on new data
        Map<String, Double> scores = model.evaluate(testImages, testLabels);
        System.out.println("2.7 test_acc = " + scores.get("accuracy"));

        // Section 2.5: reimplementing the first example from scratch, the gradient tape as Gradients.of
        NaiveSequential scratch = new NaiveSequential(List.of(
                new NaiveDense(28 * 28, 512, "relu"),
                new NaiveDense(512, 10, "softmax")));
        System.out.println("2.5 scratch weights = " + scratch.weights().size());
        double firstLoss = 0;
        double lastLoss = 0;
        for (int epoch = 0; epoch < 3; epoch++) {
            BatchGenerator batches = new BatchGenerator(trainImages, trainLabels, 128);
            for (int batch = 0; batch < batches.numBatches; batch++) {
                Tensor[] next = batches.next();
                double loss = oneTrainingStep(scratch, next[0], next[1]);
                if (epoch == 0 && batch == 0) {
                    firstLoss = loss;
                }
                lastLoss = loss;
            }
        }
        System.out.println("2.5 scratch first loss = " + firstLoss);
        System.out.println("2.5 scratch last loss = " + lastLoss);
        Tensor testPredictions = scratch.call(testImages);
        System.out.println("2.5 scratch test loss = "
                + new SparseCategoricalCrossentropy().call(testLabels, testPredictions).item());
        Tensor predictedLabels = testPredictions.argmax(1);
        int correct = 0;
        for (int i = 0; i < test.size(); i++) {
            correct += predictedLabels.get(i) == testLabels.get(i) ? 1 : 0;
        }
        System.out.println("2.5 scratch accuracy = " + (double) correct / test.size());
    }

    /** The whole split as one in-memory dataset, as keras.datasets.mnist.load_data() returns arrays. */
    static Dataset all(StoredDataset split) {
        return split.batches(split.size()).iterator().next();
    }

    /** A simple Dense class. */
    static final class NaiveDense {
        final String activation;
        final Variable w;
        final Variable b;

        NaiveDense(int inputSize, int outputSize, String activation) {
            this.activation = activation;
            Random random = new Random(inputSize * 31L + outputSize);
            float[] initial = new float[inputSize * outputSize];
            for (int i = 0; i < initial.length; i++) {
                initial[i] = random.nextFloat() * 0.1f;   // tf.random.uniform(minval=0, maxval=1e-1)
            }
            w = new Variable("W", Tensor.of(new int[] {inputSize, outputSize}, initial), true);
            b = new Variable("b", Tensor.zeros(outputSize), true);
        }

        Tensor call(Tensor inputs) {
            Tensor linear = inputs.matmul(w.value()).add(b.value());
            return activation.equals("relu") ? Ops.relu(linear) : Ops.softmax(linear);
        }

        List<Variable> weights() {
            return List.of(w, b);
        }
    }

    /** A simple Sequential class. */
    static final class NaiveSequential {
        final List<NaiveDense> layers;

        NaiveSequential(List<NaiveDense> layers) {
            this.layers = layers;
        }

        Tensor call(Tensor inputs) {
            Tensor x = inputs;
            for (NaiveDense layer : layers) {
                x = layer.call(x);
            }
            return x;
        }

        List<Variable> weights() {
            List<Variable> weights = new ArrayList<>();
            for (NaiveDense layer : layers) {
                weights.addAll(layer.weights());
            }
            return weights;
        }
    }

    /** A batch generator. */
    static final class BatchGenerator {
        final Tensor images;
        final Tensor labels;
        final int batchSize;
        final int numBatches;
        int index;

        BatchGenerator(Tensor images, Tensor labels, int batchSize) {
            this.images = images;
            this.labels = labels;
            this.batchSize = batchSize;
            this.numBatches = (images.dim(0) + batchSize - 1) / batchSize;
        }

        Tensor[] next() {
            int end = Math.min(index + batchSize, images.dim(0));
            Tensor[] batch = {images.slice(index, end), labels.slice(index, end)};
            index = end;
            return batch;
        }
    }

    static final double LEARNING_RATE = 1e-3;

    /** Running one training step: the forward pass under the "tape", then the gradients, then the update. */
    static double oneTrainingStep(NaiveSequential model, Tensor imagesBatch, Tensor labelsBatch) {
        Tensor predictions = model.call(imagesBatch);
        Tensor averageLoss = new SparseCategoricalCrossentropy().call(labelsBatch, predictions);
        List<Tensor> watched = new ArrayList<>();
        for (Variable weight : model.weights()) {
            watched.add(weight.value());
        }
        List<Tensor> gradients = Gradients.of(averageLoss, watched);
        updateWeights(gradients, model.weights());
        return averageLoss.item();
    }

    static void updateWeights(List<Tensor> gradients, List<Variable> weights) {
        for (int i = 0; i < weights.size(); i++) {
            weights.get(i).assign(weights.get(i).value().sub(gradients.get(i).mul((float) LEARNING_RATE)));
        }
    }
}
