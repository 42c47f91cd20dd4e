package org.backprop.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class MnistDigitsTest {
    /** Images per digit in mnist 1.1.0's files 0.json … 9.json. */
    private static final int[] IMAGES_PER_DIGIT = {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};

    @Test
    void readsRealDigitsFromTheNpmPackage() {
        Dataset sevens = MnistDigits.readDigitFile(NodeModules.readText("mnist/src/digits/7.json"), 7);
        assertEquals(1070, sevens.size());
        assertArrayEquals(new int[] {28, 28, 1}, sevens.featureShape());
        assertArrayEquals(new int[] {1070}, sevens.labels().shape());
        assertEquals(7f, sevens.labels().get(1069));
        float[] pixels = sevens.features().toArray();
        for (int image = 0; image < 3; image++) {
            // A seven is ink on a background: the corners are empty and some pixels are nearly black.
            assertEquals(0f, pixels[image * 784], "top-left pixel of image " + image);
            assertEquals(0f, pixels[image * 784 + 783], "bottom-right pixel of image " + image);
            float darkest = 0;
            int ink = 0;
            for (int i = image * 784; i < (image + 1) * 784; i++) {
                darkest = Math.max(darkest, pixels[i]);
                ink += pixels[i] > 0 ? 1 : 0;
            }
            assertTrue(darkest > 0.9f, "darkest pixel of image " + image + " is " + darkest);
            assertTrue(ink > 40 && ink < 400, "image " + image + " has " + ink + " inked pixels");
        }
    }

    @Test
    void keepsTheFilesPixelValues() {
        Dataset zeros = MnistDigits.readDigitFile(NodeModules.readText("mnist/src/digits/0.json"), 0);
        assertEquals(1001, zeros.size());
        // The file starts with 127 zeros, then 0.2, 0.624, 0.992 on the first image's fifth row.
        float[] pixels = zeros.features().toArray();
        assertEquals(0f, pixels[126]);
        assertArrayEquals(new float[] {0.2f, 0.624f, 0.992f}, new float[] {pixels[127], pixels[128], pixels[129]});
    }

    @Test
    void readsAllTenFilesInAStratifiedOrder() {
        List<String> files = new ArrayList<>();
        for (int digit = 0; digit < 10; digit++) {
            files.add(NodeModules.readText("mnist/src/digits/" + digit + ".json"));
        }
        Dataset all = MnistDigits.read(files);
        assertEquals(10_000, all.size());
        assertArrayEquals(IMAGES_PER_DIGIT, countPerDigit(all.labels()));
        int[] validation = countPerDigit(all.split(0.2).validation().labels());
        for (int digit = 0; digit < 10; digit++) {
            int expected = Math.round(IMAGES_PER_DIGIT[digit] * 0.2f);
            assertTrue(Math.abs(validation[digit] - expected) <= 1,
                    "digit " + digit + ": expected about " + expected + " validation images, got " + validation[digit]);
        }
    }

    @Test
    void interleavesSmallFilesEvenly() {
        List<String> files = new ArrayList<>();
        for (int digit = 0; digit < 10; digit++) {
            // Digit d has d + 1 images whose pixels are all d / 10, so each image can be traced back.
            StringBuilder json = new StringBuilder("{\"data\": [");
            for (int i = 0; i < (digit + 1) * 784; i++) {
                json.append(i == 0 ? "" : ",").append(digit / 10.0);
            }
            files.add(json.append("]}").toString());
        }
        Dataset all = MnistDigits.read(files);
        assertEquals(55, all.size());
        float[] labels = all.labels().toArray();
        float[] pixels = all.features().toArray();
        for (int i = 0; i < labels.length; i++) {
            assertEquals(labels[i] / 10f, pixels[i * 784], 1e-6f, "pixels of example " + i + " match its label");
        }
        // Positions (k + 1/2) / n: digit 9's first image (0.05) comes first, digit 0's only one (0.5) mid-way.
        assertEquals(9f, labels[0]);
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, countPerDigit(all.labels()));
        assertEquals(0f, labels[firstIndexOf(labels, 0)]);
        assertTrue(Math.abs(firstIndexOf(labels, 0) - 27) <= 3, "digit 0 sits mid-way, at " + firstIndexOf(labels, 0));
    }

    @Test
    void badFilesAreReportedByDigit() {
        assertMessage("digit file 3.json holds 5 values, which is not a whole number of 28 × 28 images (784 values each)",
                () -> MnistDigits.readDigitFile("{\"data\": [0, 0, 0, 0, 0]}", 3));
        assertMessage("value 1 of digit file 2.json is 255.0, but pixels must be grey levels in [0, 1]",
                () -> MnistDigits.readDigitFile("{\"data\": [0, 255]}", 2));
        assertMessage("digit file 1.json has no \"data\" array", () -> MnistDigits.readDigitFile("{\"pixels\": []}", 1));
        assertMessage("digit file 4.json is not the mnist package's format: JSON at line 1, column 1: expected '{'"
                + " but found '['", () -> MnistDigits.readDigitFile("[]", 4));
        assertMessage("digit must be between 0 and 9, got 10", () -> MnistDigits.readDigitFile("{}", 10));
        assertMessage("digitFiles must hold the text of the ten files 0.json … 9.json, got 2 files",
                () -> MnistDigits.read(List.of("{}", "{}")));
    }

    private static void assertMessage(String expected, Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    private static int[] countPerDigit(Tensor labels) {
        int[] counts = new int[10];
        for (float label : labels.toArray()) {
            counts[(int) label]++;
        }
        return counts;
    }

    private static int firstIndexOf(float[] labels, int digit) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == digit) {
                return i;
            }
        }
        return -1;
    }
}
