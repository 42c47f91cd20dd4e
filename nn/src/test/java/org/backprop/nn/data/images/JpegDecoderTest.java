package org.backprop.nn.data.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.backprop.nn.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Compares {@link JpegDecoder} with ImageIO's decode (libjpeg) of the same quality-95 bytes: mean absolute
 * difference below 2 and largest below 16 (rounding differs between the two inverse DCTs).
 */
class JpegDecoderTest {
    private static final String METADATA_FORMAT = "javax_imageio_jpeg_image_1.0";
    private static final int[][] SIZES = {{1, 1}, {8, 8}, {7, 5}, {33, 17}, {64, 48}};

    @ParameterizedTest(name = "colour {0}, chroma sampling {1}×{2}, restart interval {3}")
    @CsvSource({"false, 1, 1, 0", "true, 2, 2, 0", "true, 1, 1, 0", "true, 2, 1, 0", "true, 2, 2, 3",
        "true, 1, 1, 5", "false, 1, 1, 2"})
    void decodesImageIoJpegsAsImageIoDoes(boolean colour, int lumaH, int lumaV, int restartInterval)
            throws IOException {
        Random random = new Random(5);
        for (int[] size : SIZES) {
            BufferedImage image = PngFixtures.randomImage(colour ? 2 : 0, size[0], size[1], random);
            byte[] jpeg = encodeJpeg(image, lumaH, lumaV, restartInterval);
            assertEquals(lumaH << 4 | lumaV, frameHeaderByte(jpeg, 9), "luma sampling factors written");
            assertEquals(restartInterval > 0, indexOf(jpeg, 0xdd) > 0, "restart interval written");
            BufferedImage reference = ImageIO.read(new ByteArrayInputStream(jpeg));

            Tensor decoded = JpegDecoder.decode(jpeg);

            int channels = colour ? 3 : 1;
            assertArrayEquals(new int[] {size[1], size[0], channels}, decoded.shape());
            assertClose(pixels(reference, channels), decoded.toArray(), Arrays.toString(size));
            if (restartInterval > 0 && size[0] * size[1] > 64 * 16 * restartInterval) {
                assertTrue(indexOf(jpeg, 0xd0) > 0, "restart markers in the data of " + Arrays.toString(size));
            }
        }
    }

    @Test
    void rejectsBytesThatAreNotJpeg() {
        assertMessage("not a JPEG image: the bytes do not start with FF D8 FF (got 8 bytes)",
                Arrays.copyOf(PngFixtures.SIGNATURE, 8));
    }

    @Test
    void saysProgressiveImagesAreNotSupportedYet() throws IOException {
        BufferedImage image = PngFixtures.randomImage(2, 16, 16, new Random(1));
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        assertMessage("progressive JPEG images are not supported yet", write(writer, image, param, null));
    }

    @Test
    void rejectsTruncatedAndCorruptData() throws IOException {
        byte[] jpeg = encodeJpeg(PngFixtures.randomImage(2, 32, 32, new Random(2)), 2, 2, 0);
        IllegalArgumentException truncated = assertThrows(IllegalArgumentException.class,
                () -> JpegDecoder.decode(Arrays.copyOf(jpeg, jpeg.length - 40)));
        assertTrue(truncated.getMessage().startsWith("truncated JPEG: "), truncated.getMessage());
        byte[] header = Arrays.copyOf(jpeg, 30);
        IllegalArgumentException cut = assertThrows(IllegalArgumentException.class, () -> JpegDecoder.decode(header));
        assertTrue(cut.getMessage().startsWith("truncated JPEG: the segment of marker"), cut.getMessage());
        byte[] noFrame = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xd9};
        assertMessage("corrupt JPEG: no frame header (SOF0) before the end of the image", noFrame);
    }

    /** Returns {@code image} as JPEG at quality 95 with the luma sampling factors and restart interval given. */
    private static byte[] encodeJpeg(BufferedImage image, int lumaH, int lumaV, int restartInterval)
            throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.95f);
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(METADATA_FORMAT);
        IIOMetadataNode sof = (IIOMetadataNode) root.getElementsByTagName("sof").item(0);
        IIOMetadataNode luma = (IIOMetadataNode) sof.getElementsByTagName("componentSpec").item(0);
        luma.setAttribute("HsamplingFactor", Integer.toString(lumaH));
        luma.setAttribute("VsamplingFactor", Integer.toString(lumaV));
        if (restartInterval > 0) {
            IIOMetadataNode dri = new IIOMetadataNode("dri");
            dri.setAttribute("interval", Integer.toString(restartInterval));
            IIOMetadataNode markers = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
            markers.insertBefore(dri, markers.getElementsByTagName("sos").item(0));
        }
        metadata.setFromTree(METADATA_FORMAT, root);
        return write(writer, image, param, metadata);
    }

    private static byte[] write(ImageWriter writer, BufferedImage image, ImageWriteParam param, IIOMetadata metadata)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, metadata), param);
        }
        writer.dispose();
        return out.toByteArray();
    }

    /** Returns the byte {@code offset} bytes into the SOF0 segment (after its marker). */
    private static int frameHeaderByte(byte[] jpeg, int offset) {
        return jpeg[indexOf(jpeg, 0xc0) + 2 + offset] & 0xff;
    }

    /** Returns where marker {@code FF marker} first occurs, or -1. */
    private static int indexOf(byte[] jpeg, int marker) {
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == marker) {
                return i;
            }
        }
        return -1;
    }

    private static float[] pixels(BufferedImage image, int channels) {
        float[] pixels = new float[image.getWidth() * image.getHeight() * channels];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = (y * image.getWidth() + x) * channels;
                if (channels == 1) {
                    pixels[p] = image.getRaster().getSample(x, y, 0);
                } else {
                    int rgb = image.getRGB(x, y);
                    pixels[p] = rgb >> 16 & 0xff;
                    pixels[p + 1] = rgb >> 8 & 0xff;
                    pixels[p + 2] = rgb & 0xff;
                }
            }
        }
        return pixels;
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        double total = 0;
        float largest = 0;
        for (int i = 0; i < expected.length; i++) {
            float difference = Math.abs(expected[i] - actual[i]);
            total += difference;
            largest = Math.max(largest, difference);
        }
        double mean = total / expected.length;
        assertTrue(mean < 2 && largest < 16, what + ": expected mean absolute difference < 2 and largest < 16 from"
                + " ImageIO's decode, got mean " + mean + " and largest " + largest);
    }

    private static void assertMessage(String expected, byte[] bytes) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> JpegDecoder.decode(bytes));
        assertEquals(expected, error.getMessage());
    }
}
