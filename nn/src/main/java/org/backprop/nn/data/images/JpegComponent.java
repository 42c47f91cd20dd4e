package org.backprop.nn.data.images;

/**
 * One colour component of a JPEG frame (Y, Cb or Cr): its sampling factors and tables, and the plane of samples
 * its blocks decode into, padded to whole MCUs. Mutable, owned by one decoding.
 */
final class JpegComponent {
    final int id;
    final int horizontal;
    final int vertical;
    final int quantTable;
    /** Samples that hold image data, as libjpeg's {@code downsampled_width} and height. */
    final int width;
    final int height;
    final int blocksPerLine;
    final int blocksPerColumn;
    final byte[] plane;
    JpegHuffman dcTable;
    JpegHuffman acTable;
    int previousDc;

    JpegComponent(int id, int horizontal, int vertical, int quantTable, JpegFrameSize frame) {
        this.id = id;
        this.horizontal = horizontal;
        this.vertical = vertical;
        this.quantTable = quantTable;
        this.width = ceilDiv(frame.width() * horizontal, frame.maxHorizontal());
        this.height = ceilDiv(frame.height() * vertical, frame.maxVertical());
        this.blocksPerLine = frame.mcusPerLine() * horizontal;
        this.blocksPerColumn = frame.mcusPerColumn() * vertical;
        this.plane = new byte[blocksPerLine * 8 * blocksPerColumn * 8];
    }

    /** Returns the number of blocks across and down that hold image data, which a non-interleaved scan codes. */
    int codedBlocksPerLine() {
        return ceilDiv(width, 8);
    }

    int codedBlocksPerColumn() {
        return ceilDiv(height, 8);
    }

    /** Returns the sample at ({@code x}, {@code y}), clamped to the image-data part of the plane. */
    int sample(int x, int y) {
        int cx = Math.min(Math.max(x, 0), width - 1);
        int cy = Math.min(Math.max(y, 0), height - 1);
        return plane[cy * blocksPerLine * 8 + cx] & 0xff;
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
