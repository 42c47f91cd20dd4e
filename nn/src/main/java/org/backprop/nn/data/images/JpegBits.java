package org.backprop.nn.data.images;

/**
 * Reads the entropy-coded bits of a JPEG scan, most significant first, dropping the zero byte stuffed after
 * each {@code 0xFF}; at a marker it stops consuming and yields zero bits, as libjpeg does.
 */
final class JpegBits {
    private final byte[] data;
    private int position;
    private int buffer;
    private int count;

    JpegBits(byte[] data, int position) {
        this.data = data;
        this.position = position;
    }

    /** Returns the next bit. */
    int bit() {
        if (count == 0) {
            fill();
        }
        count--;
        return buffer >>> count & 1;
    }

    /** Returns the next {@code n} bits as an unsigned number, {@code n} from 0 to 16. */
    int bits(int n) {
        int value = 0;
        for (int i = 0; i < n; i++) {
            value = value << 1 | bit();
        }
        return value;
    }

    /** Skips the rest of the byte and the restart marker {@code RSTn} that must follow, {@code n} from 0 to 7. */
    void restart(int n) {
        count = 0;
        if (position + 1 >= data.length || (data[position] & 0xff) != 0xff
                || (data[position + 1] & 0xff) != 0xd0 + n) {
            throw new IllegalArgumentException("corrupt JPEG: expected restart marker RST" + n + " at byte " + position);
        }
        position += 2;
    }

    /** Returns the position of the first byte not yet read: the marker that ends the scan once it is read. */
    int position() {
        return position;
    }

    private void fill() {
        if (position >= data.length) {
            throw new IllegalArgumentException("truncated JPEG: the image data ends at byte " + data.length);
        }
        int value = data[position] & 0xff;
        if (value == 0xff) {
            int next = position + 1 < data.length ? data[position + 1] & 0xff : -1;
            if (next == 0) {
                position += 2;
            } else if (next == -1) {
                throw new IllegalArgumentException("truncated JPEG: the image data ends at byte " + data.length);
            } else {
                value = 0;
            }
        } else {
            position++;
        }
        buffer = value;
        count = 8;
    }
}
