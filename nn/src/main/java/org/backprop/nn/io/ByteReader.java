package org.backprop.nn.io;

import java.nio.charset.StandardCharsets;

/**
 * Reads little-endian fields from a byte array, checking before each read that the bytes are there, so that a
 * truncated or corrupted file fails with a message naming the field instead of an index error or a huge
 * allocation.
 */
final class ByteReader {
    private final byte[] bytes;
    private int pos;

    ByteReader(byte[] bytes) {
        this.bytes = bytes;
    }

    int remaining() {
        return bytes.length - pos;
    }

    void skip(int count) {
        pos += count;
    }

    /** Fails unless {@code count} more bytes are there; {@code field} names what they would hold. */
    void require(long count, String field) {
        if (count > remaining()) {
            throw new IllegalArgumentException("The weights file is cut off: it ends after " + bytes.length
                    + " bytes, in " + field);
        }
    }

    /** Returns the next 4 bytes as an int; the caller has checked they are there. */
    int int32() {
        int value = (bytes[pos] & 0xFF) | (bytes[pos + 1] & 0xFF) << 8 | (bytes[pos + 2] & 0xFF) << 16
                | (bytes[pos + 3] & 0xFF) << 24;
        pos += 4;
        return value;
    }

    long uint32(String field) {
        require(4, field);
        return int32() & 0xFFFFFFFFL;
    }

    /** Returns an unsigned 32-bit count or size, which must also fit in an int. */
    int length(String field) {
        long value = uint32(field);
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("The weights file is corrupted: " + field + " is " + value);
        }
        return (int) value;
    }

    String utf8(int length, String field) {
        require(length, field);
        String value = new String(bytes, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return value;
    }
}
