package org.backprop.server.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.backprop.nn.data.store.DatasetManifest;

/**
 * Imports Keras's {@code image_dataset_from_directory} layout: one folder per class (its images may sit in
 * subfolders), either directly, making the split "train", or under {@code train/}, {@code validation/} and
 * {@code test/}. As in Keras, class names are the folder names sorted, and only .png, .jpg, .jpeg, .bmp and .gif
 * files count. Each split is stored in a fixed shuffled order (seed {@value #SEED}), as Keras shuffles, so that
 * any contiguous slice, such as a validation slice taken from the end, holds every class.
 */
final class ImageFolderImporter implements FolderImporter {
    static final long SEED = 1337;
    private static final Set<String> SPLITS = Set.of("train", "validation", "test");
    private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");

    private record Example(Path file, int label) {
    }

    @Override
    public DatasetManifest read(Path upload, ImportSettings settings, ShardSink sink, ImportLimits limits)
            throws IOException {
        Path root = unwrap(upload);
        List<Path> folders = subfolders(root);
        Map<String, Path> splits = new LinkedHashMap<>();
        if (folders.stream().anyMatch(folder -> SPLITS.contains(name(folder)))) {
            for (Path folder : folders) {
                if (!SPLITS.contains(name(folder))) {
                    throw new DatasetImportException("The archive mixes split folders (train/, validation/, test/)"
                            + " with the folder " + name(folder) + "/; put every class folder inside a split folder.");
                }
                splits.put(name(folder), folder);
            }
        } else {
            splits.put("train", root);
        }
        Set<String> classes = new TreeSet<>();
        for (Path split : splits.values()) {
            subfolders(split).forEach(folder -> classes.add(name(folder)));
        }
        if (classes.isEmpty()) {
            throw new DatasetImportException("The archive holds no class folders: put each class's images in a folder"
                    + " named after the class, e.g. cats/001.jpg and dogs/001.jpg.");
        }
        List<String> classNames = new ArrayList<>(classes);
        DatasetBuilder builder = new DatasetBuilder(classNames,
                new ImageShaper(settings.height(), settings.width(), settings.channels()), sink,
                limits.maxDatasetBytes());
        for (Map.Entry<String, Path> split : splits.entrySet()) {
            builder.declare(split.getKey());
            for (Example example : examples(split.getValue(), classNames)) {
                String where = root.relativize(example.file()).toString();
                byte[] encoded = Files.readAllBytes(example.file());
                builder.add(split.getKey(), DecodedImage.decode(encoded, where), example.label(), where);
            }
        }
        return builder.finish(FolderImporter.required(settings.name(), null, "name"),
                FolderImporter.required(settings.version(), null, "version"), settings.hiddenSplit());
    }

    /** Returns the split's images sorted by path, then shuffled with the fixed seed. */
    private static List<Example> examples(Path split, List<String> classNames) throws IOException {
        List<Example> examples = new ArrayList<>();
        for (Path folder : subfolders(split)) {
            int label = classNames.indexOf(name(folder));
            try (Stream<Path> files = Files.walk(folder)) {
                files.filter(Files::isRegularFile).filter(ImageFolderImporter::isImage).sorted()
                        .forEach(file -> examples.add(new Example(file, label)));
            }
        }
        Collections.shuffle(examples, new Random(SEED));
        return examples;
    }

    /** Steps into a folder that only wraps the dataset (mydata/cats/…, mydata/train/…). */
    private static Path unwrap(Path folder) throws IOException {
        Path root = folder;
        while (true) {
            List<Path> inside;
            try (Stream<Path> entries = Files.list(root)) {
                inside = entries.toList();
            }
            if (inside.size() != 1 || !Files.isDirectory(inside.get(0)) || hasFiles(inside.get(0))) {
                return root;
            }
            root = inside.get(0);
        }
    }

    private static boolean hasFiles(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.anyMatch(Files::isRegularFile);
        }
    }

    private static List<Path> subfolders(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static boolean isImage(Path file) {
        String name = name(file);
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static String name(Path path) {
        return path.getFileName().toString();
    }
}
