package org.backprop.grader.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.backprop.grader.heldout.HiddenSplit;
import org.backprop.grader.heldout.HiddenSplits;
import org.backprop.grader.sandbox.RunDatasets;
import org.backprop.grader.sandbox.StoredShards;
import org.backprop.nn.data.store.DatasetManifest;
import org.backprop.nn.data.store.ShardRef;
import org.backprop.nn.data.store.ShardWriter;
import org.backprop.nn.data.store.SplitManifest;

/**
 * Synthetic stand-ins for the homework's two datasets, named as its {@code Main} loads them ({@code fashion_mnist}
 * and {@code mnist}), in a store of their own written as {@code TinyDataset} writes one: small grey images, a visible
 * {@code train} split and a hidden {@code test} split. Each of the 10 classes is a stripe pattern (horizontal or
 * vertical; period 2, 3, 4, 6 or 8 pixels) plus noise: what a small convnet tells apart, and what the homework's
 * augmentation (small rotations and zooms) leaves recognisable, so that the reference learns it well above chance in
 * a few short epochs. Every {@value #WRONG_LABEL_ONE_IN}th label is another class's, as some are in real datasets:
 * no fit reaches an accuracy of 1 on any slice, so that a claim better than the code's numbers can be told apart. The two
 * datasets differ by their noise and by which class has which pattern.
 */
public record StripeDatasets(Path store, List<DatasetManifest> manifests, HiddenSplits hiddenSplits) {
    public static final int SIDE = 8;
    public static final int CLASSES = 10;
    private static final int[] PERIODS = {2, 3, 4, 6, 8};
    private static final int WRONG_LABEL_ONE_IN = 6;

    /** Writes both datasets into {@code store}: {@code train} examples to load, {@code test} hidden ones. */
    public static StripeDatasets write(Path store, int train, int test) throws IOException {
        Files.createDirectories(store);
        List<DatasetManifest> manifests = new ArrayList<>();
        List<HiddenSplit> hidden = new ArrayList<>();
        String[] names = {"fashion_mnist", "mnist"};
        for (int d = 0; d < names.length; d++) {
            Random random = new Random(2026 + d);
            int shift = 3 * d; // class c of dataset d has pattern (c + shift) % 10
            ShardRef trainShard = shard(store, random, train, shift);
            ShardRef testShard = shard(store, random, test, shift);
            List<String> classes = new ArrayList<>();
            for (int c = 0; c < CLASSES; c++) {
                classes.add(names[d] + "-" + c);
            }
            manifests.add(new DatasetManifest(names[d], "1.0.0", SIDE, SIDE, 1, classes,
                    List.of(new SplitManifest("train", train, false, List.of(trainShard)),
                            new SplitManifest("test", test, true, List.of(testShard)))));
            hidden.add(new HiddenSplit(names[d], "test", SIDE, SIDE, 1, CLASSES, List.of(testShard.sha256()),
                    store::resolve));
        }
        return new StripeDatasets(store, List.copyOf(manifests), new HiddenSplits(hidden));
    }

    /** Returns the students' view for a run: both datasets, their hidden splits without shards. */
    public RunDatasets students() {
        return new RunDatasets(manifests.stream().map(DatasetManifest::withoutHiddenShards).toList(),
                store::resolve);
    }

    private static ShardRef shard(Path store, Random random, int count, int shift) throws IOException {
        ShardWriter writer = new ShardWriter(SIDE, SIDE, 1, count);
        byte[] image = new byte[SIDE * SIDE];
        for (int i = 0; i < count; i++) {
            int label = random.nextInt(CLASSES);
            draw(image, (label + shift) % CLASSES, random);
            if (i % WRONG_LABEL_ONE_IN == WRONG_LABEL_ONE_IN - 1) {
                label = (label + 1 + random.nextInt(CLASSES - 1)) % CLASSES;
            }
            writer.add(image, 0, label);
        }
        return StoredShards.write(store, writer.toBytes(), count);
    }

    /** Draws pattern {@code pattern}: stripes across rows (0-4) or columns (5-9), bright and dark, with noise. */
    private static void draw(byte[] image, int pattern, Random random) {
        int period = PERIODS[pattern % PERIODS.length];
        boolean rows = pattern < PERIODS.length;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int across = rows ? y : x;
                double value = (across % period < period / 2.0 ? 230 : 20) + random.nextGaussian() * 8;
                image[y * SIDE + x] = (byte) Math.max(0, Math.min(255, Math.round(value)));
            }
        }
    }
}
