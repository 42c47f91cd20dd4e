package org.backprop.nn.data.images;

/** A JPEG Huffman table, built from a {@code DHT} segment's code counts and symbols (ITU T.81 annex C and F.2.2.3). */
final class JpegHuffman {
    private static final int MAX_LENGTH = 16;
    private final int[] maxCode = new int[MAX_LENGTH + 2];
    private final int[] valueOffset = new int[MAX_LENGTH + 1];
    private final int[] symbols;

    /** Builds the table from {@code counts[l - 1]} codes of each length l and the symbols in code order. */
    JpegHuffman(int[] counts, int[] symbols) {
        this.symbols = symbols;
        int code = 0;
        int index = 0;
        for (int length = 1; length <= MAX_LENGTH; length++) {
            valueOffset[length] = index - code;
            code += counts[length - 1];
            index += counts[length - 1];
            maxCode[length] = counts[length - 1] == 0 ? -1 : code - 1;
            if (code > 1 << length) {
                throw new IllegalArgumentException("corrupt JPEG: a Huffman table has more codes of length " + length
                        + " than fit");
            }
            code <<= 1;
        }
        maxCode[MAX_LENGTH + 1] = Integer.MAX_VALUE;
    }

    /** Returns the next symbol read from {@code bits}. */
    int decode(JpegBits bits) {
        int code = bits.bit();
        for (int length = 1; length <= MAX_LENGTH; length++) {
            if (code <= maxCode[length]) {
                return symbols[valueOffset[length] + code];
            }
            code = code << 1 | bits.bit();
        }
        throw new IllegalArgumentException("corrupt JPEG: a bit sequence matches no Huffman code");
    }
}
