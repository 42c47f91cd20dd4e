package org.backprop.nn.data.store;

/**
 * One shard read from its bytes (layout in the {@linkplain org.backprop.nn.data.store package description}):
 * {@code count} examples, each an image {@code [height, width, channels]} of uint8 pixels and an int label.
 * Reading checks the header and the length and keeps the array as it is: examples are decoded one at a time,
 * never the whole shard to floats. The caller must not change the array afterwards. Not thread-safe.
 */
public final class Shard {
    /** The size of the header: magic, version, count, height, width, channels. */
    public static final int HEADER_BYTES = 24;
    /** The format version this reader and {@link ShardWriter} speak. */
    public static final int VERSION = 1;
    static final byte[] MAGIC = {'B', 'P', 'D', 'S'};
    /** Images larger than this per side are refused: no course needs them and they would overflow the offsets. */
    static final int MAX_SIDE = 4096;

    private final byte[] bytes;
    private final int count;
    private final int height;
    private final int width;
    private final int channels;
    private final int labelsOffset;

    private Shard(byte[] bytes, int count, int height, int width, int channels, int labelsOffset) {
        this.bytes = bytes;
        this.count = count;
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.labelsOffset = labelsOffset;
    }

    /**
     * Returns the shard that {@code bytes} holds; fails with a message saying what is wrong when they are not
     * a complete shard of this format (another file, a newer version, a truncated or padded download).
     */
    public static Shard read(byte[] bytes) {
        if (bytes == null) {
            throw new IllegalArgumentException("bytes must not be null");
        }
        if (bytes.length < HEADER_BYTES) {
            throw new IllegalArgumentException("not a Backprop dataset shard: " + bytes.length
                    + " bytes, shorter than the " + HEADER_BYTES + "-byte header");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new IllegalArgumentException("not a Backprop dataset shard: it does not start with \"BPDS\"");
            }
        }
        int version = int32(bytes, 4);
        if (version != VERSION) {
            throw new IllegalArgumentException("the shard has format version " + version + "; this library reads"
                    + " version " + VERSION);
        }
        int count = int32(bytes, 8);
        int height = int32(bytes, 12);
        int width = int32(bytes, 16);
        int channels = int32(bytes, 20);
        if (count < 1) {
            throw new IllegalArgumentException("the shard's header says it holds " + count + " examples");
        }
        requireShape(height, width, channels);
        long pixels = (long) count * height * width * channels;
        long labelsOffset = align4(HEADER_BYTES + pixels);
        long expected = labelsOffset + 4L * count;
        if (bytes.length != expected) {
            throw new IllegalArgumentException("the shard is " + bytes.length + " bytes but its header ("
                    + count + " examples of " + height + "x" + width + "x" + channels + ") needs exactly "
                    + expected + (bytes.length < expected ? ": it was cut short" : ""));
        }
        return new Shard(bytes, count, height, width, channels, (int) labelsOffset);
    }

    /** Returns the number of examples. */
    public int count() {
        return count;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public int channels() {
        return channels;
    }

    /** Returns the bytes of one example's pixels, {@code height * width * channels}. */
    public int exampleBytes() {
        return height * width * channels;
    }

    /** Returns the label of example {@code index}, an index into the manifest's class names. */
    public int label(int index) {
        checkIndex(index);
        return int32(bytes, labelsOffset + 4 * index);
    }

    /** Returns pixel {@code offset} (0 to {@code exampleBytes() - 1}, HWC order) of example {@code index}, 0-255. */
    public int pixel(int index, int offset) {
        checkIndex(index);
        if (offset < 0 || offset >= exampleBytes()) {
            throw new IndexOutOfBoundsException("offset must be in [0, " + exampleBytes() + "), got " + offset);
        }
        return bytes[HEADER_BYTES + index * exampleBytes() + offset] & 0xff;
    }

    /**
     * Writes example {@code index}'s pixels {@code [height, width, channels]} as floats in [0, 255] (unscaled, as
     * Keras delivers images) into {@code target} from {@code offset}.
     */
    public void pixels(int index, float[] target, int offset) {
        checkIndex(index);
        int size = exampleBytes();
        if (offset < 0 || offset + size > target.length) {
            throw new IndexOutOfBoundsException("target needs " + size + " floats from offset " + offset + ", has "
                    + target.length);
        }
        int from = HEADER_BYTES + index * size;
        for (int i = 0; i < size; i++) {
            target[offset + i] = bytes[from + i] & 0xff;
        }
    }

    /** Copies example {@code index}'s raw uint8 pixels into {@code target} from {@code offset}. */
    public void pixels(int index, byte[] target, int offset) {
        checkIndex(index);
        System.arraycopy(bytes, HEADER_BYTES + index * exampleBytes(), target, offset, exampleBytes());
    }

    static void requireShape(int height, int width, int channels) {
        if (height < 1 || width < 1 || height > MAX_SIDE || width > MAX_SIDE) {
            throw new IllegalArgumentException("image height and width must be between 1 and " + MAX_SIDE
                    + ", got " + height + "x" + width);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("images must have 1 (grey) or 3 (RGB) channels, got " + channels);
        }
    }

    static long align4(long offset) {
        return (offset + 3) & ~3L;
    }

    static int int32(byte[] bytes, int at) {
        return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16
                | (bytes[at + 3] & 0xff) << 24;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("example index must be in [0, " + count + "), got " + index);
        }
    }
}
