package org.backprop.server.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.nn.data.store.DatasetManifest;
import org.backprop.nn.data.store.ShardRef;
import org.backprop.nn.data.store.ShardWriter;
import org.backprop.nn.data.store.SplitManifest;

/**
 * Turns examples, one at a time, into shards of the Backprop format and finally the manifest. Each split fills
 * its own shard until it is full (about {@link ShardWriter#TARGET_BYTES}) and hands it to the sink, so memory
 * holds one shard per split whatever the dataset's size. Checks every label against the class names and the
 * stored bytes against the limit. Not thread-safe.
 */
final class DatasetBuilder {
    private final List<String> classNames;
    private final ImageShaper shaper;
    private final ShardSink sink;
    private final long maxBytes;
    private final Map<String, Split> splits = new LinkedHashMap<>();
    private long bytes;

    DatasetBuilder(List<String> classNames, ImageShaper shaper, ShardSink sink, long maxBytes) {
        if (classNames.isEmpty()) {
            throw new DatasetImportException("The dataset names no classes.");
        }
        this.classNames = List.copyOf(classNames);
        this.shaper = shaper;
        this.sink = sink;
        this.maxBytes = maxBytes;
    }

    /** Declares a split, so that one that receives no example is reported as empty rather than forgotten. */
    void declare(String split) {
        splits.computeIfAbsent(split, Split::new);
    }

    /** Adds one decoded image to {@code split}; {@code where} names its file and record for error messages. */
    void add(String split, DecodedImage image, int label, String where) {
        if (label < 0 || label >= classNames.size()) {
            throw new DatasetImportException(where + ": the label " + label + " is outside the " + classNames.size()
                    + " classes (0 to " + (classNames.size() - 1) + ").");
        }
        byte[] pixels = shaper.shape(image, where);
        bytes += pixels.length + 4;
        if (bytes > maxBytes) {
            throw new DatasetImportException(where + ": the dataset grows past " + maxBytes / (1024 * 1024)
                    + " MiB of pixels, the most one dataset may hold. Choose a smaller image size.");
        }
        Split target = splits.computeIfAbsent(split, Split::new);
        target.add(pixels, label);
    }

    /**
     * Stores the last shard of every split and returns the manifest; fails when a split is empty or the hidden
     * split (null for none) is not one of them.
     */
    DatasetManifest finish(String name, String version, String hiddenSplit) {
        if (splits.isEmpty()) {
            throw new DatasetImportException("The upload holds no images.");
        }
        if (hiddenSplit != null && !splits.containsKey(hiddenSplit)) {
            throw new DatasetImportException("The hidden split \"" + hiddenSplit + "\" is not in the dataset, whose"
                    + " splits are " + splits.keySet() + ".");
        }
        List<SplitManifest> manifests = new ArrayList<>();
        for (Split split : splits.values()) {
            manifests.add(split.finish(split.name.equals(hiddenSplit)));
        }
        return new DatasetManifest(name, version, shaper.height(), shaper.width(), shaper.channels(), classNames,
                manifests);
    }

    private final class Split {
        private final String name;
        private final List<ShardRef> shards = new ArrayList<>();
        private ShardWriter writer;
        private int examples;

        Split(String name) {
            this.name = name;
        }

        void add(byte[] pixels, int label) {
            if (writer == null) {
                writer = new ShardWriter(shaper.height(), shaper.width(), shaper.channels(),
                        ShardWriter.examplesPerShard(shaper.height(), shaper.width(), shaper.channels()));
            }
            writer.add(pixels, 0, label);
            examples++;
            if (writer.isFull()) {
                flush();
            }
        }

        SplitManifest finish(boolean hidden) {
            if (examples == 0) {
                throw new DatasetImportException("The split \"" + name + "\" holds no images.");
            }
            if (writer != null && writer.count() > 0) {
                flush();
            }
            return new SplitManifest(name, examples, hidden, shards);
        }

        private void flush() {
            shards.add(sink.put(writer.toBytes(), writer.count()));
            writer = null;
        }
    }
}
