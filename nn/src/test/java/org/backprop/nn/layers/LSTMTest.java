package org.backprop.nn.layers;

import static org.backprop.nn.GradientChecks.check;
import static org.backprop.nn.GradientChecks.checkWeights;
import static org.backprop.nn.GradientChecks.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.backprop.nn.Input;
import org.backprop.nn.Tensor;
import org.backprop.nn.losses.BinaryCrossentropy;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.History;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.ops.Ops;
import org.backprop.nn.optim.Adam;
import org.backprop.nn.random.RandomGenerator;
import org.backprop.nn.random.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LSTMTest {

    @BeforeEach
    void freshNamesAndSeed() {
        LayerNames.reset();
        RandomSeed.set(11);
    }

    @Test
    void computesOneStepByHand() {
        LSTM layer = new LSTM(1);
        layer.build(1, 1);
        // z = 0.5 for every gate: c = σ(0.5)·tanh(0.5), h = σ(0.5)·tanh(c); the forget gate meets c₀ = 0.
        layer.setWeights(Tensor.of(new float[][] {{1, 1, 1, 1}}), Tensor.zeros(1, 4), Tensor.zeros(4));
        double sigmoid = 1 / (1 + Math.exp(-0.5));
        double h = sigmoid * Math.tanh(sigmoid * Math.tanh(0.5));
        assertEquals(h, layer.apply(Tensor.of(new int[] {1, 1, 1}, new float[] {0.5f})).item(), 1e-6);
    }

    @Test
    void usesKerasWeightsAndInitialisers() {
        LSTM layer = new LSTM(3);
        layer.build(5, 2);
        assertEquals("lstm/kernel", layer.weights().get(0).name());
        assertArrayEquals(new int[] {2, 12}, layer.weights().get(0).shape());
        assertEquals("lstm/recurrent_kernel", layer.weights().get(1).name());
        assertEquals("lstm/bias", layer.weights().get(2).name());
        // unit_forget_bias: ones for the forget gate (second block of units), zeros elsewhere.
        assertArrayEquals(new float[] {0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0}, layer.getWeights().get(2).toArray());
        // The orthogonal recurrent kernel [3, 12] has orthonormal rows.
        Tensor recurrent = layer.getWeights().get(1);
        float[] gram = Ops.matmul(recurrent, Ops.transpose(recurrent, 1, 0)).toArray();
        assertArrayEquals(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, gram, 1e-5f);
    }

    @Test
    void countsParametersAsKerasDoes() {
        // 4 · units · (features + units + 1): Deep Learning with Python's LSTM(16) on 14 features is 1,984, and
        // its LSTM(32) on 256-d embeddings is 36,992 (each half of Bidirectional's 73,984).
        LSTM small = new LSTM(16);
        small.build(120, 14);
        assertEquals(1_984, small.countParams());
        LSTM large = new LSTM(32);
        large.build(600, 256);
        assertEquals(36_992, large.countParams());
    }

    @Test
    void returnsTheLastStateOrEveryStep() {
        Tensor x = random(1, -1, 1, 2, 4, 3);
        LSTM last = new LSTM(5);
        LSTM sequences = new LSTM(5).returnSequences(true);
        Tensor h = last.apply(x);
        sequences.build(4, 3);
        sequences.setWeights(last.getWeights().toArray(new Tensor[0]));
        Tensor all = sequences.apply(x);
        assertArrayEquals(new int[] {2, 5}, h.shape());
        assertArrayEquals(new int[] {2, 4, 5}, all.shape());
        assertArrayEquals(h.toArray(), Ops.reshape(Ops.slice(all, 1, 3, 1), new int[] {2, 5}).toArray(), 1e-7f);
    }

    @Test
    void gradientsReachInputsAndWeights() {
        for (boolean returnSequences : new boolean[] {false, true}) {
            LSTM layer = new LSTM(2).returnSequences(returnSequences);
            layer.build(3, 2);
            layer.setWeights(random(2, -1, 1, 2, 8), random(3, -1, 1, 2, 8), random(4, -1, 1, 8));
            Tensor inputs = random(5, -1, 1, 2, 3, 2);
            Tensor weights = random(6, -1, 1, layer.apply(inputs).shape());
            String what = "LSTM returnSequences=" + returnSequences;
            check(what, in -> Ops.sumAll(Ops.multiply(layer.apply(in[0]), weights)), inputs);
            checkWeights(what, () -> Ops.sumAll(Ops.multiply(layer.apply(inputs), weights)), layer.weights());
        }
    }

    @Test
    void learnsWhetherASequenceHoldsAToken() {
        // Sixteen sequences of five ids below 4; the label says whether id 3 occurs anywhere in the sequence.
        RandomGenerator random = new RandomGenerator(5);
        float[] ids = new float[16 * 5];
        float[] labels = new float[16];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = random.nextInt(4);
            labels[i / 5] = ids[i] == 3 ? 1 : labels[i / 5];
        }
        Sequential model = new Sequential(Input.shape(5), new Embedding(4, 4), new LSTM(8), new Dense(1, "sigmoid"));
        model.compile(new Adam(0.01), new BinaryCrossentropy(false), "accuracy");
        Tensor x = Tensor.of(new int[] {16, 5}, ids);
        Tensor y = Tensor.of(new int[] {16, 1}, labels);
        History history = model.fit(x, y, FitOptions.epochs(60).batchSize(8).verbose(0));
        assertEquals(1.0, model.evaluate(x, y).get("accuracy"), () -> "history " + history.get("loss"));
    }

    @Test
    void namesTheLayerArgumentAndShape() {
        assertEquals("units must be positive, got 0",
                assertThrows(IllegalArgumentException.class, () -> new LSTM(0)).getMessage());
        LSTM layer = new LSTM(2);
        assertEquals("Layer \"lstm_1\" (LSTM) needs input of shape (None, steps, features), got (None, 5)",
                assertThrows(IllegalArgumentException.class, () -> layer.apply(Tensor.zeros(2, 5))).getMessage());
        layer.build(3, 2);
        assertEquals("returnSequences must be set before layer \"lstm_1\" is built",
                assertThrows(IllegalStateException.class, () -> layer.returnSequences(true)).getMessage());
    }
}
