package org.backprop.nn.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.backprop.nn.data.store.DatasetManifest;
import org.backprop.nn.data.store.ShardRef;
import org.backprop.nn.data.store.ShardWriter;
import org.backprop.nn.data.store.SplitManifest;

/**
 * Writes small datasets in the sandbox's folder layout ({@code manifests/<name>.json}, {@code shards/<sha256>}) for
 * tests. Example {@code i} of a split is recognisable from its pixels: pixel 0 is {@code i % 256}, pixel 1 is
 * {@code i / 256}, and the rest are {@code 200} for odd labels and {@code 20} for even ones, so a model can learn
 * the label from the brightness. Its label is {@code i % classes}.
 */
final class StoredDatasetFolder {
    /** One split to write: its name, example count, examples per shard, and whether it is hidden. */
    record SplitSpec(String name, int examples, int perShard, boolean hidden) {
    }

    private StoredDatasetFolder() {
    }

    static DatasetManifest write(Path root, String name, String version, int side, int channels, int classes,
            List<SplitSpec> splits) throws IOException {
        Files.createDirectories(root.resolve("shards"));
        Files.createDirectories(root.resolve("manifests"));
        List<SplitManifest> written = new ArrayList<>();
        for (SplitSpec spec : splits) {
            written.add(writeSplit(root, spec, side, channels, classes));
        }
        List<String> classNames = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            classNames.add("class-" + i);
        }
        DatasetManifest manifest = new DatasetManifest(name, version, side, side, channels, classNames, written);
        Files.writeString(root.resolve("manifests").resolve(name + ".json"), manifest.withoutHiddenShards().toJson(),
                StandardCharsets.UTF_8);
        return manifest;
    }

    /** Returns the first two pixels' index: which example of its split a decoded image is. */
    static int exampleOf(float[] features, int offset) {
        return (int) features[offset] + 256 * (int) features[offset + 1];
    }

    private static SplitManifest writeSplit(Path root, SplitSpec spec, int side, int channels, int classes)
            throws IOException {
        int exampleBytes = side * side * channels;
        List<ShardRef> shards = new ArrayList<>();
        ShardWriter writer = null;
        for (int i = 0; i < spec.examples(); i++) {
            if (writer == null) {
                writer = new ShardWriter(side, side, channels, Math.min(spec.perShard(), spec.examples() - i));
            }
            int label = i % classes;
            byte[] pixels = new byte[exampleBytes];
            java.util.Arrays.fill(pixels, (byte) (label % 2 == 1 ? 200 : 20));
            pixels[0] = (byte) (i % 256);
            pixels[1] = (byte) (i / 256);
            writer.add(pixels, 0, label);
            if (writer.isFull()) {
                shards.add(store(root, writer.toBytes(), writer.count()));
                writer = null;
            }
        }
        return new SplitManifest(spec.name(), spec.examples(), spec.hidden(), shards);
    }

    private static ShardRef store(Path root, byte[] bytes, int examples) throws IOException {
        String sha256 = sha256(bytes);
        Files.write(root.resolve("shards").resolve(sha256), bytes);
        return new ShardRef(sha256, bytes.length, examples);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
