import java.util.List;
import java.util.Map;
import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Tensor;
import org.backprop.nn.applications.VGG16;
import org.backprop.nn.data.Dataset;
import org.backprop.nn.data.Datasets;
import org.backprop.nn.data.StoredDataset;
import org.backprop.nn.layers.Conv2D;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Dropout;
import org.backprop.nn.layers.Flatten;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.layers.MaxPooling2D;
import org.backprop.nn.layers.preprocessing.RandomFlip;
import org.backprop.nn.layers.preprocessing.RandomRotation;
import org.backprop.nn.layers.preprocessing.RandomZoom;
import org.backprop.nn.layers.preprocessing.Rescaling;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.History;
import org.backprop.nn.models.Model;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.optim.RMSprop;

/**
 * Deep Learning with Python, chapter 8: introduction to deep learning for computer vision. The MNIST convnet trains
 * on a slice of the course's MNIST; the dogs-vs-cats models are built at the book's 180×180 and their augmentation
 * and dropout train on the course's Fashion-MNIST, in the MNIST convnet's shape (dogs vs. cats is not a course
 * dataset, and its 180×180 convnet is too slow for a CPU test). VGG16's feature extraction and fine-tuning run on
 * 32×32 Fashion-MNIST T-shirts and trousers, with freshly initialised weights (see {@link #pretrainedModel()}).
 */
public class Main {
    public static void main(String[] args) {
        // Listing 8.1 Instantiating a small convnet
        Input inputs = Input.shape(28, 28, 1);
        KerasTensor x = new Conv2D(32, 3, "relu").apply(inputs);
        x = new MaxPooling2D(2).apply(x);
        x = new Conv2D(64, 3, "relu").apply(x);
        x = new MaxPooling2D(2).apply(x);
        x = new Conv2D(128, 3, "relu").apply(x);
        x = new Flatten().apply(x);
        KerasTensor outputs = new Dense(10, "softmax").apply(x);
        Model model = new Model(inputs, outputs);

        // Listing 8.2 Displaying the model's summary
        model.summary();
        System.out.println("8.1 params = " + model.countParams());

        // Listing 8.3 Training the convnet on MNIST images (320 of them, 2 epochs)
        StoredDataset train = Datasets.load("mnist", "train").take(320);
        StoredDataset test = Datasets.load("mnist", "test");
        Tensor trainImages = train.batches(320).iterator().next().features().div(255f);
        Tensor trainLabels = train.batches(320).iterator().next().labels();
        Tensor testImages = test.batches(test.size()).iterator().next().features().div(255f);
        Tensor testLabels = test.batches(test.size()).iterator().next().labels();
        model.compile("rmsprop", "sparse_categorical_crossentropy", "accuracy");
        History history = model.fit(trainImages, trainLabels, FitOptions.epochs(2).batchSize(32).verbose(0));
        System.out.println("8.3 first loss = " + history.get("loss").get(0));
        System.out.println("8.3 last loss = " + history.get("loss").get(1));

        // Listing 8.4 Evaluating the convnet
        Map<String, Double> scores = model.evaluate(testImages, testLabels);
        System.out.println("8.4 test_acc = " + scores.get("accuracy"));

        // Listing 8.5 An incorrectly structured convnet missing its max-pooling layers
        Input noPoolInputs = Input.shape(28, 28, 1);
        KerasTensor y = new Conv2D(32, 3, "relu").apply(noPoolInputs);
        y = new Conv2D(64, 3, "relu").apply(y);
        y = new Conv2D(128, 3, "relu").apply(y);
        y = new Flatten().apply(y);
        Model modelNoMaxPool = new Model(noPoolInputs, new Dense(10, "softmax").apply(y));
        System.out.println("8.5 params = " + modelNoMaxPool.countParams());

        // Listing 8.7 Instantiating a small convnet for dogs vs. cats classification
        Model dogsVsCats = dogsVsCats(null, false);
        System.out.println("8.7 params = " + dogsVsCats.countParams());
        // Listing 8.8 Configuring the model for training
        dogsVsCats.compile("rmsprop", "binary_crossentropy", "accuracy");

        // Listing 8.14 Define a data augmentation stage to add to an image model
        Sequential dataAugmentation = new Sequential(
                new RandomFlip("horizontal"),
                new RandomRotation(0.1),
                new RandomZoom(0.2));

        // Listing 8.16 Defining a new convnet that includes image augmentation and dropout
        Model regularized = dogsVsCats(dataAugmentation, true);
        regularized.compile("rmsprop", "binary_crossentropy", "accuracy");
        System.out.println("8.16 params = " + regularized.countParams());

        // Listing 8.17 Training the regularized convnet: its augmentation and dropout on Fashion-MNIST, 2 epochs
        Sequential fashionAugmentation = new Sequential(
                new RandomFlip("horizontal"),
                new RandomRotation(0.1),
                new RandomZoom(0.2));
        Input fashionInputs = Input.shape(28, 28, 1);
        KerasTensor f = fashionAugmentation.apply(fashionInputs);
        f = new Rescaling(1.0 / 255).apply(f);
        f = new Conv2D(32, 3, "relu").apply(f);
        f = new MaxPooling2D(2).apply(f);
        f = new Conv2D(64, 3, "relu").apply(f);
        f = new MaxPooling2D(2).apply(f);
        f = new Conv2D(128, 3, "relu").apply(f);
        f = new Flatten().apply(f);
        f = new Dropout(0.5).apply(f);
        Model fashionModel = new Model(fashionInputs, new Dense(10, "softmax").apply(f));
        fashionModel.compile("rmsprop", "sparse_categorical_crossentropy", "accuracy");
        StoredDataset fashionTrain = Datasets.load("fashion_mnist", "train").take(320);
        StoredDataset fashionTest = Datasets.load("fashion_mnist", "test");
        History fashionHistory = fashionModel.fit(fashionTrain,
                FitOptions.epochs(2).batchSize(32).validationData(fashionTest).verbose(0));
        System.out.println("8.17 val_accuracy = " + fashionHistory.get("val_accuracy").get(1));
        // Listing 8.18 Evaluating the model on the test set
        System.out.println("8.18 test_acc = " + fashionModel.evaluate(fashionTest).get("accuracy"));

        pretrainedModel();
    }

    /**
     * Listings 8.19 to 8.28: feature extraction and fine-tuning with VGG16. The book's ImageNet weights are not here
     * (a course can publish them: Pretrained.load), so the conv base is freshly initialised, and dogs vs. cats is not
     * a course dataset: the images are Fashion-MNIST's T-shirts (label 0) and trousers (label 1), padded to VGG16's
     * smallest input, 32x32, in three equal channels. The 180x180 models are built to check their sizes.
     */
    static void pretrainedModel() {
        // Listing 8.19 Instantiating the VGG16 convolutional base (at the book's 180x180, and at 32x32 to run)
        Model bookConvBase = VGG16.builder().includeTop(false).inputShape(180, 180, 3).build();
        bookConvBase.summary();
        System.out.println("8.19 params = " + bookConvBase.countParams());
        System.out.println("8.19 output = " + shape(bookConvBase.output().shape()));
        Model convBase = VGG16.builder().includeTop(false).inputShape(32, 32, 3).build();
        System.out.println("8.19 small params = " + convBase.countParams());
        System.out.println("8.19 small output = " + shape(convBase.output().shape()));

        // Listing 8.20 Extracting the VGG16 features and corresponding labels
        Tensor[] trainDataset = tshirtsAndTrousers(Datasets.load("fashion_mnist", "train"), TRAIN_IMAGES);
        Tensor[] testDataset = tshirtsAndTrousers(Datasets.load("fashion_mnist", "test"), TEST_IMAGES);
        Tensor trainFeatures = convBase.predict(VGG16.preprocessInput(trainDataset[0]));
        Tensor trainLabels = trainDataset[1];
        Tensor testFeatures = convBase.predict(VGG16.preprocessInput(testDataset[0]));
        Tensor testLabels = testDataset[1];
        System.out.println("8.20 train features = " + shape(trainFeatures.shape()));
        System.out.println("8.20 test features = " + shape(testFeatures.shape()));

        // Listing 8.21 Defining and training the densely connected classifier (the book's on 5x5x512 features,
        // built; the same on the 1x1x512 features of 32x32 images, trained)
        System.out.println("8.21 params = " + denseClassifier(5, 5).countParams());
        Model model = denseClassifier(1, 1);
        System.out.println("8.21 small params = " + model.countParams());
        model.compile("rmsprop", "binary_crossentropy", "accuracy");
        History history = model.fit(trainFeatures, trainLabels,
                FitOptions.epochs(5).batchSize(8).validationData(testFeatures, testLabels).verbose(0));
        System.out.println("8.21 first loss = " + history.get("loss").get(0));
        System.out.println("8.21 last loss = " + history.get("loss").get(4));
        System.out.println("8.21 last val_accuracy = " + history.get("val_accuracy").get(4));

        // Listing 8.23 Instantiating and freezing the VGG16 convolutional base
        convBase = VGG16.builder().includeTop(false).inputShape(32, 32, 3).build();
        System.out.println("8.23 trainable weights before freezing = " + convBase.trainableWeights().size());
        convBase.setTrainable(false);
        System.out.println("8.23 trainable weights after freezing = " + convBase.trainableWeights().size());

        // Listing 8.24 Adding a data augmentation stage and a classifier to the convolutional base. nn's
        // preprocessInput works on tensors, not in a model: the images are preprocessed before they go in
        Sequential dataAugmentation = new Sequential(
                new RandomFlip("horizontal"),
                new RandomRotation(0.1),
                new RandomZoom(0.2));
        Input inputs = Input.shape(32, 32, 3);
        KerasTensor x = dataAugmentation.apply(inputs);
        x = convBase.apply(x);
        x = new Flatten().apply(x);
        x = new Dense(256).apply(x);
        x = new Dropout(0.5).apply(x);
        KerasTensor outputs = new Dense(1, "sigmoid").apply(x);
        Model endToEnd = new Model(inputs, outputs);
        endToEnd.summary();
        System.out.println("8.24 params = " + endToEnd.countParams());
        System.out.println("8.24 trainable weights = " + endToEnd.trainableWeights().size());
        endToEnd.compile("rmsprop", "binary_crossentropy", "accuracy");
        Tensor trainImages = VGG16.preprocessInput(trainDataset[0]);
        Tensor testImages = VGG16.preprocessInput(testDataset[0]);
        float[] block1Before = convBase.getLayer("block1_conv1").weights().get(0).value().toArray();
        History endToEndHistory = endToEnd.fit(trainImages, trainLabels,
                FitOptions.epochs(2).batchSize(8).verbose(0));
        System.out.println("8.24 first loss = " + endToEndHistory.get("loss").get(0));
        System.out.println("8.24 last loss = " + endToEndHistory.get("loss").get(1));
        System.out.println("8.24 frozen base moved = " + moved(block1Before,
                convBase.getLayer("block1_conv1").weights().get(0).value().toArray()));

        // Listing 8.25 Evaluating the model on the test set
        System.out.println("8.25 test_acc = " + endToEnd.evaluate(testImages, testLabels).get("accuracy"));

        // Listing 8.26 Freezing all layers until the fourth from the last
        convBase.setTrainable(true);
        List<Layer> layers = convBase.layers();
        for (Layer layer : layers.subList(0, layers.size() - 4)) {
            layer.setTrainable(false);
        }
        System.out.println("8.26 conv base trainable weights = " + convBase.trainableWeights().size());
        System.out.println("8.26 trainable weights = " + endToEnd.trainableWeights().size());

        // Listing 8.27 Fine-tuning the model (1 epoch of 16 of the images: two steps)
        endToEnd.compile(new RMSprop(1e-5), "binary_crossentropy", "accuracy");
        float[] block5Before = convBase.getLayer("block5_conv3").weights().get(0).value().toArray();
        block1Before = convBase.getLayer("block1_conv1").weights().get(0).value().toArray();
        History fineTuning = endToEnd.fit(trainImages.slice(0, 16), trainLabels.slice(0, 16),
                FitOptions.epochs(1).batchSize(8).verbose(0));
        System.out.println("8.27 loss = " + fineTuning.get("loss").get(0));
        System.out.println("8.27 block5_conv3 moved = " + moved(block5Before,
                convBase.getLayer("block5_conv3").weights().get(0).value().toArray()));
        System.out.println("8.27 block1_conv1 moved = " + moved(block1Before,
                convBase.getLayer("block1_conv1").weights().get(0).value().toArray()));

        // Listing 8.28 Evaluating the fine-tuned model on the test set
        System.out.println("8.28 test_acc = " + endToEnd.evaluate(testImages, testLabels).get("accuracy"));
    }

    static final int TRAIN_IMAGES = 32;
    static final int TEST_IMAGES = 16;

    /** Listing 8.21's classifier on VGG16 features of {@code height} x {@code width} x 512. */
    static Model denseClassifier(int height, int width) {
        Input inputs = Input.shape(height, width, 512);
        KerasTensor x = new Flatten().apply(inputs);
        x = new Dense(256).apply(x);
        x = new Dropout(0.5).apply(x);
        KerasTensor outputs = new Dense(1, "sigmoid").apply(x);
        return new Model(inputs, outputs);
    }

    /**
     * The first {@code count} T-shirts (0) and trousers (1) of a Fashion-MNIST split as 32x32 RGB images, values 0
     * to 255 (each 28x28 image padded by 2 pixels, its gray copied into the three channels), and their labels.
     */
    static Tensor[] tshirtsAndTrousers(StoredDataset split, int count) {
        Dataset all = split.batches(split.size()).iterator().next();
        float[] pixels = all.features().toArray();
        float[] classes = all.labels().toArray();
        float[][][][] images = new float[count][32][32][3];
        float[] labels = new float[count];
        int n = 0;
        for (int i = 0; i < classes.length && n < count; i++) {
            if (classes[i] != 0 && classes[i] != 1) {
                continue;
            }
            for (int row = 0; row < 28; row++) {
                for (int col = 0; col < 28; col++) {
                    float gray = pixels[(i * 28 + row) * 28 + col];
                    for (int channel = 0; channel < 3; channel++) {
                        images[n][row + 2][col + 2][channel] = gray;
                    }
                }
            }
            labels[n++] = classes[i];
        }
        if (n < count) {
            throw new IllegalStateException("only " + n + " T-shirts and trousers in " + split);
        }
        return new Tensor[] {Tensor.of(images), Tensor.of(labels)};
    }

    /** Returns whether any value differs: whether training moved a weight. */
    static boolean moved(float[] before, float[] after) {
        for (int i = 0; i < before.length; i++) {
            if (before[i] != after[i]) {
                return true;
            }
        }
        return false;
    }

    /** A shape without its batch axis, as 5x5x512; a tensor's shape with its batch axis, as 64x1x1x512. */
    static String shape(int[] dims) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            text.append(i > 0 ? "x" : "").append(dims[i]);
        }
        return text.toString();
    }

    /** Listings 8.7 and 8.16: the dogs-vs-cats convnet, with augmentation and dropout when asked. */
    static Model dogsVsCats(Sequential dataAugmentation, boolean dropout) {
        Input inputs = Input.shape(180, 180, 3);
        KerasTensor x = dataAugmentation == null ? inputs : dataAugmentation.apply(inputs);
        x = new Rescaling(1.0 / 255).apply(x);
        x = new Conv2D(32, 3, "relu").apply(x);
        x = new MaxPooling2D(2).apply(x);
        x = new Conv2D(64, 3, "relu").apply(x);
        x = new MaxPooling2D(2).apply(x);
        x = new Conv2D(128, 3, "relu").apply(x);
        x = new MaxPooling2D(2).apply(x);
        x = new Conv2D(256, 3, "relu").apply(x);
        x = new MaxPooling2D(2).apply(x);
        x = new Conv2D(256, 3, "relu").apply(x);
        x = new Flatten().apply(x);
        if (dropout) {
            x = new Dropout(0.5).apply(x);
        }
        KerasTensor outputs = new Dense(1, "sigmoid").apply(x);
        return new Model(inputs, outputs);
    }
}
