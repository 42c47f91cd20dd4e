package org.backprop.grader.heldout;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import org.backprop.nn.Tensor;
import org.backprop.nn.data.store.Shard;
import org.backprop.nn.models.Model;
import org.backprop.nn.saving.SavedModels;

/**
 * Scores a saved model's accuracy on a hidden split in the grader's own process: the library rebuilds the model
 * from its file (config and weights only: no student class exists in it, and the format refuses sizes beyond the
 * file) and predicts the split's images batch by batch. A model too large for the server, or one that runs past
 * the time allowed, is not scored: the student reads why.
 *
 * <p>Thread-safe: each call builds its own model.
 */
public final class HeldoutEvaluator {
    /** More weights than any homework model needs; beyond it the server would spend minutes per image. */
    static final long MAX_PARAMS = 20_000_000;
    private static final int BATCH = 64;

    private final Duration timeLimit;

    public HeldoutEvaluator(Duration timeLimit) {
        this.timeLimit = timeLimit;
    }

    /** Returns the accuracy of the model in {@code savedModel} on {@code split}, or why it has none. */
    public HeldoutScore evaluate(byte[] savedModel, HiddenSplit split) {
        Model model;
        try {
            model = SavedModels.fromBytes(savedModel);
        } catch (RuntimeException e) {
            return HeldoutScore.failed("the saved model could not be read: " + e.getMessage());
        }
        if (model.countParams() > MAX_PARAMS) {
            return HeldoutScore.failed("the saved model has " + model.countParams() + " weights; the server evaluates"
                    + " models of at most " + MAX_PARAMS);
        }
        long deadline = System.nanoTime() + timeLimit.toNanos();
        int correct = 0;
        int seen = 0;
        try {
            for (String sha256 : split.shards()) {
                Shard shard = Shard.read(Files.readAllBytes(split.files().path(sha256)));
                for (int from = 0; from < shard.count(); from += BATCH) {
                    if (System.nanoTime() > deadline) {
                        return HeldoutScore.failed("evaluating it on " + seen + " images took longer than the "
                                + timeLimit.toMinutes() + " minutes the server allows");
                    }
                    int to = Math.min(shard.count(), from + BATCH);
                    correct += correct(model, shard, from, to, split);
                    seen += to - from;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("The hidden split " + split.dataset() + "/" + split.split()
                    + " could not be read", e);
        } catch (RuntimeException e) {
            return HeldoutScore.failed("it could not predict the " + split.dataset() + " images ("
                    + split.height() + "x" + split.width() + "x" + split.channels() + "): " + e.getMessage());
        }
        return seen == 0 ? HeldoutScore.failed("the hidden split has no images") : HeldoutScore.of(
                (double) correct / seen, seen);
    }

    private static int correct(Model model, Shard shard, int from, int to, HiddenSplit split) {
        int size = shard.exampleBytes();
        float[] pixels = new float[(to - from) * size];
        for (int i = from; i < to; i++) {
            shard.pixels(i, pixels, (i - from) * size);
        }
        Tensor predictions = model.predict(Tensor.of(new int[] {to - from, shard.height(), shard.width(),
            shard.channels()}, pixels));
        int[] shape = predictions.shape();
        if (shape.length != 2 || shape[1] != split.classes()) {
            throw new IllegalArgumentException("it outputs " + Arrays.toString(shape) + " per batch where "
                    + split.classes() + " class scores per image are needed");
        }
        float[] scores = predictions.toArray();
        int correct = 0;
        for (int i = 0; i < to - from; i++) {
            int best = 0;
            for (int c = 1; c < shape[1]; c++) {
                if (scores[i * shape[1] + c] > scores[i * shape[1] + best]) {
                    best = c;
                }
            }
            if (best == shard.label(from + i)) {
                correct++;
            }
        }
        return correct;
    }
}
