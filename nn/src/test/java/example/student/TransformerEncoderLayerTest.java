package example.student;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Embedding;
import org.backprop.nn.layers.Flatten;
import org.backprop.nn.layers.LayerNames;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.History;
import org.backprop.nn.models.Model;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.random.RandomGenerator;
import org.backprop.nn.random.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A layer made of layers, written by a student ({@link TransformerEncoder}): its sub-layers' weights are its own, it
 * is one row of the summary with Keras's parameter count, freezing it freezes them, its config carries its settings,
 * and a model with it learns.
 */
class TransformerEncoderLayerTest {
    private static final int STEPS = 6;

    @BeforeEach
    void freshNamesAndSeed() {
        LayerNames.reset();
        RandomSeed.set(17);
    }

    private static Model classifier(TransformerEncoder encoder) {
        Input inputs = Input.shape(STEPS);
        KerasTensor x = encoder.apply(new Embedding(20, 8).apply(inputs));
        return new Model(inputs, new Dense(1, "sigmoid").apply(new Flatten().apply(x)));
    }

    @Test
    void tracksItsSublayersWeightsWithKerasCounts() {
        TransformerEncoder encoder = new TransformerEncoder(8, 16, 2);
        Model model = classifier(encoder);
        // Keras: attention 3·(8·2·8 + 2·8) + (2·8·8 + 8) = 568; dense_proj (8·16 + 16) + (16·8 + 8) = 280; two
        // LayerNormalizations 2·8 each.
        assertEquals(880, encoder.countParams());
        assertEquals(16, encoder.weights().size());
        assertEquals(160 + 880 + 49, model.countParams());
        assertTrue(model.summaryText().contains(
                "│ transformer_encoder (TransformerEncoder) │ (None, 6, 8)             │             880 │"),
                model.summaryText());
    }

    @Test
    void masksThePaddingAsTheBooksCallWithAMaskDoes() {
        // An Embedding masking id 0 hands its mask to forward(inputs, mask, training); the real steps of a padded
        // sequence then come out as they do without the padding.
        Tensor padded = Tensor.of(new float[][] {{3, 7, 1, 4, 0, 0}});
        Tensor unpadded = Tensor.of(new float[][] {{3, 7, 1, 4}});
        Embedding embedding = new Embedding(20, 8).maskZero(true);
        TransformerEncoder encoder = new TransformerEncoder(8, 16, 2);
        Tensor out = new Sequential(embedding, encoder).call(padded, false);
        TransformerEncoder shorter = new TransformerEncoder(8, 16, 2);
        shorter.build(4, 8);
        shorter.setWeights(encoder.getWeights().toArray(new Tensor[0]));
        Embedding shorterEmbedding = new Embedding(20, 8);
        shorterEmbedding.build(4);
        shorterEmbedding.setWeights(embedding.getWeights().get(0));
        float[] expected = shorter.apply(shorterEmbedding.apply(unpadded)).toArray();
        float[] got = out.slice(1, 0, 4).toArray();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], got[i], 1e-5, "value " + i);
        }
    }

    @Test
    void freezingItFreezesEverySublayer() {
        TransformerEncoder encoder = new TransformerEncoder(8, 16, 2);
        Model model = classifier(encoder);
        encoder.setTrainable(false);
        assertEquals(List.of(), encoder.trainableWeights());
        for (var layer : encoder.sublayers()) {
            assertTrue(!layer.trainable(), layer.name() + " is frozen with its encoder");
        }
        assertEquals(160 + 49, count(model.trainableWeights()));
    }

    @Test
    void carriesItsSettingsInItsConfig() {
        TransformerEncoder encoder = new TransformerEncoder(8, 16, 2);
        assertEquals("transformer_encoder", encoder.getConfig().getString("name"));
        assertEquals(8, encoder.getConfig().getInt("embed_dim"));
        assertEquals(16, encoder.getConfig().getInt("dense_dim"));
        assertEquals(2, encoder.getConfig().getInt("num_heads"));
    }

    @Test
    void aModelWithItLearns() {
        TransformerEncoder encoder = new TransformerEncoder(8, 16, 2);
        Model model = classifier(encoder);
        model.compile("adam", "binary_crossentropy", "accuracy");
        RandomGenerator random = new RandomGenerator(3);
        int[][] ids = new int[32][STEPS];
        int[] labels = new int[32];
        for (int i = 0; i < ids.length; i++) {
            for (int t = 0; t < STEPS; t++) {
                ids[i][t] = random.nextInt(20);
            }
            labels[i] = ids[i][0] < 10 ? 1 : 0;
        }
        List<Tensor> before = values(encoder.weights());
        History history = model.fit(Tensor.of(ids), Tensor.of(labels), FitOptions.epochs(15).batchSize(8).verbose(0));
        List<Double> losses = history.get("loss");
        assertTrue(losses.get(14) < losses.get(0), "losses " + losses);
        List<Tensor> after = values(encoder.weights());
        for (int i = 0; i < before.size(); i++) {
            assertNotEquals(before.get(i), after.get(i), encoder.weights().get(i).name() + " trained");
        }
    }

    private static int count(List<Variable> weights) {
        int count = 0;
        for (Variable weight : weights) {
            count += weight.size();
        }
        return count;
    }

    private static List<Tensor> values(List<Variable> weights) {
        List<Tensor> values = new ArrayList<>();
        for (Variable weight : weights) {
            values.add(weight.value().detach());
        }
        return values;
    }
}
