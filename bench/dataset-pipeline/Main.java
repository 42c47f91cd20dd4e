import model.Components;
import model.ConvNet;
import org.backprop.nn.data.Dataset;
import org.backprop.nn.data.Datasets;
import org.backprop.nn.data.StoredDataset;
import org.backprop.nn.losses.SparseCategoricalCrossentropy;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.Model;
import org.backprop.nn.optim.Adam;
import org.backprop.nn.random.RandomSeed;

/**
 * The dataset pipeline against the homework network (run-jvm.sh compiles this with the starter's model/ folder,
 * as a student's program): Fashion-MNIST train delivered as shuffled batches of 32, twice (the
 * first pass reads the shards from the host, the second from memory), then the starter's baseline ConvNet
 * training on the same batches. Prints one JSON line per figure.
 */
public class Main {
    static final int BATCH = 32;
    static final int TRAIN_STEPS = 40;

    public static void main(String[] args) {
        StoredDataset train = Datasets.load("fashion_mnist", "train");
        for (String pass : new String[] {"first pass", "second pass"}) {
            long started = System.currentTimeMillis();
            long checksum = 0;
            for (Dataset batch : train.shuffle(7).batches(BATCH)) {
                checksum += batch.size();
            }
            report("pipeline " + pass, checksum, System.currentTimeMillis() - started);
        }
        RandomSeed.set(2026);
        int[] image = train.featureShape();
        Model model = ConvNet.build(image[0], image[1], image[2], train.numClasses(), Components.baseline());
        model.compile(new Adam(3e-3), new SparseCategoricalCrossentropy(false), "accuracy");
        StoredDataset warmUp = train.take(BATCH * 5);
        model.fit(warmUp, FitOptions.epochs(1).batchSize(BATCH).verbose(0));
        StoredDataset timed = train.skip(BATCH * 5).take(BATCH * TRAIN_STEPS);
        long started = System.currentTimeMillis();
        model.fit(timed, FitOptions.epochs(1).batchSize(BATCH).verbose(0));
        report("training (baseline ConvNet)", timed.size(), System.currentTimeMillis() - started);
        System.out.println("{\"done\": true}");
    }

    private static void report(String what, long images, long millis) {
        System.out.println("{\"figure\": \"" + what + "\", \"images\": " + images + ", \"seconds\": " + millis / 1000.0
                + ", \"imagesPerSecond\": " + Math.round(images * 1000.0 / Math.max(1, millis)) + "}");
    }
}
