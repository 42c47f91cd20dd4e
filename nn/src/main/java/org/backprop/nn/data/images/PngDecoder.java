package org.backprop.nn.data.images;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.backprop.nn.Tensor;
import org.backprop.nn.internal.TensorInternals;

/**
 * Decodes PNG images without AWT, so it runs under TeaVM: non-interlaced, 8 bits per sample, colour types
 * greyscale, greyscale + alpha, RGB, RGBA and palette; all five row filters. Every chunk's CRC is checked.
 *
 * <p>The result has shape {@code [height, width, channels]} with values in [0, 255]: one channel for greyscale
 * images and three (R, G, B) for RGB, RGBA and palette images, as {@code tf.io.decode_png} gives with the alpha
 * channel dropped (and a palette's {@code tRNS} transparency ignored). Stateless and safe to share.
 */
public final class PngDecoder {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int IHDR = chunkType("IHDR");
    private static final int PLTE = chunkType("PLTE");
    private static final int IDAT = chunkType("IDAT");
    private static final int IEND = chunkType("IEND");
    private static final int ANCILLARY_BIT = 0x20000000;

    private PngDecoder() {
    }

    /** Returns whether {@code bytes} start with the PNG signature. */
    public static boolean isPng(byte[] bytes) {
        if (bytes == null || bytes.length < SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (bytes[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /** Returns the pixels of the PNG image {@code png}, shape {@code [height, width, 1 or 3]}, values in [0, 255]. */
    public static Tensor decode(byte[] png) {
        if (!isPng(png)) {
            throw new IllegalArgumentException("not a PNG image: the bytes do not start with the PNG signature"
                    + " 89 50 4E 47 0D 0A 1A 0A" + (png == null ? " (got null)" : " (got " + png.length + " bytes)"));
        }
        PngHeader header = null;
        byte[] palette = null;
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        int offset = SIGNATURE.length;
        while (true) {
            if (png.length - offset < 12) {
                throw new IllegalArgumentException("truncated PNG: it ends at byte " + png.length
                        + " before the IEND chunk");
            }
            int length = readInt(png, offset);
            int type = readInt(png, offset + 4);
            int data = offset + 8;
            if (length < 0 || length > png.length - data - 4) {
                throw new IllegalArgumentException("truncated PNG: chunk " + typeName(type) + " at byte " + offset
                        + " declares " + length + " bytes, but only " + Math.max(0, png.length - data - 4) + " follow");
            }
            checkCrc(png, offset, length, type);
            if (header == null && type != IHDR) {
                throw new IllegalArgumentException("corrupt PNG: the first chunk is " + typeName(type) + ", not IHDR");
            }
            if (type == IHDR) {
                header = PngHeader.parse(png, data, length);
            } else if (type == PLTE) {
                palette = readPalette(png, data, length);
            } else if (type == IDAT) {
                compressed.write(png, data, length);
            } else if (type == IEND) {
                break;
            } else if ((type & ANCILLARY_BIT) == 0) {
                throw new IllegalArgumentException("PNG chunk " + typeName(type) + " is critical but not supported yet");
            }
            offset = data + length + 4;
        }
        if (header.colorType() == PngHeader.PALETTE && palette == null) {
            throw new IllegalArgumentException("corrupt PNG: a palette image without a PLTE chunk");
        }
        byte[] filtered = inflate(compressed.toByteArray(), header.height() * (header.rowBytes() + 1));
        byte[] raw = PngFilters.unfilter(filtered, header.height(), header.rowBytes(), header.bytesPerPixel());
        return toTensor(header, raw, palette);
    }

    static int readInt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) << 24 | (bytes[offset + 1] & 0xff) << 16 | (bytes[offset + 2] & 0xff) << 8
                | bytes[offset + 3] & 0xff;
    }

    private static void checkCrc(byte[] png, int offset, int length, int type) {
        CRC32 crc = new CRC32();
        crc.update(png, offset + 4, length + 4);
        long stored = readInt(png, offset + 8 + length) & 0xffffffffL;
        if (crc.getValue() != stored) {
            throw new IllegalArgumentException("corrupt PNG: chunk " + typeName(type) + " at byte " + offset
                    + " fails its CRC check (stored " + Long.toHexString(stored) + ", computed "
                    + Long.toHexString(crc.getValue()) + ")");
        }
    }

    private static byte[] readPalette(byte[] png, int offset, int length) {
        if (length == 0 || length % 3 != 0 || length > 256 * 3) {
            throw new IllegalArgumentException("corrupt PNG: the PLTE chunk holds " + length
                    + " bytes, which is not 1 to 256 RGB entries");
        }
        byte[] palette = new byte[length];
        System.arraycopy(png, offset, palette, 0, length);
        return palette;
    }

    private static byte[] inflate(byte[] compressed, int expected) {
        Inflater inflater = new Inflater();
        byte[] out = new byte[expected];
        int written = 0;
        try {
            inflater.setInput(compressed);
            while (written < expected && !inflater.finished()) {
                int n = inflater.inflate(out, written, expected - written);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                written += n;
            }
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("corrupt PNG: the image data does not inflate: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
        if (written < expected) {
            throw new IllegalArgumentException("truncated PNG: the image data inflates to " + written
                    + " bytes, but " + expected + " are needed");
        }
        return out;
    }

    private static Tensor toTensor(PngHeader header, byte[] raw, byte[] palette) {
        int pixels = header.width() * header.height();
        int channels = header.outputChannels();
        int bpp = header.bytesPerPixel();
        float[] values = new float[pixels * channels];
        for (int p = 0; p < pixels; p++) {
            if (header.colorType() == PngHeader.PALETTE) {
                int entry = raw[p] & 0xff;
                if (entry * 3 >= palette.length) {
                    throw new IllegalArgumentException("corrupt PNG: pixel " + p + " uses palette entry " + entry
                            + ", but the palette holds " + palette.length / 3);
                }
                for (int c = 0; c < 3; c++) {
                    values[p * 3 + c] = palette[entry * 3 + c] & 0xff;
                }
            } else {
                for (int c = 0; c < channels; c++) {
                    values[p * channels + c] = raw[p * bpp + c] & 0xff;
                }
            }
        }
        return TensorInternals.wrap(new int[] {header.height(), header.width(), channels}, values);
    }

    private static int chunkType(String name) {
        return name.charAt(0) << 24 | name.charAt(1) << 16 | name.charAt(2) << 8 | name.charAt(3);
    }

    private static String typeName(int type) {
        StringBuilder name = new StringBuilder();
        for (int shift = 24; shift >= 0; shift -= 8) {
            int c = type >>> shift & 0xff;
            name.append(c >= 0x20 && c < 0x7f ? (char) c : '?');
        }
        return name.toString();
    }
}
