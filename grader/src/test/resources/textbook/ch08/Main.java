import java.util.Map;
import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Tensor;
import org.backprop.nn.data.Datasets;
import org.backprop.nn.data.StoredDataset;
import org.backprop.nn.layers.Conv2D;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Dropout;
import org.backprop.nn.layers.Flatten;
import org.backprop.nn.layers.MaxPooling2D;
import org.backprop.nn.layers.preprocessing.RandomFlip;
import org.backprop.nn.layers.preprocessing.RandomRotation;
import org.backprop.nn.layers.preprocessing.RandomZoom;
import org.backprop.nn.layers.preprocessing.Rescaling;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.History;
import org.backprop.nn.models.Model;
import org.backprop.nn.models.Sequential;

/**
 * Deep Learning with Python, chapter 8: introduction to deep learning for computer vision. The MNIST convnet trains
 * on a slice of the course's MNIST; the dogs-vs-cats models are built at the book's 180×180 and their augmentation
 * and dropout train on the course's Fashion-MNIST, in the MNIST convnet's shape (dogs vs. cats is not a course
 * dataset, and its 180×180 convnet is too slow for a CPU test).
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
