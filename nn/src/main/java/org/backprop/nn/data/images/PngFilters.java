package org.backprop.nn.data.images;

/** Undoes the five PNG row filters (None, Sub, Up, Average, Paeth) of filter method 0. */
final class PngFilters {
    private PngFilters() {
    }

    /**
     * Returns the {@code height × rowBytes} unfiltered bytes of {@code data}, which holds {@code height} rows
     * of a filter-type byte followed by {@code rowBytes} filtered bytes; {@code bpp} is bytes per pixel.
     */
    static byte[] unfilter(byte[] data, int height, int rowBytes, int bpp) {
        byte[] out = new byte[height * rowBytes];
        for (int y = 0; y < height; y++) {
            int in = y * (rowBytes + 1);
            int filter = data[in] & 0xff;
            int row = y * rowBytes;
            for (int x = 0; x < rowBytes; x++) {
                int a = x >= bpp ? out[row + x - bpp] & 0xff : 0;
                int b = y > 0 ? out[row - rowBytes + x] & 0xff : 0;
                int c = x >= bpp && y > 0 ? out[row - rowBytes + x - bpp] & 0xff : 0;
                out[row + x] = (byte) ((data[in + 1 + x] & 0xff) + predict(filter, a, b, c, y));
            }
        }
        return out;
    }

    private static int predict(int filter, int a, int b, int c, int y) {
        switch (filter) {
            case 0:
                return 0;
            case 1:
                return a;
            case 2:
                return b;
            case 3:
                return (a + b) >>> 1;
            case 4:
                return paeth(a, b, c);
            default:
                throw new IllegalArgumentException("corrupt PNG: row " + y + " has filter type " + filter
                        + " (must be 0 to 4)");
        }
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        if (pa <= pb && pa <= pc) {
            return a;
        }
        return pb <= pc ? b : c;
    }
}
