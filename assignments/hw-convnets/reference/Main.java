import model.Components;
import model.ConvNet;
import org.backprop.nn.data.Datasets;
import org.backprop.nn.data.StoredDataset;
import org.backprop.nn.losses.SparseCategoricalCrossentropy;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.History;
import org.backprop.nn.models.Model;
import org.backprop.nn.optim.Adam;
import org.backprop.nn.random.RandomSeed;

/**
 * The reference solution of the homework (never served to students: the server publishes only the starter's files;
 * the grader's end-to-end test lays this file over the starter and grades it with the starter's model/ classes).
 *
 * On each of the team's two datasets it runs the ablation study (the baseline and one variant per removed
 * component, each from the same seed on the same examples, so that they compare like with like), then trains the
 * final model (the baseline's network) on more examples and saves it under the dataset's name, which the grader
 * evaluates on the hidden test split. Every fit is handed in: the study's runs for the ablation, curves and
 * reproduction items, the final ones for the held-out item.
 */
public class Main {
    static final long SEED = 2026;
    static final String[] DATASETS = {"fashion_mnist", "mnist"};
    /** The last examples of train, kept out of training to validate on. */
    static final int VALIDATION_EXAMPLES = 100;
    /** Examples each run of the ablation study trains on: few, so that the study takes minutes. */
    static final int STUDY_EXAMPLES = 200;
    /** Examples the final model trains on. */
    static final int FINAL_EXAMPLES = 2400;
    static final int EPOCHS = 5;
    /** The final model trains longer: it is the one evaluated on the hidden split. */
    static final int FINAL_EPOCHS = 6;
    static final double LEARNING_RATE = 3e-3;

    public static void main(String[] args) {
        for (String name : DATASETS) {
            StoredDataset all = Datasets.load(name, "train");
            StoredDataset validation = all.skip(all.size() - VALIDATION_EXAMPLES);
            StoredDataset pool = all.take(all.size() - VALIDATION_EXAMPLES).shuffle(SEED);
            System.out.println(all + ": the study trains on " + STUDY_EXAMPLES + ", the final model on "
                    + Math.min(FINAL_EXAMPLES, pool.size()) + ", validating on " + validation.size());
            for (Components variant : Components.ablation()) {
                History history = train(name + "/" + variant.name, all, pool.take(STUDY_EXAMPLES), validation, variant,
                        EPOCHS, 16).history;
                System.out.println(name + " " + variant.name + ": val_accuracy " + history.get("val_accuracy"));
            }
            Trained model = train(name + "/final", all, pool.take(Math.min(FINAL_EXAMPLES, pool.size())), validation,
                    Components.baseline(), FINAL_EPOCHS, 32);
            System.out.println(name + " final: val_accuracy " + model.history.get("val_accuracy"));
            // The grader scores the model saved under the dataset's name on its hidden test split.
            model.model.save(name);
        }
    }

    /** A trained model and its history. */
    static final class Trained {
        final Model model;
        final History history;

        Trained(Model model, History history) {
            this.model = model;
            this.history = history;
        }
    }

    private static Trained train(String runName, StoredDataset all, StoredDataset train, StoredDataset validation,
            Components variant, int epochs, int batchSize) {
        int[] image = all.featureShape();
        RandomSeed.set(SEED);
        Model model = ConvNet.build(image[0], image[1], image[2], all.numClasses(), variant);
        model.compile(new Adam(LEARNING_RATE), new SparseCategoricalCrossentropy(false), "accuracy");
        History history = model.fit(train, FitOptions.epochs(epochs).batchSize(batchSize).validationData(validation)
                .runName(runName).tags(variant.tag()));
        return new Trained(model, history);
    }
}
