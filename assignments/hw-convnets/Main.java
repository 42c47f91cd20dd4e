import model.Components;
import model.ConvNet;
import org.backprop.nn.Tensor;
import org.backprop.nn.data.Dataset;
import org.backprop.nn.losses.SparseCategoricalCrossentropy;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.History;
import org.backprop.nn.models.Model;
import org.backprop.nn.optim.Adam;
import org.backprop.nn.random.RandomGenerator;
import org.backprop.nn.random.RandomSeed;

/**
 * Runs the ablation study: the baseline and one variant per removed component, each from the same seed.
 * Every fit becomes a run record (name, tags, seed, curves) that your report embeds.
 *
 * It trains on a few random images so that it runs as soon as you press Run; replace
 * {@link #placeholderImages} with your team's two datasets, and run each variant on both.
 */
public class Main {
    /** Record every seed: a run that cannot be repeated cannot be checked. */
    static final long SEED = 2026;
    static final int SIZE = 32;
    static final int CLASSES = 3;

    public static void main(String[] args) {
        Dataset data = placeholderImages(48, SIZE, CLASSES);
        for (Components variant : Components.ablation()) {
            RandomSeed.set(SEED);
            Model model = ConvNet.build(SIZE, SIZE, 3, CLASSES, variant);
            model.compile(new Adam(1e-3), new SparseCategoricalCrossentropy(false), "accuracy");
            History history = model.fit(data, FitOptions.epochs(2).batchSize(16).validationSplit(0.25)
                    .runName(variant.name).tags(variant.tag()).datasetName("placeholder (random images)"));
            System.out.println(variant.name + ": val_accuracy " + history.get("val_accuracy"));
        }
    }

    /** Returns {@code count} random RGB images with random labels: a stand-in until you load real data. */
    static Dataset placeholderImages(int count, int size, int classes) {
        RandomGenerator random = RandomSeed.generator();
        float[] pixels = new float[count * size * size * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt(256);
        }
        float[] labels = new float[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(classes);
        }
        return Dataset.of(Tensor.of(new int[] {count, size, size, 3}, pixels), Tensor.of(new int[] {count}, labels));
    }
}
