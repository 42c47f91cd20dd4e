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
import org.backprop.nn.layers.Concatenate;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Dropout;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.losses.SparseCategoricalCrossentropy;
import org.backprop.nn.metrics.Mean;
import org.backprop.nn.metrics.Metric;
import org.backprop.nn.metrics.SparseCategoricalAccuracy;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.History;
import org.backprop.nn.models.Model;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.optim.RMSprop;
import org.backprop.nn.random.RandomGenerator;
import org.backprop.nn.random.RandomSeed;

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

        TicketData ticketData = ticketModels();
        subclassedModels(ticketData);

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

        // Listing 7.25 tf.function: nn runs every step as written, with nothing to compile.
        customTrainSteps(trainImages, trainLabels);
    }

    /** Listings 7.14-7.16: subclassed models, alone and mixed with functional ones. */
    static void subclassedModels(TicketData data) {
        // Listing 7.14 A simple subclassed model, then the book's use of it, on listing 7.10's tickets.
        Tensor titleData = data.title;
        Tensor textBodyData = data.textBody;
        Tensor tagsData = data.tags;
        Tensor priorityData = data.priority;
        Tensor departmentData = data.department;
        CustomerTicketModel model = new CustomerTicketModel(4);
        System.out.println("7.14 built before call = " + model.built());
        List<Tensor> outputs = model.apply(Map.of("title", titleData, "text_body", textBodyData, "tags", tagsData));
        Tensor priority = outputs.get(0);
        Tensor department = outputs.get(1);
        System.out.println("7.14 name = " + model.name());
        System.out.println("7.14 priority = " + priority.dim(0) + "x" + priority.dim(1));
        System.out.println("7.14 department = " + department.dim(0) + "x" + department.dim(1));
        model.summary();
        System.out.println("7.14 params = " + model.countParams());
        model.compile("rmsprop", List.of("mean_squared_error", "categorical_crossentropy"),
                List.of(List.of("mean_absolute_error"), List.of("accuracy")));
        History history = model.fit(Map.of("title", titleData, "text_body", textBodyData, "tags", tagsData),
                List.of(priorityData, departmentData), FitOptions.epochs(1).verbose(0));
        Map<String, Double> evaluated = model.evaluate(
                Map.of("title", titleData, "text_body", textBodyData, "tags", tagsData),
                List.of(priorityData, departmentData));
        Map<String, Tensor> predictions = model.predict(
                Map.of("title", titleData, "text_body", textBodyData, "tags", tagsData));
        Tensor priorityPreds = predictions.get("output_1");
        Tensor departmentPreds = predictions.get("output_2");
        System.out.println("7.14 history keys = " + history.metrics());
        System.out.println("7.14 loss = " + history.get("loss").get(0));
        System.out.println("7.14 evaluated = " + evaluated.keySet());
        System.out.println("7.14 evaluated loss = " + evaluated.get("loss"));
        System.out.println("7.14 evaluated mean_squared_error_loss = " + evaluated.get("mean_squared_error_loss"));
        System.out.println("7.14 evaluated categorical_crossentropy_loss = "
                + evaluated.get("categorical_crossentropy_loss"));
        System.out.println("7.14 predictions = " + priorityPreds.dim(0) + "x" + priorityPreds.dim(1) + " "
                + departmentPreds.dim(0) + "x" + departmentPreds.dim(1));

        // Listing 7.15 Creating a Functional model that includes a subclassed model
        Input inputs = Input.shape(3);
        KerasTensor hidden = new Dense(64, "relu").apply(inputs);
        KerasTensor classified = new Classifier(10).apply(hidden);
        Model functional = new Model(inputs, classified);
        functional.summary();
        System.out.println("7.15 params = " + functional.countParams());
        System.out.println("7.15 layers = " + functional.layers().get(1).name() + " "
                + functional.layers().get(1).typeName());

        // Listing 7.16 Creating a subclassed model that includes a Functional model
        Input binaryInputs = Input.shape(64);
        Model binaryClassifier = new Model(binaryInputs, new Dense(1, "sigmoid").apply(binaryInputs));
        MyModel mine = new MyModel(binaryClassifier);
        mine.apply(Tensor.zeros(2, 3));
        mine.summary();
        System.out.println("7.16 params = " + mine.countParams());
    }

    /** Listing 7.14: the layers made in the constructor and tracked, wired in call. */
    static final class CustomerTicketModel extends Model {
        private final Concatenate concatLayer;
        private final Dense mixingLayer;
        private final Dense priorityScorer;
        private final Dense departmentClassifier;

        CustomerTicketModel(int numDepartments) {
            concatLayer = track(new Concatenate());
            mixingLayer = track(new Dense(64, "relu"));
            priorityScorer = track(new Dense(1, "sigmoid"));
            departmentClassifier = track(new Dense(numDepartments, "softmax"));
        }

        @Override
        public List<Tensor> call(Map<String, Tensor> inputs, boolean training) {
            Tensor title = inputs.get("title");
            Tensor textBody = inputs.get("text_body");
            Tensor tags = inputs.get("tags");
            Tensor features = concatLayer.callAll(List.of(title, textBody, tags), training);
            features = mixingLayer.call(features, training);
            Tensor priority = priorityScorer.call(features, training);
            Tensor department = departmentClassifier.call(features, training);
            return List.of(priority, department);
        }
    }

    /** Listing 7.15's subclassed classifier. */
    static final class Classifier extends Model {
        private final Dense dense;

        Classifier(int numClasses) {
            int numUnits = numClasses == 2 ? 1 : numClasses;
            String activation = numClasses == 2 ? "sigmoid" : "softmax";
            dense = track(new Dense(numUnits, activation));
        }

        @Override
        public Tensor call(Tensor inputs, boolean training) {
            return dense.call(inputs, training);
        }
    }

    /** Listing 7.16's subclassed model around a functional one. */
    static final class MyModel extends Model {
        private final Dense dense;
        private final Model classifier;

        MyModel(Model binaryClassifier) {
            dense = track(new Dense(64, "relu"));
            classifier = track(binaryClassifier);
        }

        @Override
        public Tensor call(Tensor inputs, boolean training) {
            Tensor features = dense.call(inputs, training);
            return classifier.call(features, training);
        }
    }

    /** Listings 7.26 and 7.27: custom training steps that fit runs. */
    static void customTrainSteps(Tensor trainImages, Tensor trainLabels) {
        // Listing 7.26 Implementing a custom training step to use with fit()
        Input inputs = Input.shape(28 * 28);
        KerasTensor features = new Dense(512, "relu").apply(inputs);
        features = new Dropout(0.5).apply(features);
        KerasTensor outputs = new Dense(10, "softmax").apply(features);
        CustomModel model = new CustomModel(inputs, outputs);
        model.compile(new RMSprop());
        History history = model.fit(trainImages, trainLabels, FitOptions.epochs(3).verbose(0));
        System.out.println("7.26 history keys = " + history.metrics());
        System.out.println("7.26 first loss = " + history.get("loss").get(0));
        System.out.println("7.26 last loss = " + history.get("loss").get(2));

        // Listing 7.27 Using the compiled loss and metrics in a custom training step
        Input compiledInputs = Input.shape(28 * 28);
        KerasTensor compiledFeatures = new Dense(512, "relu").apply(compiledInputs);
        compiledFeatures = new Dropout(0.5).apply(compiledFeatures);
        CompiledStepModel compiled = new CompiledStepModel(compiledInputs,
                new Dense(10, "softmax").apply(compiledFeatures));
        compiled.compile(new RMSprop(), new SparseCategoricalCrossentropy(), new SparseCategoricalAccuracy());
        History compiledHistory = compiled.fit(trainImages, trainLabels, FitOptions.epochs(3).verbose(0));
        System.out.println("7.27 history keys = " + compiledHistory.metrics());
        System.out.println("7.27 first loss = " + compiledHistory.get("loss").get(0));
        System.out.println("7.27 last loss = " + compiledHistory.get("loss").get(2));
        System.out.println("7.27 steps = " + compiled.steps);
    }

    /** Listing 7.26: the step computes its loss, applies the gradients and logs its loss tracker. */
    static final class CustomModel extends Model {
        private final SparseCategoricalCrossentropy lossFn = new SparseCategoricalCrossentropy();
        private final Mean lossTracker = new Mean("loss");

        CustomModel(Input inputs, KerasTensor outputs) {
            super(inputs, outputs);
        }

        @Override
        protected List<Metric> trainStep(Dataset batch) {
            Tensor predictions = call(batch.features(), true);
            Tensor loss = lossFn.call(batch.labels(), predictions);
            List<Tensor> gradients = Gradients.ofWeights(loss, trainableWeights());
            optimizer().applyGradients(gradients, trainableWeights());
            lossTracker.updateState(loss);
            return metrics();
        }

        @Override
        public List<Metric> metrics() {
            return List.of(lossTracker);
        }
    }

    /**
     * Listing 7.27: nn has no compiled_loss and compiled_metrics objects; the compiled step (loss, one optimizer
     * step, the compiled metrics) is the default trainStep, which an override calls as super.trainStep(batch).
     */
    static final class CompiledStepModel extends Model {
        int steps;

        CompiledStepModel(Input inputs, KerasTensor outputs) {
            super(inputs, outputs);
        }

        @Override
        protected List<Metric> trainStep(Dataset batch) {
            steps++;
            return super.trainStep(batch);
        }
    }

    static Model getMnistModel() {
        Input inputs = Input.shape(28 * 28);
        KerasTensor features = new Dense(512, "relu").apply(inputs);
        features = new Dropout(0.5).apply(features);
        KerasTensor outputs = new Dense(10, "softmax").apply(features);
        return new Model(inputs, outputs);
    }

    /** Listing 7.10's made-up tickets, which listing 7.14 uses again. */
    static final class TicketData {
        final Tensor title;
        final Tensor textBody;
        final Tensor tags;
        final Tensor priority;
        final Tensor department;

        TicketData(Tensor title, Tensor textBody, Tensor tags, Tensor priority, Tensor department) {
            this.title = title;
            this.textBody = textBody;
            this.tags = tags;
            this.priority = priority;
            this.department = department;
        }
    }

    // Listing 7.21 Writing a step-by-step training loop: the training step function
    /** Listings 7.9–7.13: the customer-support ticket model, with three inputs and two (then three) outputs. */
    static TicketData ticketModels() {
        // Listing 7.9 A multi-input, multi-output Functional model
        int vocabularySize = 10000;
        int numTags = 100;
        int numDepartments = 4;
        Input title = Input.shape("title", vocabularySize);
        Input textBody = Input.shape("text_body", vocabularySize);
        Input tags = Input.shape("tags", numTags);
        KerasTensor features = new Concatenate().apply(title, textBody, tags);
        features = new Dense(64, "relu").apply(features);
        Dense priorityLayer = new Dense(1, "sigmoid");
        priorityLayer.setName("priority");
        KerasTensor priority = priorityLayer.apply(features);
        Dense departmentLayer = new Dense(numDepartments, "softmax");
        departmentLayer.setName("department");
        KerasTensor department = departmentLayer.apply(features);
        Model model = new Model(List.of(title, textBody, tags), List.of(priority, department));
        model.summary();
        System.out.println("7.9 params = " + model.countParams());

        // Listing 7.10 Training a model by providing lists of input and target arrays
        int numSamples = 256; // the book has 1,280: fewer keep the sandbox's memory small
        RandomSeed.set(7);
        Tensor titleData = randomInts(numSamples, vocabularySize, 2);
        Tensor textBodyData = randomInts(numSamples, vocabularySize, 2);
        Tensor tagsData = randomInts(numSamples, numTags, 2);
        Tensor priorityData = randomUniform(numSamples, 1);
        Tensor departmentData = randomInts(numSamples, numDepartments, 2);
        model.compile("rmsprop", List.of("mean_squared_error", "categorical_crossentropy"),
                List.of(List.of("mean_absolute_error"), List.of("accuracy")));
        History listHistory = model.fit(List.of(titleData, textBodyData, tagsData),
                List.of(priorityData, departmentData), FitOptions.epochs(1).verbose(0));
        Map<String, Double> listScores = model.evaluate(List.of(titleData, textBodyData, tagsData),
                List.of(priorityData, departmentData));
        List<Tensor> listPredictions = model.predict(List.of(titleData, textBodyData, tagsData));
        Tensor priorityPreds = listPredictions.get(0);
        Tensor departmentPreds = listPredictions.get(1);
        System.out.println("7.10 history keys = " + listHistory.metrics());
        System.out.println("7.10 loss = " + listScores.get("loss"));
        System.out.println("7.10 priority_loss = " + listScores.get("priority_loss"));
        System.out.println("7.10 department_loss = " + listScores.get("department_loss"));
        System.out.println("7.10 predictions = " + priorityPreds.dim(0) + "x" + priorityPreds.dim(1) + " "
                + departmentPreds.dim(0) + "x" + departmentPreds.dim(1));

        // Listing 7.11 Training a model by providing dicts of input and target arrays
        model.compile("rmsprop", Map.of("priority", "mean_squared_error", "department", "categorical_crossentropy"),
                Map.of("priority", List.of("mean_absolute_error"), "department", List.of("accuracy")));
        Map<String, Tensor> inputData = Map.of("title", titleData, "text_body", textBodyData, "tags", tagsData);
        Map<String, Tensor> targetData = Map.of("priority", priorityData, "department", departmentData);
        History dictHistory = model.fit(inputData, targetData, FitOptions.epochs(1).verbose(0));
        model.evaluate(inputData, targetData);
        Map<String, Tensor> dictPredictions = model.predict(inputData);
        System.out.println("7.11 history keys = " + dictHistory.metrics());
        System.out.println("7.11 prediction keys = " + dictPredictions.keySet());

        // Listing 7.12 Retrieving the inputs or outputs of a layer in a Functional model
        // The book's model.layers[3]: nn's layers() leaves out the three inputs that Keras's list starts with.
        List<String> layerNames = new ArrayList<>();
        for (Layer layer : model.layers()) {
            layerNames.add(layer.name());
        }
        Layer concatenate = model.layers().get(0);
        List<String> inputShapes = new ArrayList<>();
        for (KerasTensor input : concatenate.inputs()) {
            inputShapes.add(java.util.Arrays.toString(input.shape()));
        }
        System.out.println("7.12 layers = " + layerNames);
        System.out.println("7.12 concatenate inputs = " + inputShapes);
        System.out.println("7.12 concatenate output = " + java.util.Arrays.toString(concatenate.output().shape()));

        // Listing 7.13 Creating a new model by reusing intermediate layer outputs
        KerasTensor intermediate = model.layers().get(1).output(); // the book's model.layers[4]
        Dense difficultyLayer = new Dense(3, "softmax");
        difficultyLayer.setName("difficulty");
        KerasTensor difficulty = difficultyLayer.apply(intermediate);
        Model newModel = new Model(List.of(title, textBody, tags), List.of(priority, department, difficulty));
        newModel.summary();
        System.out.println("7.13 params = " + newModel.countParams());
        System.out.println("7.13 outputs = " + newModel.outputNames());
        return new TicketData(titleData, textBodyData, tagsData, priorityData, departmentData);
    }

    /** Returns a {@code rows × columns} array of whole numbers in {@code [0, bound)}, as {@code np.random.randint}. */
    static Tensor randomInts(int rows, int columns, int bound) {
        RandomGenerator random = RandomSeed.generator();
        float[] values = new float[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(bound);
        }
        return Tensor.of(new int[] {rows, columns}, values);
    }

    /** Returns a {@code rows × columns} array of numbers in {@code [0, 1)}, as {@code np.random.random}. */
    static Tensor randomUniform(int rows, int columns) {
        RandomGenerator random = RandomSeed.generator();
        float[] values = new float[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        return Tensor.of(new int[] {rows, columns}, values);
    }

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
