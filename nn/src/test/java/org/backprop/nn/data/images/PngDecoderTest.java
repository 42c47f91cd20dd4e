package org.backprop.nn.data.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import org.backprop.nn.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PngDecoderTest {
    private static final int[][] SIZES = {{1, 1}, {7, 5}, {33, 17}, {64, 64}};

    @ParameterizedTest(name = "colour type {0}")
    @ValueSource(ints = {0, 2, 3, 4, 6})
    void decodesImageIoPngsExactly(int colorType) {
        Random random = new Random(7L + colorType);
        for (int[] size : SIZES) {
            var image = PngFixtures.randomImage(colorType, size[0], size[1], random);
            byte[] png = PngFixtures.encode(image, "png");
            assertEquals(colorType, png[25], "ImageIO wrote another colour type for " + Arrays.toString(size));

            Tensor decoded = PngDecoder.decode(png);

            int channels = colorType == 0 || colorType == 4 ? 1 : 3;
            assertArrayEquals(new int[] {size[1], size[0], channels}, decoded.shape());
            assertArrayEquals(PngFixtures.expectedPixels(image, colorType), decoded.toArray(),
                    "pixels of a " + size[0] + " × " + size[1] + " image of colour type " + colorType);
        }
    }

    @ParameterizedTest(name = "{0} bytes per pixel")
    @ValueSource(ints = {1, 2, 3, 4})
    void undoesEveryFilterTypeAcrossSplitDataChunks(int bpp) {
        int colorType = new int[] {0, 4, 2, 6}[bpp - 1];
        int width = 9;
        int height = 11;
        byte[] raw = new byte[width * height * bpp];
        new Random(bpp).nextBytes(raw);

        Tensor decoded = PngDecoder.decode(PngFixtures.withEveryFilter(width, height, colorType, bpp, raw));

        int channels = bpp <= 2 ? 1 : 3;
        float[] expected = new float[width * height * channels];
        for (int p = 0; p < width * height; p++) {
            for (int c = 0; c < channels; c++) {
                expected[p * channels + c] = raw[p * bpp + c] & 0xff;
            }
        }
        assertArrayEquals(expected, decoded.toArray());
    }

    @Test
    void rejectsBytesThatAreNotPng() {
        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0, 0, 0, 0, 0};
        assertMessage("not a PNG image: the bytes do not start with the PNG signature 89 50 4E 47 0D 0A 1A 0A"
                + " (got 10 bytes)", jpeg);
        assertMessage("not a PNG image: the bytes do not start with the PNG signature 89 50 4E 47 0D 0A 1A 0A"
                + " (got null)", null);
    }

    @Test
    void saysInterlacedAndSixteenBitImagesAreNotSupportedYet() {
        assertMessage("interlaced (Adam7) PNG images are not supported yet",
                png(PngFixtures.chunk("IHDR", PngFixtures.header(4, 4, 8, 2, 1))));
        assertMessage("16-bit PNG images are not supported yet (only 8-bit)",
                png(PngFixtures.chunk("IHDR", PngFixtures.header(4, 4, 16, 6, 0))));
        assertMessage("4-bit PNG images are not supported yet (only 8-bit)",
                png(PngFixtures.chunk("IHDR", PngFixtures.header(4, 4, 4, 3, 0))));
    }

    @Test
    void rejectsTruncatedData() {
        byte[] png = PngFixtures.encode(PngFixtures.randomImage(2, 8, 8, new Random(1)), "png");
        byte[] cut = Arrays.copyOf(png, 60);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> PngDecoder.decode(cut));
        assertTrue(error.getMessage().startsWith("truncated PNG: chunk IDAT at byte 33 declares"), error.getMessage());
        byte[] noEnd = Arrays.copyOf(png, png.length - 12);
        assertMessage("truncated PNG: it ends at byte " + noEnd.length + " before the IEND chunk", noEnd);
    }

    @Test
    void rejectsImageDataThatInflatesToTooFewBytes() {
        byte[] shortData = PngFixtures.deflate(new byte[10]);
        assertMessage("truncated PNG: the image data inflates to 10 bytes, but 52 are needed", png(
                PngFixtures.chunk("IHDR", PngFixtures.header(4, 4, 8, 2, 0)),
                PngFixtures.chunk("IDAT", shortData)));
    }

    @Test
    void checksEveryChunksCrc() {
        byte[] png = PngFixtures.encode(PngFixtures.randomImage(0, 8, 8, new Random(2)), "png");
        png[45] ^= 1;
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> PngDecoder.decode(png));
        assertTrue(error.getMessage().startsWith("corrupt PNG: chunk IDAT at byte 33 fails its CRC check"),
                error.getMessage());
    }

    @Test
    void rejectsCorruptDataWithAValidCrc() {
        assertMessage("corrupt PNG: the first chunk is IDAT, not IHDR", png(PngFixtures.chunk("IDAT", new byte[3])));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> PngDecoder.decode(png(
                PngFixtures.chunk("IHDR", PngFixtures.header(4, 4, 8, 2, 0)),
                PngFixtures.chunk("IDAT", new byte[] {1, 2, 3, 4}))));
        assertTrue(error.getMessage().startsWith("corrupt PNG: the image data does not inflate: "), error.getMessage());
        byte[] badFilter = new byte[4 * (1 + 4 * 3)];
        badFilter[0] = 7;
        assertMessage("corrupt PNG: row 0 has filter type 7 (must be 0 to 4)", png(
                PngFixtures.chunk("IHDR", PngFixtures.header(4, 4, 8, 2, 0)),
                PngFixtures.chunk("IDAT", PngFixtures.deflate(badFilter))));
    }

    /** Returns a PNG of the signature, {@code chunks} and IEND. */
    private static byte[] png(byte[]... chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(PngFixtures.SIGNATURE);
        for (byte[] chunk : chunks) {
            out.writeBytes(chunk);
        }
        out.writeBytes(PngFixtures.chunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    private static void assertMessage(String expected, byte[] bytes) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> PngDecoder.decode(bytes));
        assertEquals(expected, error.getMessage());
    }
}
