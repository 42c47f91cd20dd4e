import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.autograd.Gradients;
import org.backprop.nn.callbacks.Callback;
import org.backprop.nn.callbacks.EarlyStopping;
import org.backprop.nn.callbacks.ModelCheckpoint;
import org.backprop.nn.data.Dataset;
import org.backprop.nn.data.Datasets;
import org.backprop.nn.data.Labels;
import org.backprop.nn.data.StoredDataset;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Dropout;
import org.backprop.nn.losses.SparseCategoricalCrossentropy;
import org.backprop.nn.metrics.Metric;
import org.backprop.nn.metrics.SparseCategoricalAccuracy;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.History;
import org.backprop.nn.models.Model;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.optim.RMSprop;

/** Deep Learning with Python, chapter 7: working with Keras, a deep dive (on a slice of the course's MNIST). */
public class Main {
    public static void main(String[] args) {
        // Listing 7.1 The Sequential class
        Sequential first = new Sequential(new Dense(64, "relu"), new Dense(10, "softmax"));

        // Listing 7.2 Incrementally building a Sequential model
        Sequential model = new Sequential();
        model.add(new Dense(64, "relu"));
        model.add(new Dense(10, "softmax"));

        // Listing 7.3 Models that aren't yet built have no weights
        System.out.println("7.3 built = " + model.built());

        // Listing 7.4 Calling a model for the first time to build it
        model.build(-1, 3);
        System.out.println("7.4 weights = " + model.weights().size());

        // Listing 7.5 The summary() method
        model.summary();
        System.out.println("7.5 params = " + model.countParams());

        // Listing 7.6 Naming models and layers with the name argument
        Sequential named = new Sequential("my_example_model");
        Dense firstLayer = new Dense(64, "relu");
        firstLayer.setName("my_first_layer");
        Dense lastLayer = new Dense(10, "softmax");
        lastLayer.setName("my_last_layer");
        named.add(firstLayer);
        named.add(lastLayer);
        named.build(-1, 3);
        System.out.println("7.6 names = " + named.name() + " " + named.layers().get(0).name() + " "
                + named.layers().get(1).name());

        // Listing 7.7 Specifying the input shape of your model in advance
        Sequential withInput = new Sequential(Input.shape(3));
        withInput.add(new Dense(64, "relu"));
        withInput.add(new Dense(10, "softmax"));
        System.out.println("7.7 params = " + withInput.countParams());

        // Listing 7.8 A simple Functional model with two Dense layers
        Input inputs = Input.shape(3);
        KerasTensor features = new Dense(64, "relu").apply(inputs);
        KerasTensor outputs = new Dense(10, "softmax").apply(features);
        Model functional = new Model(inputs, outputs);
        System.out.println("7.8 params = " + functional.countParams());
        System.out.println("7.8 output shape = " + java.util.Arrays.toString(functional.output().shape()));

        // Listing 7.17 The standard workflow: compile(), fit(), evaluate(), predict()
        StoredDataset split = Datasets.load("mnist", "train");
        Dataset mnist = split.batches(split.size()).iterator().next();
        Tensor images = mnist.features().reshape(split.size(), 28 * 28).div(255f);
        Tensor labels = mnist.labels();
        Tensor trainImages = images.slice(200, split.size());
        Tensor valImages = images.slice(0, 200);
        Tensor trainLabels = labels.slice(200, split.size());
        Tensor valLabels = labels.slice(0, 200);
        Model mnistModel = getMnistModel();
        mnistModel.compile("rmsprop", "sparse_categorical_crossentropy", "accuracy");
        mnistModel.fit(trainImages, trainLabels, FitOptions.epochs(2).batchSize(64)
                .validationData(valImages, valLabels).verbose(0));
        Map<String, Double> testMetrics = mnistModel.evaluate(valImages, valLabels);
        Tensor predictions = mnistModel.predict(valImages);
        System.out.println("7.17 params = " + mnistModel.countParams());
        System.out.println("7.17 accuracy = " + testMetrics.get("accuracy"));
        System.out.println("7.17 predictions = " + predictions.dim(0) + "x" + predictions.dim(1));

        // Listing 7.18 Implementing a custom metric by subclassing the Metric class
        Model withRmse = getMnistModel();
        withRmse.compile("rmsprop", "sparse_categorical_crossentropy", "accuracy", new RootMeanSquaredError());
        History rmseHistory = withRmse.fit(trainImages, trainLabels, FitOptions.epochs(2).batchSize(64)
                .validationData(valImages, valLabels).verbose(0));
        System.out.println("7.18 history keys = " + rmseHistory.metrics());
        System.out.println("7.18 first rmse = " + rmseHistory.get("rmse").get(0));
        System.out.println("7.18 last rmse = " + rmseHistory.get("rmse").get(1));

        // Listing 7.19 Using the callbacks argument in the fit() method
        List<Integer> checkpoints = new ArrayList<>();
        Model withCallbacks = getMnistModel();
        withCallbacks.compile("rmsprop", "sparse_categorical_crossentropy", "accuracy");
        History stopped = withCallbacks.fit(trainImages, trainLabels, FitOptions.epochs(3).batchSize(64)
                .validationData(valImages, valLabels).verbose(0).callbacks(
                        new EarlyStopping("val_accuracy", 2),
                        new ModelCheckpoint((epoch, weights) -> checkpoints.add(epoch)).monitor("val_loss")
                                .saveBestOnly(true)));
        System.out.println("7.19 epochs = " + stopped.epochs());
        System.out.println("7.19 checkpoints saved = " + !checkpoints.isEmpty());

        // Listing 7.20 Creating a custom callback by subclassing the Callback class
        LossHistory lossHistory = new LossHistory();
        Model withLossHistory = getMnistModel();
        withLossHistory.compile("rmsprop", "sparse_categorical_crossentropy", "accuracy");
        // Keras calls on_train_batch_end after every step; nn calls onBatchEnd every progressEvery steps except an
        // epoch's last, whose loss comes with onEpochEnd.
        withLossHistory.fit(trainImages, trainLabels, FitOptions.epochs(2).batchSize(64).verbose(0)
                .progressEvery(1).callbacks(lossHistory));
        System.out.println("7.20 per-batch losses = " + lossHistory.perBatchLosses.size());
        System.out.println("7.20 epochs seen = " + lossHistory.epochs);

        // Listings 7.21-7.24 Writing a step-by-step training loop, the gradient tape as Gradients.of
        Model loopModel = getMnistModel();
        SparseCategoricalCrossentropy lossFn = new SparseCategoricalCrossentropy();
        RMSprop optimizer = new RMSprop();
        Metric accuracy = new SparseCategoricalAccuracy();
        double firstEpochAccuracy = 0;
        double lastEpochAccuracy = 0;
        for (int epoch = 0; epoch < 2; epoch++) {
            accuracy.reset();
            for (int start = 0; start < trainImages.dim(0); start += 64) {
                int end = Math.min(start + 64, trainImages.dim(0));
                trainStep(loopModel, lossFn, optimizer, accuracy, trainImages.slice(start, end),
                        trainLabels.slice(start, end));
            }
            if (epoch == 0) {
                firstEpochAccuracy = accuracy.result();
            }
            lastEpochAccuracy = accuracy.result();
        }
        // Listing 7.24 Writing a step-by-step evaluation loop
        accuracy.reset();
        accuracy.update(valLabels, loopModel.call(valImages, false));
        System.out.println("7.23 first epoch accuracy = " + firstEpochAccuracy);
        System.out.println("7.23 last epoch accuracy = " + lastEpochAccuracy);
        System.out.println("7.24 val_accuracy = " + accuracy.result());
    }

    static Model getMnistModel() {
        Input inputs = Input.shape(28 * 28);
        KerasTensor features = new Dense(512, "relu").apply(inputs);
        features = new Dropout(0.5).apply(features);
        KerasTensor outputs = new Dense(10, "softmax").apply(features);
        return new Model(inputs, outputs);
    }

    // Listing 7.21 Writing a step-by-step training loop: the training step function
    static void trainStep(Model model, SparseCategoricalCrossentropy lossFn, RMSprop optimizer, Metric accuracy,
            Tensor inputs, Tensor targets) {
        Tensor predictions = model.call(inputs, true);
        Tensor loss = lossFn.call(targets, predictions);
        List<Variable> weights = model.trainableWeights();
        List<Tensor> watched = new ArrayList<>();
        for (Variable weight : weights) {
            watched.add(weight.value());
        }
        optimizer.apply(weights, Gradients.of(loss, watched));
        accuracy.update(targets, predictions);
    }

    /** Listing 7.18: the root of the mean squared error between one-hot targets and predictions. */
    static final class RootMeanSquaredError extends Metric {
        private double mseSum;
        private double totalSamples;

        RootMeanSquaredError() {
            super("rmse");
        }

        @Override
        public void update(Tensor yTrue, Tensor yPred) {
            Tensor oneHot = Labels.toOneHot(yTrue, yPred.dim(1));
            mseSum += oneHot.sub(yPred).square().sum().item();
            totalSamples += yPred.dim(0);
        }

        @Override
        public double result() {
            return totalSamples == 0 ? 0 : Math.sqrt(mseSum / totalSamples);
        }

        @Override
        public void reset() {
            mseSum = 0;
            totalSamples = 0;
        }
    }

    /** Listing 7.20: keeps the loss of every batch. */
    static final class LossHistory extends Callback {
        final List<Double> perBatchLosses = new ArrayList<>();
        int epochs;

        @Override
        public void onBatchEnd(Model model, int epoch, int step, Map<String, Double> logs) {
            perBatchLosses.add(logs.get("loss"));
        }

        @Override
        public void onEpochEnd(Model model, int epoch, Map<String, Double> logs) {
            epochs++;
        }
    }
}
