package org.backprop.server.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.backprop.nn.data.store.DatasetManifest;
import org.backprop.nn.data.store.SplitManifest;

/**
 * Imports a TFDS prepared-data folder, what {@code tfds.load} leaves in {@code <name>/<version>/}:
 * {@code dataset_info.json} (name, version, split sizes), {@code features.json} (which feature is the Image and
 * which the ClassLabel), {@code <label>.labels.txt} (the class names) and the TFRecord shards
 * {@code <name>-<split>.tfrecord-NNNNN-of-NNNNN}, read in name order, record by record. Each split's count is
 * checked against {@code dataset_info.json}'s {@code shardLengths} where it gives them.
 */
final class TfdsImporter implements FolderImporter {
    private static final Pattern SHARD = Pattern.compile(".+-([A-Za-z0-9_]+)\\.tfrecord(-\\d+-of-\\d+)?");
    private static final int MAX_RECORD_BYTES = 64 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public DatasetManifest read(Path upload, ImportSettings settings, ShardSink sink, ImportLimits limits)
            throws IOException {
        Path folder = infoFolder(upload);
        JsonNode info = json(folder.resolve("dataset_info.json"));
        JsonNode features = json(folder.resolve("features.json"));
        String imageKey = featureOf(features, "Image").orElse("image");
        String labelKey = featureOf(features, "ClassLabel").orElse("label");
        List<String> classNames = classNames(folder, features, labelKey);
        DatasetBuilder builder = new DatasetBuilder(classNames,
                new ImageShaper(settings.height(), settings.width(), settings.channels()), sink,
                limits.maxDatasetBytes());
        Map<String, Long> expected = splitSizes(info);
        expected.keySet().forEach(builder::declare);
        List<Path> shards;
        try (Stream<Path> files = Files.list(folder)) {
            shards = files.filter(file -> SHARD.matcher(file.getFileName().toString()).matches()).sorted().toList();
        }
        if (shards.isEmpty()) {
            throw new DatasetImportException("The TFDS folder holds no TFRecord shards (<name>-<split>.tfrecord-"
                    + "00000-of-00001). Datasets prepared as array_record need file_format=\"tfrecord\".");
        }
        for (Path shard : shards) {
            String file = shard.getFileName().toString();
            Matcher name = SHARD.matcher(file);
            name.matches();
            String split = name.group(1);
            builder.declare(split);
            try (InputStream in = new BufferedInputStream(Files.newInputStream(shard), 256 * 1024)) {
                TfRecordReader records = new TfRecordReader(in, file, MAX_RECORD_BYTES);
                for (byte[] record = records.next(); record != null; record = records.next()) {
                    String where = file + ", record " + (records.recordNumber() - 1);
                    ExampleFeatures example = ExampleFeatures.parse(record, imageKey, labelKey, where);
                    int label = example.label() > Integer.MAX_VALUE || example.label() < 0 ? -1
                            : (int) example.label();
                    builder.add(split, DecodedImage.decode(example.image(), where), label, where);
                }
            }
        }
        DatasetManifest manifest = builder.finish(
                FolderImporter.required(settings.name(), text(info, "name"), "name"),
                FolderImporter.required(settings.version(), text(info, "version"), "version"),
                settings.hiddenSplit());
        for (SplitManifest split : manifest.splits()) {
            Long size = expected.get(split.name());
            if (size != null && size != split.examples()) {
                throw new DatasetImportException("dataset_info.json says the split \"" + split.name() + "\" has "
                        + size + " examples, but its TFRecord shards hold " + split.examples() + ".");
            }
        }
        return manifest;
    }

    /** Returns the shallowest folder holding dataset_info.json: archives often wrap it in name/version/. */
    private static Path infoFolder(Path upload) throws IOException {
        try (Stream<Path> files = Files.walk(upload, 4)) {
            return files.filter(file -> file.getFileName().toString().equals("dataset_info.json"))
                    .min((a, b) -> Integer.compare(a.getNameCount(), b.getNameCount()))
                    .map(Path::getParent)
                    .orElseThrow(() -> new DatasetImportException("The archive holds no dataset_info.json: it is not"
                            + " a TFDS prepared-data folder (~/tensorflow_datasets/<name>/<version>/)."));
        }
    }

    private static JsonNode json(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new DatasetImportException("The TFDS folder has no " + file.getFileName() + ".");
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new DatasetImportException(file.getFileName() + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Returns the name of the first feature whose TFDS class ends with {@code kind}, e.g. Image or ClassLabel. */
    private static Optional<String> featureOf(JsonNode features, String kind) {
        JsonNode all = features.path("featuresDict").path("features");
        for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> feature = it.next();
            if (feature.getValue().path("pythonClassName").asText().endsWith("." + kind)) {
                return Optional.of(feature.getKey());
            }
        }
        return Optional.empty();
    }

    /**
     * TFDS keeps ClassLabel names in {@code <feature>.labels.txt}, one a line; without it, the names in
     * features.json, else the numbers 0 to numClasses - 1.
     */
    private static List<String> classNames(Path folder, JsonNode features, String labelKey) throws IOException {
        Path labels = folder.resolve(labelKey + ".labels.txt");
        if (Files.isRegularFile(labels)) {
            return Files.readAllLines(labels, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(line -> !line.isEmpty()).toList();
        }
        JsonNode classLabel = features.path("featuresDict").path("features").path(labelKey).path("classLabel");
        List<String> names = new ArrayList<>();
        classLabel.path("names").forEach(name -> names.add(name.asText()));
        if (!names.isEmpty()) {
            return names;
        }
        long count = classLabel.path("numClasses").asLong(0);
        if (count < 1 || count > 100_000) {
            throw new DatasetImportException("The TFDS folder names no classes: it has no " + labelKey
                    + ".labels.txt and features.json gives no numClasses for \"" + labelKey + "\".");
        }
        for (long i = 0; i < count; i++) {
            names.add(Long.toString(i));
        }
        return names;
    }

    /** Returns each split's size as dataset_info.json gives it (the sum of its shardLengths), in its order. */
    private static Map<String, Long> splitSizes(JsonNode info) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (JsonNode split : info.path("splits")) {
            if (split.has("shardLengths")) {
                long total = 0;
                for (JsonNode length : split.path("shardLengths")) {
                    total += length.asLong();
                }
                sizes.put(split.path("name").asText(), total);
            }
        }
        return sizes;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
