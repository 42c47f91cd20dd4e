import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Tensor;
import org.backprop.nn.examples.BenchModels;
import org.backprop.nn.layers.Add;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Flatten;
import org.backprop.nn.layers.LayerNormalization;
import org.backprop.nn.layers.MultiHeadAttention;
import org.backprop.nn.layers.PositionalEmbedding;
import org.backprop.nn.losses.BinaryCrossentropy;
import org.backprop.nn.losses.SparseCategoricalCrossentropy;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.Model;
import org.backprop.nn.optim.Adam;
import org.backprop.nn.random.RandomSeed;

/**
 * Issue 16's benchmark on nn's CPU backend: the homework network (BenchModels.homework at 28 × 28 × 3) and a Transformer
 * encoder block (the sequence homework's, 64 steps of a 1,000-word vocabulary, embedding 32, 4 heads), examples per
 * second over 2 epochs after a warm-up epoch. Uses only API that exists before and after the changes, so the
 * same file is compiled against both: bench/nn-generality/run.sh.
 */
public final class Throughput {
    private static final int STEPS = 64;
    private static final int VOCABULARY = 1000;

    public static void main(String[] args) {
        RandomSeed.set(1);
        Model homework = BenchModels.homework(28);
        homework.compile(new Adam(1e-3), new SparseCategoricalCrossentropy(false));
        report("homework network", homework, BenchModels.uniform(2, 256, 28, 28, 3), BenchModels.labels(3, 256, 10), 32);

        RandomSeed.set(1);
        Input inputs = Input.shape(STEPS);
        KerasTensor x = new PositionalEmbedding(STEPS, VOCABULARY, 32).apply(inputs);
        KerasTensor attention = new MultiHeadAttention(4, 32).apply(x, x);
        KerasTensor normed = new LayerNormalization().apply(new Add().apply(x, attention));
        KerasTensor projected = new Dense(32).apply(new Dense(64, "relu").apply(normed));
        KerasTensor encoded = new LayerNormalization().apply(new Add().apply(normed, projected));
        Model encoder = new Model(inputs, new Dense(1, "sigmoid").apply(new Flatten().apply(encoded)));
        encoder.compile(new Adam(1e-3), new BinaryCrossentropy(false));
        float[] ids = new float[512 * STEPS];
        float[] labels = new float[512];
        org.backprop.nn.random.RandomGenerator random = new org.backprop.nn.random.RandomGenerator(5);
        for (int i = 0; i < ids.length; i++) {
            ids[i] = random.nextInt(VOCABULARY);
        }
        for (int i = 0; i < labels.length; i++) {
            labels[i] = random.nextInt(2);
        }
        report("transformer encoder", encoder, Tensor.of(new int[] {512, STEPS}, ids),
                Tensor.of(new int[] {512, 1}, labels), 32);
    }

    private static void report(String name, Model model, Tensor x, Tensor y, int batchSize) {
        model.fit(x, y, FitOptions.epochs(1).batchSize(batchSize).verbose(0));
        long started = System.nanoTime();
        model.fit(x, y, FitOptions.epochs(2).batchSize(batchSize).verbose(0));
        double seconds = (System.nanoTime() - started) / 1e9;
        // println, not %n: TeaVM's formatter has no %n.
        System.out.println(String.format("%s: %.1f examples/s", name, 2 * x.dim(0) / seconds));
    }
}
