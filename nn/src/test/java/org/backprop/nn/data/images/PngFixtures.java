package org.backprop.nn.data.images;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/** Encodes test PNGs: random images through ImageIO, and hand-built files whose filters and chunks tests choose. */
final class PngFixtures {
    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngFixtures() {
    }

    /** Returns a random image of PNG colour type {@code colorType} (0, 2, 3, 4 or 6) from {@code random}. */
    static BufferedImage randomImage(int colorType, int width, int height, Random random) {
        BufferedImage image = switch (colorType) {
            case 0 -> new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            case 2 -> new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
            case 3 -> new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, randomPalette(random));
            case 4 -> {
                ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY),
                        new int[] {8, 8}, true, false, Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
                yield new BufferedImage(model, model.createCompatibleWritableRaster(width, height), false, null);
            }
            case 6 -> new BufferedImage(width, height, BufferedImage.TYPE_4BYTE_ABGR);
            default -> throw new IllegalArgumentException("colour type " + colorType);
        };
        int bands = image.getRaster().getNumBands();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int b = 0; b < bands; b++) {
                    image.getRaster().setSample(x, y, b, random.nextInt(colorType == 3 ? 200 : 256));
                }
            }
        }
        return image;
    }

    private static IndexColorModel randomPalette(Random random) {
        byte[][] rgb = new byte[3][200];
        for (byte[] channel : rgb) {
            random.nextBytes(channel);
        }
        return new IndexColorModel(8, 200, rgb[0], rgb[1], rgb[2]);
    }

    /** Returns {@code image} encoded by ImageIO in {@code format} ("png" or "jpeg"). */
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

    /** Returns the pixels ImageIO's image holds, as {@link PngDecoder} should give them: [h, w, 1 or 3] row-major. */
    static float[] expectedPixels(BufferedImage image, int colorType) {
        int width = image.getWidth();
        int height = image.getHeight();
        int channels = colorType == 0 || colorType == 4 ? 1 : 3;
        float[] pixels = new float[width * height * channels];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = (y * width + x) * channels;
                if (channels == 1) {
                    pixels[p] = image.getRaster().getSample(x, y, 0);
                } else if (colorType == 3) {
                    int index = image.getRaster().getSample(x, y, 0);
                    IndexColorModel model = (IndexColorModel) image.getColorModel();
                    pixels[p] = model.getRed(index);
                    pixels[p + 1] = model.getGreen(index);
                    pixels[p + 2] = model.getBlue(index);
                } else {
                    for (int c = 0; c < 3; c++) {
                        pixels[p + c] = image.getRaster().getSample(x, y, c);
                    }
                }
            }
        }
        return pixels;
    }

    /**
     * Returns a PNG of 8-bit {@code raw} rows ({@code height × width × bpp} bytes) whose row y is filtered with
     * filter type {@code y % 5}, the zlib stream split over two IDAT chunks.
     */
    static byte[] withEveryFilter(int width, int height, int colorType, int bpp, byte[] raw) {
        int rowBytes = width * bpp;
        ByteArrayOutputStream filtered = new ByteArrayOutputStream();
        for (int y = 0; y < height; y++) {
            int filter = y % 5;
            filtered.write(filter);
            for (int x = 0; x < rowBytes; x++) {
                int a = x >= bpp ? raw[y * rowBytes + x - bpp] & 0xff : 0;
                int b = y > 0 ? raw[(y - 1) * rowBytes + x] & 0xff : 0;
                int c = x >= bpp && y > 0 ? raw[(y - 1) * rowBytes + x - bpp] & 0xff : 0;
                int predicted = switch (filter) {
                    case 0 -> 0;
                    case 1 -> a;
                    case 2 -> b;
                    case 3 -> (a + b) / 2;
                    default -> paeth(a, b, c);
                };
                filtered.write((raw[y * rowBytes + x] & 0xff) - predicted);
            }
        }
        byte[] compressed = deflate(filtered.toByteArray());
        int half = compressed.length / 2;
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(SIGNATURE);
        png.writeBytes(chunk("IHDR", header(width, height, 8, colorType, 0)));
        png.writeBytes(chunk("IDAT", Arrays.copyOfRange(compressed, 0, half)));
        png.writeBytes(chunk("IDAT", Arrays.copyOfRange(compressed, half, compressed.length)));
        png.writeBytes(chunk("IEND", new byte[0]));
        return png.toByteArray();
    }

    /** Returns the 13 bytes of an IHDR chunk. */
    static byte[] header(int width, int height, int bitDepth, int colorType, int interlace) {
        return new byte[] {(byte) (width >>> 24), (byte) (width >>> 16), (byte) (width >>> 8), (byte) width,
            (byte) (height >>> 24), (byte) (height >>> 16), (byte) (height >>> 8), (byte) height,
            (byte) bitDepth, (byte) colorType, 0, 0, (byte) interlace};
    }

    /** Returns a chunk: length, type, data and CRC. */
    static byte[] chunk(String type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeInt(out, data.length);
        byte[] typeAndData = new byte[4 + data.length];
        for (int i = 0; i < 4; i++) {
            typeAndData[i] = (byte) type.charAt(i);
        }
        System.arraycopy(data, 0, typeAndData, 4, data.length);
        out.writeBytes(typeAndData);
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        writeInt(out, (int) crc.getValue());
        return out.toByteArray();
    }

    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
