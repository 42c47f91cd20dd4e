package org.backprop.nn.io;

/** Fills a byte array of known size with little-endian fields. */
final class ByteWriter {
    private final byte[] bytes;
    private int pos;

    ByteWriter(int size) {
        bytes = new byte[size];
    }

    void bytes(byte[] values) {
        System.arraycopy(values, 0, bytes, pos, values.length);
        pos += values.length;
    }

    void int32(int value) {
        bytes[pos] = (byte) value;
        bytes[pos + 1] = (byte) (value >>> 8);
        bytes[pos + 2] = (byte) (value >>> 16);
        bytes[pos + 3] = (byte) (value >>> 24);
        pos += 4;
    }

    byte[] result() {
        if (pos != bytes.length) {
            throw new IllegalStateException("wrote " + pos + " of " + bytes.length + " bytes");
        }
        return bytes;
    }
}
