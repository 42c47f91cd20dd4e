package org.backprop.nn.data.images;

import java.util.Arrays;
import org.backprop.nn.Tensor;

/**
 * Decodes baseline JPEG images without AWT, so it runs under TeaVM: 8-bit sequential Huffman coding
 * ({@code SOF0}/{@code SOF1}), greyscale or YCbCr with any sampling factors (4:4:4, 4:2:2, 4:2:0 …), restart
 * markers. Progressive, lossless, arithmetic-coded, 12-bit and CMYK images are rejected as not supported yet.
 *
 * <p>The result has shape {@code [height, width, channels]} with values in [0, 255]: one channel for greyscale
 * images, three (R, G, B) for colour ones. It matches libjpeg's (ImageIO's, TensorFlow's) decode within rounding:
 * the inverse DCT is floating point rather than libjpeg's integer one. Stateless and safe to share.
 */
public final class JpegDecoder {
    private static final int[] ZIGZAG = {0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40,
        48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58,
        59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63};
    private static final int SOF0 = 0xc0;
    private static final int SOF1 = 0xc1;
    private static final int SOF2 = 0xc2;
    private static final int DHT = 0xc4;
    private static final int RST0 = 0xd0;
    private static final int RST7 = 0xd7;
    private static final int EOI = 0xd9;
    private static final int SOS = 0xda;
    private static final int DQT = 0xdb;
    private static final int DRI = 0xdd;

    private final byte[] data;
    private final int[][] quantTables = new int[4][];
    private final JpegHuffman[] dcTables = new JpegHuffman[4];
    private final JpegHuffman[] acTables = new JpegHuffman[4];
    private JpegFrameSize frame;
    private JpegComponent[] components;
    private int restartInterval;

    private JpegDecoder(byte[] data) {
        this.data = data;
    }

    /** Returns whether {@code bytes} start with a JPEG's start-of-image marker {@code FF D8 FF}. */
    public static boolean isJpeg(byte[] bytes) {
        return bytes != null && bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8
                && (bytes[2] & 0xff) == 0xff;
    }

    /** Returns the pixels of the JPEG image {@code jpeg}, shape {@code [height, width, 1 or 3]}, values in [0, 255]. */
    public static Tensor decode(byte[] jpeg) {
        if (!isJpeg(jpeg)) {
            throw new IllegalArgumentException("not a JPEG image: the bytes do not start with FF D8 FF"
                    + (jpeg == null ? " (got null)" : " (got " + jpeg.length + " bytes)"));
        }
        return new JpegDecoder(jpeg).read();
    }

    private Tensor read() {
        int position = 2;
        while (true) {
            if (position + 1 >= data.length) {
                throw new IllegalArgumentException("truncated JPEG: it ends at byte " + data.length
                        + " before the end-of-image marker");
            }
            if ((data[position] & 0xff) != 0xff) {
                throw new IllegalArgumentException("corrupt JPEG: expected a marker at byte " + position);
            }
            int marker = data[position + 1] & 0xff;
            position += 2;
            if (marker == 0xff) {
                position--;
            } else if (marker == EOI) {
                break;
            } else if (marker < RST0 || marker > RST7) {
                position = readSegment(marker, position);
            }
        }
        if (frame == null) {
            throw new IllegalArgumentException("corrupt JPEG: no frame header (SOF0) before the end of the image");
        }
        return JpegColor.toPixels(components, frame);
    }

    /** Reads the segment of {@code marker} whose length field is at {@code position}; returns where the next marker is. */
    private int readSegment(int marker, int position) {
        if (position + 2 > data.length || position + readUnsigned16(position) > data.length) {
            throw new IllegalArgumentException("truncated JPEG: the segment of marker " + hex(marker) + " at byte "
                    + (position - 2) + " runs past the end of the data");
        }
        int end = position + readUnsigned16(position);
        int start = position + 2;
        if (marker == SOF0 || marker == SOF1) {
            readFrame(start);
        } else if (marker == SOF2) {
            throw new IllegalArgumentException("progressive JPEG images are not supported yet");
        } else if (marker >= 0xc3 && marker <= 0xcf && marker != DHT && marker != 0xc8 && marker != 0xcc) {
            throw new IllegalArgumentException("lossless, hierarchical and arithmetic-coded JPEG images (marker "
                    + hex(marker) + ") are not supported yet");
        } else if (marker == DHT) {
            readHuffmanTables(start, end);
        } else if (marker == DQT) {
            readQuantTables(start, end);
        } else if (marker == DRI) {
            restartInterval = readUnsigned16(start);
        } else if (marker == SOS) {
            return readScan(start, end);
        }
        return end;
    }

    private void readFrame(int position) {
        int precision = data[position] & 0xff;
        int height = readUnsigned16(position + 1);
        int width = readUnsigned16(position + 3);
        int count = data[position + 5] & 0xff;
        if (precision != 8) {
            throw new IllegalArgumentException(precision + "-bit JPEG images are not supported yet (only 8-bit)");
        }
        if (count != 1 && count != 3) {
            throw new IllegalArgumentException("JPEG images with " + count + " components are not supported yet"
                    + " (only greyscale and YCbCr)");
        }
        if (width == 0 || height == 0) {
            throw new IllegalArgumentException("corrupt JPEG: the image is " + width + " × " + height + " pixels");
        }
        int maxH = 1;
        int maxV = 1;
        for (int i = 0; i < count; i++) {
            int sampling = data[position + 7 + 3 * i] & 0xff;
            maxH = Math.max(maxH, sampling >> 4);
            maxV = Math.max(maxV, sampling & 15);
        }
        frame = new JpegFrameSize(width, height, maxH, maxV);
        components = new JpegComponent[count];
        for (int i = 0; i < count; i++) {
            int at = position + 6 + 3 * i;
            int h = (data[at + 1] & 0xff) >> 4;
            int v = data[at + 1] & 15;
            int table = data[at + 2] & 0xff;
            if (h < 1 || h > 4 || v < 1 || v > 4 || table > 3) {
                throw new IllegalArgumentException("corrupt JPEG: component " + i + " has sampling factors " + h + "×" + v
                        + " and quantisation table " + table);
            }
            components[i] = new JpegComponent(data[at] & 0xff, h, v, table, frame);
        }
    }

    private void readQuantTables(int position, int end) {
        while (position < end) {
            int precision = (data[position] & 0xff) >> 4;
            int id = data[position] & 15;
            if (id > 3) {
                throw new IllegalArgumentException("corrupt JPEG: quantisation table " + id + " (must be 0 to 3)");
            }
            int[] table = new int[64];
            position++;
            for (int k = 0; k < 64; k++) {
                table[k] = precision == 0 ? data[position + k] & 0xff : readUnsigned16(position + 2 * k);
            }
            quantTables[id] = table;
            position += precision == 0 ? 64 : 128;
        }
    }

    private void readHuffmanTables(int position, int end) {
        while (position < end) {
            int tableClass = (data[position] & 0xff) >> 4;
            int id = data[position] & 15;
            if (tableClass > 1 || id > 3) {
                throw new IllegalArgumentException("corrupt JPEG: Huffman table class " + tableClass + " and id " + id);
            }
            int[] counts = new int[16];
            int total = 0;
            for (int i = 0; i < 16; i++) {
                counts[i] = data[position + 1 + i] & 0xff;
                total += counts[i];
            }
            if (position + 17 + total > end) {
                throw new IllegalArgumentException("corrupt JPEG: a Huffman table runs past its segment");
            }
            int[] symbols = new int[total];
            for (int i = 0; i < total; i++) {
                symbols[i] = data[position + 17 + i] & 0xff;
            }
            (tableClass == 0 ? dcTables : acTables)[id] = new JpegHuffman(counts, symbols);
            position += 17 + total;
        }
    }

    /** Decodes the scan whose header is at {@code position}; returns where the marker after its data is. */
    private int readScan(int position, int headerEnd) {
        if (frame == null) {
            throw new IllegalArgumentException("corrupt JPEG: a scan comes before the frame header (SOF0)");
        }
        int count = data[position] & 0xff;
        JpegComponent[] scan = new JpegComponent[count];
        for (int i = 0; i < count; i++) {
            scan[i] = component(data[position + 1 + 2 * i] & 0xff);
            int tables = data[position + 2 + 2 * i] & 0xff;
            scan[i].dcTable = table(dcTables, tables >> 4, "DC");
            scan[i].acTable = table(acTables, tables & 15, "AC");
            scan[i].previousDc = 0;
        }
        JpegBits bits = new JpegBits(data, headerEnd);
        int mcusPerLine = count == 1 ? scan[0].codedBlocksPerLine() : frame.mcusPerLine();
        int mcus = mcusPerLine * (count == 1 ? scan[0].codedBlocksPerColumn() : frame.mcusPerColumn());
        int[] coefficients = new int[64];
        for (int mcu = 0; mcu < mcus; mcu++) {
            if (restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0) {
                bits.restart((mcu / restartInterval - 1) % 8);
                for (JpegComponent c : scan) {
                    c.previousDc = 0;
                }
            }
            int row = mcu / mcusPerLine;
            int column = mcu % mcusPerLine;
            if (count == 1) {
                decodeBlock(scan[0], bits, coefficients, row, column);
            } else {
                for (JpegComponent c : scan) {
                    for (int v = 0; v < c.vertical; v++) {
                        for (int h = 0; h < c.horizontal; h++) {
                            decodeBlock(c, bits, coefficients, row * c.vertical + v, column * c.horizontal + h);
                        }
                    }
                }
            }
        }
        return nextMarker(bits.position());
    }

    private void decodeBlock(JpegComponent c, JpegBits bits, int[] coefficients, int blockRow, int blockColumn) {
        int[] quant = quantTables[c.quantTable];
        if (quant == null) {
            throw new IllegalArgumentException("corrupt JPEG: quantisation table " + c.quantTable
                    + " is used but not defined");
        }
        Arrays.fill(coefficients, 0);
        int size = c.dcTable.decode(bits);
        c.previousDc += size == 0 ? 0 : extend(bits.bits(size), size);
        coefficients[0] = c.previousDc * quant[0];
        for (int k = 1; k < 64; k++) {
            int symbol = c.acTable.decode(bits);
            int run = symbol >> 4;
            size = symbol & 15;
            if (size == 0) {
                if (run != 15) {
                    break;
                }
                k += 15;
                continue;
            }
            k += run;
            if (k > 63) {
                throw new IllegalArgumentException("corrupt JPEG: a block's coefficients run past 64");
            }
            coefficients[ZIGZAG[k]] = extend(bits.bits(size), size) * quant[k];
        }
        int stride = c.blocksPerLine * 8;
        JpegIdct.inverse(coefficients, c.plane, blockRow * 8 * stride + blockColumn * 8, stride);
    }

    private static int extend(int value, int size) {
        return value < 1 << (size - 1) ? value - (1 << size) + 1 : value;
    }

    private int nextMarker(int position) {
        while (position + 1 < data.length && !((data[position] & 0xff) == 0xff && (data[position + 1] & 0xff) != 0
                && ((data[position + 1] & 0xff) < RST0 || (data[position + 1] & 0xff) > RST7))) {
            position++;
        }
        return position;
    }

    private JpegComponent component(int id) {
        for (JpegComponent c : components) {
            if (c.id == id) {
                return c;
            }
        }
        throw new IllegalArgumentException("corrupt JPEG: a scan names component " + id + ", which the frame lacks");
    }

    private static JpegHuffman table(JpegHuffman[] tables, int id, String kind) {
        if (id > 3 || tables[id] == null) {
            throw new IllegalArgumentException("corrupt JPEG: " + kind + " Huffman table " + id
                    + " is used but not defined");
        }
        return tables[id];
    }

    private int readUnsigned16(int position) {
        return (data[position] & 0xff) << 8 | data[position + 1] & 0xff;
    }

    private static String hex(int marker) {
        return "FF" + Integer.toHexString(0x100 | marker).substring(1).toUpperCase();
    }
}
