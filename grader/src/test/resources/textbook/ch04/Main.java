import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.backprop.nn.Tensor;
import org.backprop.nn.data.Labels;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.History;
import org.backprop.nn.models.Sequential;

/**
 * Deep Learning with Python, chapter 4: classifying movie reviews, classifying newswires, predicting house prices.
 * IMDB, Reuters and Boston Housing are not course datasets, so this program makes stand-ins of the same shapes:
 * reviews and newswires as word indices below 10,000 whose label words say the answer amid random words, and houses
 * as 13 features whose price is a fixed function of them plus noise.
 */
public class Main {
    static final Random RANDOM = new Random(4);

    public static void main(String[] args) {
        imdb();
        reuters();
        boston();
    }

    static void imdb() {
        // Listing 4.1 Loading the IMDB dataset (a stand-in: words 10-59 are positive, 60-109 negative)
        int[][] trainData = new int[600][];
        float[] trainLabels = new float[600];
        for (int i = 0; i < trainData.length; i++) {
            trainLabels[i] = RANDOM.nextInt(2);
            trainData[i] = review(trainLabels[i] == 1 ? 10 : 60, 50, 6, 40);
        }
        // Listing 4.3 Encoding the integer sequences via multi-hot encoding
        Tensor xTrain = vectorizeSequences(trainData, 10000);
        Tensor yTrain = Tensor.of(trainLabels);

        // Listing 4.4 Model definition
        Sequential model = new Sequential(
                new Dense(16, "relu"),
                new Dense(16, "relu"),
                new Dense(1, "sigmoid"));
        // Listing 4.5 Compiling the model
        model.compile("rmsprop", "binary_crossentropy", "accuracy");
        // Listing 4.6 Setting aside a validation set (the book's 10,000 of 25,000 is 200 of 600 here)
        Tensor xVal = xTrain.slice(0, 200);
        Tensor partialXTrain = xTrain.slice(200, 600);
        Tensor yVal = yTrain.slice(0, 200);
        Tensor partialYTrain = yTrain.slice(200, 600);
        // Listing 4.7 Training your model (4 epochs of batches of 32 here, the book's 20 of 512 on 15,000 reviews)
        History history = model.fit(partialXTrain, partialYTrain,
                FitOptions.epochs(4).batchSize(32).validationData(xVal, yVal).verbose(0));
        Map<String, List<Double>> historyDict = history.asMap();
        System.out.println("4.4 params = " + model.countParams());
        System.out.println("4.7 history keys = " + historyDict.keySet());
        System.out.println("4.7 first val_loss = " + historyDict.get("val_loss").get(0));
        System.out.println("4.7 last val_loss = " + historyDict.get("val_loss").get(3));
        System.out.println("4.7 last val_accuracy = " + historyDict.get("val_accuracy").get(3));
    }

    static void reuters() {
        // Listing 4.11 Loading the Reuters dataset (a stand-in: topic t has words 10+5t .. 14+5t)
        int[][] trainData = new int[400][];
        float[] trainLabels = new float[400];
        for (int i = 0; i < trainData.length; i++) {
            trainLabels[i] = RANDOM.nextInt(46);
            trainData[i] = review(10 + 5 * (int) trainLabels[i], 5, 4, 30);
        }
        // Listing 4.13 Encoding the input data
        Tensor xTrain = vectorizeSequences(trainData, 10000);
        // Listing 4.14 Encoding the labels
        Tensor yTrain = Labels.toOneHot(Tensor.of(trainLabels), 46);

        // Listing 4.15 Model definition
        Sequential model = new Sequential(
                new Dense(64, "relu"),
                new Dense(64, "relu"),
                new Dense(46, "softmax"));
        // Listing 4.16 Compiling the model
        model.compile("rmsprop", "categorical_crossentropy", "accuracy");
        // Listing 4.17 Setting aside a validation set
        Tensor xVal = xTrain.slice(0, 100);
        Tensor partialXTrain = xTrain.slice(100, 400);
        Tensor yVal = yTrain.slice(0, 100);
        Tensor partialYTrain = yTrain.slice(100, 400);
        // Listing 4.18 Training the model
        History history = model.fit(partialXTrain, partialYTrain,
                FitOptions.epochs(4).batchSize(32).validationData(xVal, yVal).verbose(0));
        System.out.println("4.15 params = " + model.countParams());
        System.out.println("4.18 last val_accuracy = " + history.get("val_accuracy").get(3));

        // Listing 4.22 A model with an information bottleneck
        Sequential bottleneck = new Sequential(
                new Dense(64, "relu"),
                new Dense(4, "relu"),
                new Dense(46, "softmax"));
        bottleneck.build(-1, 10000);
        System.out.println("4.22 params = " + bottleneck.countParams());
    }

    static void boston() {
        // Listing 4.23 Loading the Boston housing dataset (a stand-in: 404 training and 102 test houses)
        float[][] trainData = houses(404);
        float[][] testData = houses(102);
        float[] trainTargets = prices(trainData);
        float[] testTargets = prices(testData);
        // Listing 4.24 Normalizing the data (with the training data's mean and standard deviation; the test data first,
        // since the training data is normalized in place)
        normalize(trainData, testData);
        normalize(trainData, trainData);

        // Listing 4.26 K-fold validation (k = 4 as in the book, 5 epochs each instead of 100)
        int k = 4;
        int numValSamples = trainData.length / k;
        List<Double> allScores = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            float[][] valData = rows(trainData, i * numValSamples, (i + 1) * numValSamples);
            float[] valTargets = slice(trainTargets, i * numValSamples, (i + 1) * numValSamples);
            float[][] partialTrainData = concat(rows(trainData, 0, i * numValSamples),
                    rows(trainData, (i + 1) * numValSamples, trainData.length));
            float[] partialTrainTargets = concat(slice(trainTargets, 0, i * numValSamples),
                    slice(trainTargets, (i + 1) * numValSamples, trainTargets.length));
            Sequential model = buildModel();
            model.fit(Tensor.of(partialTrainData), Tensor.of(partialTrainTargets),
                    FitOptions.epochs(5).batchSize(16).verbose(0));
            Map<String, Double> scores = model.evaluate(Tensor.of(valData), Tensor.of(valTargets));
            allScores.add(scores.get("mae"));
        }
        double mean = 0;
        for (double score : allScores) {
            mean += score / k;
        }
        System.out.println("4.26 folds = " + allScores.size());
        System.out.println("4.26 mean val_mae = " + mean);

        // Listing 4.31 Training the final model (20 epochs instead of 130)
        Sequential model = buildModel();
        model.fit(Tensor.of(trainData), Tensor.of(trainTargets), FitOptions.epochs(20).batchSize(16).verbose(0));
        Map<String, Double> test = model.evaluate(Tensor.of(testData), Tensor.of(testTargets));
        System.out.println("4.25 params = " + model.countParams());
        System.out.println("4.31 test_mae_score = " + test.get("mae"));
        System.out.println("4.31 mean-price mae = " + meanPriceMae(trainTargets, testTargets));
    }

    // Listing 4.25 Model definition
    static Sequential buildModel() {
        Sequential model = new Sequential(
                new Dense(64, "relu"),
                new Dense(64, "relu"),
                new Dense(1));
        model.compile("rmsprop", "mse", "mae");
        return model;
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

    /** {@code labelWords} words drawn from the label's {@code span} words at {@code first}, amid random ones. */
    static int[] review(int first, int span, int labelWords, int otherWords) {
        int[] words = new int[labelWords + otherWords];
        for (int i = 0; i < words.length; i++) {
            words[i] = i < labelWords ? first + RANDOM.nextInt(span) : 300 + RANDOM.nextInt(9700);
        }
        return words;
    }

    static float[][] houses(int count) {
        float[][] houses = new float[count][13];
        for (float[] house : houses) {
            for (int j = 0; j < 13; j++) {
                house[j] = (float) (RANDOM.nextGaussian() * (j + 1) + 10 * j);
            }
        }
        return houses;
    }

    /** Thousands of dollars: a fixed function of three features, plus noise. */
    static float[] prices(float[][] houses) {
        float[] prices = new float[houses.length];
        for (int i = 0; i < houses.length; i++) {
            prices[i] = (float) (22 + 8 * (houses[i][5] - 50) / 6 - 6 * (houses[i][12] - 120) / 13
                    + (houses[i][0] * houses[i][0]) / 2 + RANDOM.nextGaussian());
        }
        return prices;
    }

    static void normalize(float[][] reference, float[][] data) {
        for (int j = 0; j < 13; j++) {
            double mean = 0;
            for (float[] row : reference) {
                mean += row[j] / reference.length;
            }
            double variance = 0;
            for (float[] row : reference) {
                variance += (row[j] - mean) * (row[j] - mean) / reference.length;
            }
            double std = Math.sqrt(variance);
            for (float[] row : data) {
                row[j] = (float) ((row[j] - mean) / std);
            }
        }
    }

    static double meanPriceMae(float[] trainTargets, float[] testTargets) {
        double mean = 0;
        for (float target : trainTargets) {
            mean += target / trainTargets.length;
        }
        double mae = 0;
        for (float target : testTargets) {
            mae += Math.abs(target - mean) / testTargets.length;
        }
        return mae;
    }

    static float[][] rows(float[][] data, int from, int to) {
        float[][] rows = new float[to - from][];
        System.arraycopy(data, from, rows, 0, to - from);
        return rows;
    }

    static float[] slice(float[] data, int from, int to) {
        float[] part = new float[to - from];
        System.arraycopy(data, from, part, 0, to - from);
        return part;
    }

    static float[][] concat(float[][] a, float[][] b) {
        float[][] both = new float[a.length + b.length][];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    static float[] concat(float[] a, float[] b) {
        float[] both = new float[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
