package org.backprop.nn.data.store;

/**
 * Builds one shard in memory, example by example, then gives its bytes. Importers start a new writer when
 * {@link #isFull()}: an example is never split across shards. Not thread-safe.
 */
public final class ShardWriter {
    /** The size importers aim at: a few MB, small enough to fetch and cache one by one, large enough to be few. */
    public static final int TARGET_BYTES = 4 * 1024 * 1024;

    private final int height;
    private final int width;
    private final int channels;
    private final int capacity;
    private final byte[] pixels;
    private final int[] labels;
    private int count;

    /** Starts a shard for images {@code [height, width, channels]} that takes at most {@code capacity} examples. */
    public ShardWriter(int height, int width, int channels, int capacity) {
        Shard.requireShape(height, width, channels);
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        long size = Shard.align4(Shard.HEADER_BYTES + (long) capacity * height * width * channels) + 4L * capacity;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a shard of " + capacity + " examples of " + height + "x" + width
                    + "x" + channels + " would be " + size + " bytes, more than an array holds");
        }
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.capacity = capacity;
        this.pixels = new byte[capacity * height * width * channels];
        this.labels = new int[capacity];
    }

    /**
     * Returns how many examples of {@code [height, width, channels]} fit in {@link #TARGET_BYTES} (at least one,
     * however large the image).
     */
    public static int examplesPerShard(int height, int width, int channels) {
        Shard.requireShape(height, width, channels);
        long perExample = (long) height * width * channels + 4;
        return (int) Math.max(1, (TARGET_BYTES - Shard.HEADER_BYTES) / perExample);
    }

    /**
     * Adds one example: {@code height * width * channels} uint8 pixels (HWC) of {@code source} from
     * {@code offset}, and its label, which must not be negative.
     */
    public void add(byte[] source, int offset, int label) {
        if (isFull()) {
            throw new IllegalStateException("the shard is full: it takes " + capacity + " examples");
        }
        if (label < 0) {
            throw new IllegalArgumentException("label must not be negative, got " + label);
        }
        int size = height * width * channels;
        System.arraycopy(source, offset, pixels, count * size, size);
        labels[count] = label;
        count++;
    }

    /** Returns whether the shard holds as many examples as it takes. */
    public boolean isFull() {
        return count == capacity;
    }

    /** Returns the number of examples added so far. */
    public int count() {
        return count;
    }

    /** Returns the shard's bytes with the examples added so far, of which there must be at least one. */
    public byte[] toBytes() {
        if (count == 0) {
            throw new IllegalStateException("a shard must hold at least one example");
        }
        int pixelBytes = count * height * width * channels;
        int labelsOffset = (int) Shard.align4(Shard.HEADER_BYTES + (long) pixelBytes);
        byte[] bytes = new byte[labelsOffset + 4 * count];
        System.arraycopy(Shard.MAGIC, 0, bytes, 0, Shard.MAGIC.length);
        putInt32(bytes, 4, Shard.VERSION);
        putInt32(bytes, 8, count);
        putInt32(bytes, 12, height);
        putInt32(bytes, 16, width);
        putInt32(bytes, 20, channels);
        System.arraycopy(pixels, 0, bytes, Shard.HEADER_BYTES, pixelBytes);
        for (int i = 0; i < count; i++) {
            putInt32(bytes, labelsOffset + 4 * i, labels[i]);
        }
        return bytes;
    }

    private static void putInt32(byte[] bytes, int at, int value) {
        bytes[at] = (byte) value;
        bytes[at + 1] = (byte) (value >>> 8);
        bytes[at + 2] = (byte) (value >>> 16);
        bytes[at + 3] = (byte) (value >>> 24);
    }
}
