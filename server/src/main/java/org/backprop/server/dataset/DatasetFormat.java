package org.backprop.server.dataset;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an instructor uploads: the word in the upload's {@code format} field names it. */
public enum DatasetFormat {
    /** MNIST-style IDX files: {@code train-images-idx3-ubyte(.gz)}, {@code train-labels-idx1-ubyte(.gz)}, t10k-…. */
    IDX("idx"),
    /** A TFDS prepared-data folder: {@code dataset_info.json}, {@code features.json}, TFRecord shards. */
    TFDS("tfds"),
    /** Keras's {@code image_dataset_from_directory} layout: a folder per class, optionally under split folders. */
    IMAGE_FOLDER("image-folder");

    private final String word;

    DatasetFormat(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** Returns the format {@code word} names; fails listing the words there are. */
    public static DatasetFormat parse(String word) {
        String wanted = word == null ? "" : word.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(format -> format.word.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("\"format\" must be one of " + Arrays.stream(values())
                        .map(DatasetFormat::word).collect(Collectors.joining(", ")) + ", got \"" + word + "\"."));
    }
}
