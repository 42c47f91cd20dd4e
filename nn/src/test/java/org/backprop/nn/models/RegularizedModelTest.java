package org.backprop.nn.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Tensor;
import org.backprop.nn.examples.BenchModels;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.layers.LayerConfig;
import org.backprop.nn.ops.Ops;
import org.backprop.nn.optim.SGD;
import org.backprop.nn.random.RandomSeed;
import org.backprop.nn.regularizers.Regularizers;
import org.backprop.nn.saving.SavedModels;
import org.junit.jupiter.api.Test;

/**
 * Weight regularization as Keras 3 does it: the penalties of {@link Model#losses()} join the compiled loss in both
 * the train and the test step, their gradients reach the weights, and nested and frozen layers count as in Keras.
 */
class RegularizedModelTest {
    private static final Tensor X = Tensor.of(new float[][] {{1, 2}, {3, 4}});
    private static final Tensor Y = Tensor.of(new float[][] {{1}, {2}});

    /**
     * Dense(1) with kernel [0.5, -1] and bias 0.25 predicts -1.25 and -2.25: squared errors 2.25² = 5.0625 and
     * 4.25² = 18.0625, mean 11.5625; the book's l2(0.002) adds 0.002 × (0.25 + 1) = 0.0025.
     */
    private static Sequential bookModel() {
        Sequential model = new Sequential(Input.shape(2), new Dense(1).kernelRegularizer(Regularizers.l2(0.002)));
        model.layers().get(0).setWeights(Tensor.of(new float[][] {{0.5f}, {-1f}}), Tensor.of(new float[] {0.25f}));
        model.compile(new SGD(0.01), "mse");
        return model;
    }

    @Test
    void evaluatedLossIsTheDataLossPlusTheFactorTimesTheSumOfSquaredWeights() {
        Sequential model = bookModel();
        assertEquals(1, model.losses().size());
        assertEquals(0.0025f, model.losses().get(0).item(), 1e-8f);
        // Keras 3's test_step calls compute_loss, which adds model.losses: val_loss includes the penalty too.
        assertEquals(11.5625 + 0.0025, model.evaluate(X, Y).get("loss"), 1e-5);
    }

    @Test
    void trainStepLogsThePenalizedLossAndItsGradientShrinksTheKernel() {
        Sequential model = bookModel();
        History history = model.fit(X, Y, FitOptions.epochs(1).batchSize(2));
        assertEquals(11.5625 + 0.0025, history.get("loss").get(0), 1e-5);
        // d(mse)/dk = Σ (p - y) x = [-2.25 - 12.75, -4.5 - 17] = [-15, -21.5];
        // d(penalty)/dk = 0.004 k = [0.002, -0.004].
        float[] kernel = model.layers().get(0).getWeights().get(0).toArray();
        assertArrayEquals(new float[] {0.5f + 0.01f * 14.998f, -1f + 0.01f * 21.504f}, kernel, 1e-6f);
    }

    @Test
    void aStrongL2KeepsTheWeightsSmallerThanNone() {
        Tensor x = BenchModels.uniform(1, 64, 8);
        Tensor y = BenchModels.uniform(2, 64, 1);
        double plain = squaredNorm(trained(x, y, null));
        double regularized = squaredNorm(trained(x, y, 0.1));
        assertTrue(regularized < 0.5 * plain, "Σw² with l2(0.1) " + regularized + ", without " + plain);
    }

    private static Sequential trained(Tensor x, Tensor y, Double l2) {
        RandomSeed.set(7);
        Dense hidden = new Dense(16, "relu");
        Dense output = new Dense(1);
        if (l2 != null) {
            hidden.kernelRegularizer(Regularizers.l2(l2));
            output.kernelRegularizer(Regularizers.l2(l2));
        }
        Sequential model = new Sequential(Input.shape(8), hidden, output);
        model.compile(new SGD(0.05), "mse");
        model.fit(x, y, FitOptions.epochs(30).batchSize(16));
        return model;
    }

    private static double squaredNorm(Model model) {
        double sum = 0;
        for (Layer layer : model.layers()) {
            for (float value : layer.getWeights().get(0).toArray()) {
                sum += value * value;
            }
        }
        return sum;
    }

    /** The book's TransformerEncoder habit: a layer made of layers, its sub-layers' penalties its own. */
    private static final class Block extends Layer {
        private final Dense inner;

        Block() {
            super("block");
            inner = track(new Dense(2).kernelRegularizer("l1"));
        }

        @Override
        public String typeName() {
            return "Block";
        }

        @Override
        public int[] computeOutputShape(int[] inputShape) {
            return new int[] {2};
        }

        @Override
        protected Tensor forward(Tensor inputs, boolean training) {
            return inner.call(inputs, training);
        }
    }

    @Test
    void nestedModelsAndLayersMadeOfLayersAddTheirPenaltiesUnlessFrozen() {
        Sequential base = new Sequential(Input.shape(3), new Dense(2).kernelRegularizer(Regularizers.l2(0.5))
                .biasRegularizer(Regularizers.l1(0.25)));
        base.layers().get(0).setWeights(Tensor.of(new float[][] {{1, 0}, {0, 1}, {1, 1}}), Tensor.of(new float[] {2,
                -2}));
        Block block = new Block();
        Input inputs = Input.shape(3);
        KerasTensor outputs = block.apply(base.apply(inputs));
        Model model = new Model(inputs, outputs);
        block.setWeights(Tensor.of(new float[][] {{1, -1}, {2, 0}}), Tensor.of(new float[] {0, 0}));

        // 0.5 × 4 + 0.25 × 4 from the base, 0.01 × 4 from the block's Dense.
        assertEquals(3, model.losses().size());
        assertEquals(3.04f, Ops.addN(model.losses()).item(), 1e-6f);

        base.setTrainable(false);
        // Keras penalizes trainable_weights only: a frozen base adds nothing while it is frozen.
        assertEquals(0.04f, Ops.addN(model.losses()).item(), 1e-6f);
        assertEquals(0f, Ops.addN(base.losses()).item());
    }

    @Test
    void aSavedModelKeepsItsRegularizers() {
        Sequential model = bookModel();
        Model loaded = SavedModels.fromBytes(SavedModels.toBytes(model));
        LayerConfig config = loaded.layers().get(0).getConfig();
        assertEquals(Map.of("module", "keras.regularizers", "class_name", "L2", "config", Map.of("l2", 0.002)),
                withoutNulls(config.get("kernel_regularizer")));
        assertEquals(model.losses().get(0).item(), loaded.losses().get(0).item());
    }

    private static Map<?, ?> withoutNulls(Object serialized) {
        Map<?, ?> map = (Map<?, ?>) serialized;
        assertTrue(map.containsKey("registered_name") && map.get("registered_name") == null, map.toString());
        return Map.of("module", map.get("module"), "class_name", map.get("class_name"), "config", map.get("config"));
    }

    @Test
    void aRegularizerSetAfterBuildingIsRefusedByName() {
        Dense dense = new Dense(2);
        dense.build(3);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> dense.kernelRegularizer(Regularizers.l2()));
        assertEquals("kernelRegularizer must be set before layer \"" + dense.name() + "\" is built", e.getMessage());
        assertEquals(List.of(), dense.losses());
    }
}
