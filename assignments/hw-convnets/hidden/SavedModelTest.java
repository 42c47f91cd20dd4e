import model.Components;
import model.ConvNet;
import org.backprop.nn.Tensor;
import org.backprop.nn.models.Model;
import org.backprop.nn.random.RandomSeed;
import org.backprop.nn.saving.SavedModels;
import org.backprop.nn.testing.Assertions;
import org.backprop.nn.testing.Test;

/**
 * Hidden tests of the "saved-model" item: the submitted network builds for the grader's images, and a saved model
 * of it loads back into the same network, predicting exactly as before. Run by the grader against the team's
 * classes (model/ConvNet.java, model/Components.java); never shown to students.
 */
public class SavedModelTest {
    private static final int HEIGHT = 28;
    private static final int WIDTH = 28;
    private static final int CHANNELS = 1;
    private static final int CLASSES = 10;

    /** Two greyscale images with a fixed pattern of pixels in [0, 255]. */
    private static Tensor images() {
        float[] pixels = new float[2 * HEIGHT * WIDTH * CHANNELS];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i * 37) % 256;
        }
        return Tensor.of(new int[] {2, HEIGHT, WIDTH, CHANNELS}, pixels);
    }

    private static Model baseline() {
        RandomSeed.set(2026);
        Model model = ConvNet.build(HEIGHT, WIDTH, CHANNELS, CLASSES, Components.baseline());
        Assertions.assertNotNull(model, "ConvNet.build returned no model");
        return model;
    }

    @Test
    public void baselineBuildsForTenClassesOfGreyscaleImages() {
        Tensor predictions = baseline().predict(images());
        int[] shape = predictions.shape();
        Assertions.assertEquals(2, shape.length, "dimensions of the predictions for a batch of images");
        Assertions.assertEquals(2, shape[0], "predictions for a batch of 2 images");
        Assertions.assertEquals(CLASSES, shape[1], "classes the network predicts for 10 classes");
    }

    @Test
    public void savedBaselineLoadsWithTheSameParameters() {
        Model model = baseline();
        Model loaded = SavedModels.fromBytes(SavedModels.toBytes(model));
        Assertions.assertEquals(model.countParams(), loaded.countParams(), "parameters of the loaded model");
        Assertions.assertEquals(model.layers().size(), loaded.layers().size(), "layers of the loaded model");
    }

    @Test
    public void savedBaselinePredictsAsBefore() {
        Model model = baseline();
        Tensor images = images();
        float[] before = model.predict(images).toArray();
        Model loaded = SavedModels.fromBytes(SavedModels.toBytes(model));
        Assertions.assertClose(before, loaded.predict(images).toArray(), 0.0,
                "the loaded model's predictions for the same images");
    }

    @Test
    public void everyAblationVariantBuildsAndSaves() {
        Components[] variants = Components.ablation();
        Assertions.assertTrue(variants.length >= 5, "Components.ablation() has the baseline and a variant per"
                + " component (at least 5), got " + variants.length);
        for (Components variant : variants) {
            RandomSeed.set(2026);
            Model model = ConvNet.build(HEIGHT, WIDTH, CHANNELS, CLASSES, variant);
            Assertions.assertNotNull(model, "ConvNet.build returned no model for " + variant.name);
            Assertions.assertEquals(CLASSES, model.predict(images()).shape()[1],
                    "classes the " + variant.name + " variant predicts");
            Model loaded = SavedModels.fromBytes(SavedModels.toBytes(model));
            Assertions.assertEquals(model.countParams(), loaded.countParams(),
                    "parameters of the " + variant.name + " variant after saving and loading");
        }
    }
}
