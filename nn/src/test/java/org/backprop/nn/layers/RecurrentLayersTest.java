package org.backprop.nn.layers;

import static org.backprop.nn.GradientChecks.check;
import static org.backprop.nn.GradientChecks.checkWeights;
import static org.backprop.nn.GradientChecks.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.backprop.nn.Input;
import org.backprop.nn.Tensor;
import org.backprop.nn.models.Model;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.ops.Ops;
import org.backprop.nn.random.RandomSeed;
import org.backprop.nn.saving.SavedModels;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SimpleRNN, GRU and Bidirectional (Deep Learning with Python, chapter 10), and masked steps in every recurrent
 * layer: Keras's parameter counts and shapes, values computed by hand, a masked step being the same as a step
 * left out, and gradients against central differences.
 */
class RecurrentLayersTest {

    @BeforeEach
    void freshNamesAndSeed() {
        LayerNames.reset();
        RandomSeed.set(5);
    }

    private static Tensor weightedSum(Tensor y) {
        return Ops.sumAll(Ops.multiply(y, random(9, -1, 1, y.shape())));
    }

    @Test
    void countsParametersAndShapesAsKeras() {
        // Keras 3: GRU(32) on 14 features has kernel (14, 96), recurrent_kernel (32, 96), bias (2, 96).
        GRU gru = new GRU(32);
        gru.build(120, 14);
        assertEquals(4608, gru.countParams());
        assertArrayEquals(new int[] {2, 96}, gru.weights().get(2).shape());
        GRU keras2Gru = new GRU(32).resetAfter(false);
        keras2Gru.build(120, 14);
        assertEquals(4512, keras2Gru.countParams());
        SimpleRNN rnn = new SimpleRNN(16).returnSequences(true);
        rnn.build(10, 8);
        assertEquals(16 * 8 + 16 * 16 + 16, rnn.countParams());
        assertArrayEquals(new int[] {10, 16}, rnn.computeOutputShape(new int[] {10, 8}));
        // The book's Bidirectional(LSTM(16)) on 14 features: twice LSTM's 1984, and both outputs side by side.
        Bidirectional bidirectional = new Bidirectional(new LSTM(16));
        bidirectional.build(120, 14);
        assertEquals(2 * 1984, bidirectional.countParams());
        assertArrayEquals(new int[] {32}, bidirectional.computeOutputShape(new int[] {120, 14}));
        assertArrayEquals(new int[] {120, 16}, new Bidirectional(new GRU(16).returnSequences(true), "sum")
                .computeOutputShape(new int[] {120, 14}));
        assertEquals("bidirectional/forward_lstm/kernel", bidirectional.weights().get(0).name());
        assertEquals("bidirectional/backward_lstm/bias", bidirectional.weights().get(5).name());
    }

    @Test
    void summarisesAndSavesTheBooksBidirectionalModel() {
        // Deep Learning with Python, listing 10.24, on ids with chapter 11's masked embedding before it.
        Sequential model = new Sequential(Input.shape(120), new Embedding(50, 14).maskZero(true),
                new Bidirectional(new LSTM(16)), new Dropout(0.5), new Dense(1, "sigmoid"));
        String summary = model.summaryText();
        assertTrue(summary.contains("│ bidirectional (Bidirectional)     │ (None, 32)               │           3,968 │"),
                summary);
        Model loaded = SavedModels.fromBytes(SavedModels.toBytes(model));
        Tensor ids = Tensor.of(new float[][] {{3, 9, 4, 0, 0}, {7, 1, 1, 2, 5}});
        Tensor padded = Ops.concatenate(List.of(ids, Tensor.zeros(2, 115)), 1);
        assertClose(model.predict(padded), loaded.predict(padded), "the loaded model");
    }

    @Test
    void simpleRnnComputesTanhOfInputAndPreviousOutput() {
        SimpleRNN rnn = new SimpleRNN(1).returnSequences(true);
        rnn.build(2, 1);
        rnn.setWeights(Tensor.of(new float[][] {{1}}), Tensor.of(new float[][] {{0.5f}}), Tensor.of(new float[] {0.1f}));
        Tensor y = rnn.apply(Tensor.of(new float[][][] {{{1}, {2}}}));
        double h1 = Math.tanh(1.1);
        assertEquals(h1, y.get(0), 1e-6);
        assertEquals(Math.tanh(2.1 + 0.5 * h1), y.get(1), 1e-6);
    }

    @Test
    void gruComputesKerasGatesByHand() {
        // One unit, one feature, two steps: gates (z, r, candidate) in Keras's order, reset after the product.
        GRU gru = new GRU(1);
        gru.build(2, 1);
        float[] k = {0.5f, -0.3f, 0.8f};
        float[] u = {0.2f, 0.4f, -0.6f};
        float[] bx = {0.1f, -0.1f, 0.05f};
        float[] bh = {0.3f, 0.2f, -0.2f};
        gru.setWeights(Tensor.of(new int[] {1, 3}, k), Tensor.of(new int[] {1, 3}, u),
                Tensor.of(new int[] {2, 3}, new float[] {bx[0], bx[1], bx[2], bh[0], bh[1], bh[2]}));
        double h = 0;
        for (double x : new double[] {1.5, -0.7}) {
            double z = sigmoid(x * k[0] + bx[0] + h * u[0] + bh[0]);
            double r = sigmoid(x * k[1] + bx[1] + h * u[1] + bh[1]);
            double candidate = Math.tanh(x * k[2] + bx[2] + r * (h * u[2] + bh[2]));
            h = z * h + (1 - z) * candidate;
        }
        assertEquals(h, gru.apply(Tensor.of(new float[][][] {{{1.5f}, {-0.7f}}})).item(), 1e-6);
    }

    @Test
    void gruWithOneUnitIsTheSameResetBeforeOrAfterWithoutARecurrentBias() {
        // With one unit r·(h·u) = (r·h)·u, so the two layouts agree when the recurrent bias is zero.
        Tensor x = random(3, -1, 1, 2, 5, 3);
        Tensor kernel = random(4, -1, 1, 3, 3);
        Tensor recurrent = random(5, -1, 1, 1, 3);
        Tensor bias = random(6, -1, 1, 3);
        GRU before = new GRU(1).resetAfter(false);
        before.build(5, 3);
        before.setWeights(kernel, recurrent, bias);
        GRU after = new GRU(1);
        after.build(5, 3);
        after.setWeights(kernel, recurrent, Ops.concatenate(List.of(Ops.reshape(bias, new int[] {1, 3}),
                Tensor.zeros(1, 3)), 0));
        assertClose(before.apply(x), after.apply(x), "GRU reset before and after");
    }

    @Test
    void readsBackwardsAndReturnsStepsInTheOrderRead() {
        Tensor x = random(7, -1, 1, 2, 4, 3);
        SimpleRNN forward = new SimpleRNN(2).returnSequences(true);
        forward.build(4, 3);
        SimpleRNN backward = new SimpleRNN(2).returnSequences(true).goBackwards(true);
        backward.build(4, 3);
        backward.setWeights(forward.getWeights().toArray(new Tensor[0]));
        assertClose(forward.apply(reversed(x)), backward.apply(x), "go_backwards reads the reversed sequence");
    }

    @Test
    void bidirectionalConcatenatesForwardAndBackwardInStepOrder() {
        Tensor x = random(8, -1, 1, 2, 4, 3);
        Bidirectional both = new Bidirectional(new GRU(2).returnSequences(true));
        both.build(4, 3);
        Tensor y = both.apply(x);
        assertArrayEquals(new int[] {2, 4, 4}, y.shape());
        GRU forward = new GRU(2).returnSequences(true);
        forward.build(4, 3);
        forward.setWeights(both.getWeights().subList(0, 3).toArray(new Tensor[0]));
        GRU backward = new GRU(2).returnSequences(true);
        backward.build(4, 3);
        backward.setWeights(both.getWeights().subList(3, 6).toArray(new Tensor[0]));
        assertClose(forward.apply(x), Ops.slice(y, 2, 0, 2), "forward half");
        assertClose(reversed(backward.apply(reversed(x))), Ops.slice(y, 2, 2, 2), "backward half, in step order");
    }

    @Test
    void aMaskedStepIsTheSameAsAStepLeftOut() {
        Tensor x = random(10, -1, 1, 2, 5, 3);
        Tensor mask = Tensor.of(new float[][] {{1, 0, 1, 1, 0}, {1, 1, 1, 1, 1}});
        // Example 0 without its masked steps 1 and 4.
        Tensor shortened = Ops.concatenate(List.of(Ops.slice(Ops.slice(x, 0, 0, 1), 1, 0, 1),
                Ops.slice(Ops.slice(x, 0, 0, 1), 1, 2, 2)), 1);
        List<Supplier<Layer>> layers = List.of(() -> new LSTM(3), () -> new GRU(3), () -> new SimpleRNN(3),
                () -> new LSTM(3).goBackwards(true), () -> new Bidirectional(new GRU(2), "concat"));
        for (Supplier<Layer> make : layers) {
            Layer layer = make.get();
            layer.build(5, 3);
            Layer copy = make.get();
            copy.build(3, 3);
            copy.setWeights(layer.getWeights().toArray(new Tensor[0]));
            Tensor masked = layer.callWithMask(x, mask, false);
            assertClose(copy.apply(shortened), Ops.slice(masked, 0, 0, 1), layer.typeName() + " masked");
            assertClose(layer.apply(Ops.slice(x, 0, 1, 1)), Ops.slice(masked, 0, 1, 1), layer.typeName()
                    + " unmasked example");
        }
    }

    @Test
    void aMaskedStepRepeatsThePreviousOutputInSequences() {
        Tensor x = random(11, -1, 1, 1, 4, 2);
        Tensor mask = Tensor.of(new float[][] {{0, 1, 0, 1}});
        LSTM lstm = new LSTM(2).returnSequences(true);
        Tensor y = lstm.callWithMask(x, mask, false);
        assertClose(Tensor.zeros(1, 1, 2), Ops.slice(y, 1, 0, 1), "a first masked step outputs the zero state");
        assertClose(Ops.slice(y, 1, 1, 1), Ops.slice(y, 1, 2, 1), "a masked step repeats the previous output");
        assertEquals(mask, lstm.computeMask(x, mask));
        assertEquals(null, new LSTM(2).computeMask(x, mask));
    }

    @Test
    void gradientsReachInputsAndWeights() {
        Tensor x = random(12, -1, 1, 2, 4, 3);
        Tensor mask = Tensor.of(new float[][] {{1, 1, 0, 1}, {1, 0, 0, 0}});
        List<Layer> layers = List.of(new GRU(3).returnSequences(true), new GRU(2).resetAfter(false),
                new SimpleRNN(3).returnSequences(true).goBackwards(true),
                new Bidirectional(new LSTM(2).returnSequences(true), "mul"), new Bidirectional(new SimpleRNN(2), "ave"));
        for (Layer layer : layers) {
            layer.build(4, 3);
            checkWeights(layer.typeName(), () -> weightedSum(layer.apply(x)), layer.weights());
            check(layer.typeName() + " inputs", in -> weightedSum(layer.apply(in[0])), x);
            checkWeights(layer.typeName() + " masked", () -> weightedSum(layer.callWithMask(x, mask, false)),
                    layer.weights());
            check(layer.typeName() + " masked inputs", in -> weightedSum(layer.callWithMask(in[0], mask, false)), x);
        }
    }

    @Test
    void namesTheLayerAndTheArgumentOnBadInput() {
        GRU gru = new GRU(4);
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () -> gru.build(3));
        assertEquals("Layer \"gru\" (GRU) needs input of shape (None, steps, features), got (None, 3)",
                shape.getMessage());
        IllegalArgumentException mask = assertThrows(IllegalArgumentException.class,
                () -> gru.callWithMask(Tensor.zeros(2, 5, 3), Tensor.zeros(2, 4), false));
        assertEquals("Layer \"gru\" (GRU) needs a mask of shape (batch, steps) for its input of shape (2, 5, 3), got a"
                + " mask of shape (2, 4)", mask.getMessage());
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class,
                () -> new Bidirectional(new GRU(2), "max"));
        assertEquals("merge_mode must be one of [concat, sum, mul, ave], got \"max\"", mode.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SimpleRNN(0));
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** Returns x {@code [batch, steps, …]} with its steps reversed. */
    static Tensor reversed(Tensor x) {
        List<Tensor> steps = new ArrayList<>();
        for (int t = x.dim(1) - 1; t >= 0; t--) {
            steps.add(Ops.slice(x, 1, t, 1));
        }
        return Ops.concatenate(steps, 1);
    }

    static void assertClose(Tensor expected, Tensor actual, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        for (int i = 0; i < expected.size(); i++) {
            int index = i;
            assertEquals(expected.get(i), actual.get(i), 1e-5, () -> what + ": value " + index + " expected "
                    + expected + ", got " + actual);
        }
    }
}
