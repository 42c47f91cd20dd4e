package org.backprop.nn.data.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a stored dataset holds: its name and version (e.g. {@code fashion_mnist} 3.0.1), the shape of every image
 * {@code [height, width, channels]}, the class names (label {@code i} is {@code classNames.get(i)}) and its splits
 * with their shards. Immutable; {@link #toJson()} and {@link #fromJson(String)} give the stored JSON, e.g.
 *
 * <pre>
 * {"format": "backprop-dataset-v1", "name": "mnist", "version": "1.0.0", "imageShape": [28, 28, 1],
 *  "classNames": ["0", …, "9"],
 *  "splits": [{"name": "train", "examples": 60000, "hidden": false,
 *              "shards": [{"sha256": "…", "bytes": 4194304, "examples": 5323}, …]}, …]}
 * </pre>
 */
public record DatasetManifest(String name, String version, int height, int width, int channels,
        List<String> classNames, List<SplitManifest> splits) {
    /** The value of the manifest's {@code format} member; a reader refuses any other. */
    public static final String FORMAT = "backprop-dataset-v1";

    public DatasetManifest {
        requireName("name", name);
        requireName("version", version);
        Shard.requireShape(height, width, channels);
        if (classNames == null || classNames.isEmpty()) {
            throw new IllegalArgumentException("classNames of dataset " + name + " must name at least one class");
        }
        classNames = Collections.unmodifiableList(new ArrayList<>(classNames));
        for (int i = 0; i < classNames.size(); i++) {
            if (classNames.get(i) == null) {
                throw new IllegalArgumentException("classNames[" + i + "] of dataset " + name + " must not be null");
            }
        }
        if (splits == null || splits.isEmpty()) {
            throw new IllegalArgumentException("dataset " + name + " must have at least one split");
        }
        splits = Collections.unmodifiableList(new ArrayList<>(splits));
        Set<String> seen = new HashSet<>();
        for (SplitManifest split : splits) {
            if (split == null) {
                throw new IllegalArgumentException("splits of dataset " + name + " must not hold null");
            }
            if (!seen.add(split.name())) {
                throw new IllegalArgumentException("dataset " + name + " has two splits named " + split.name());
            }
        }
    }

    /** Returns the split called {@code splitName}; fails naming the splits there are. */
    public SplitManifest split(String splitName) {
        List<String> names = new ArrayList<>();
        for (SplitManifest split : splits) {
            if (split.name().equals(splitName)) {
                return split;
            }
            names.add(split.name());
        }
        throw new IllegalArgumentException("dataset " + name + " " + version + " has no split " + splitName
                + "; its splits are " + names);
    }

    /** Returns the bytes of one example's pixels, {@code height * width * channels}. */
    public int exampleBytes() {
        return height * width * channels;
    }

    /** Returns the manifest as students see it: every hidden split keeps its name and count but lists no shards. */
    public DatasetManifest withoutHiddenShards() {
        List<SplitManifest> visible = new ArrayList<>();
        for (SplitManifest split : splits) {
            visible.add(split.hidden() ? split.withoutShards() : split);
        }
        return new DatasetManifest(name, version, height, width, channels, classNames, visible);
    }

    /** Returns the manifest as JSON text, the form it is stored and served in. */
    public String toJson() {
        return ManifestJson.write(this);
    }

    /**
     * Returns the manifest that {@code json} holds; fails with a message naming what is wrong (malformed JSON, a
     * missing member, another format, counts that do not add up).
     */
    public static DatasetManifest fromJson(String json) {
        return ManifestJson.read(json);
    }

    /** Names and versions are what a program types: letters, digits, '_', '-' and '.', at most 100 characters. */
    private static void requireName(String argument, String value) {
        if (value == null || !DatasetReference.isName(value)) {
            throw new IllegalArgumentException(argument + " must be 1 to 100 letters, digits, '_', '-' and '.', got "
                    + quote(value));
        }
    }

    private static String quote(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
