package org.backprop.nn.data.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShardTest {
    private static final int H = 5;
    private static final int W = 3;
    private static final int C = 3;

    @Test
    void examplesRoundTripWithTheirPixelsAndLabels() {
        Random random = new Random(7);
        byte[][] images = new byte[4][H * W * C];
        ShardWriter writer = new ShardWriter(H, W, C, 4);
        for (int i = 0; i < images.length; i++) {
            random.nextBytes(images[i]);
            writer.add(images[i], 0, 1000 + i);
        }
        assertTrue(writer.isFull());

        Shard shard = Shard.read(writer.toBytes());

        assertEquals(4, shard.count());
        assertEquals(H * W * C, shard.exampleBytes());
        for (int i = 0; i < images.length; i++) {
            byte[] raw = new byte[H * W * C];
            shard.pixels(i, raw, 0);
            assertArrayEquals(images[i], raw, "pixels of example " + i);
            float[] floats = new float[H * W * C + 2];
            shard.pixels(i, floats, 2);
            assertEquals(images[i][7] & 0xff, floats[2 + 7], "float pixel 7 of example " + i);
            assertEquals(images[i][7] & 0xff, shard.pixel(i, 7));
            assertEquals(1000 + i, shard.label(i), "label of example " + i);
        }
    }

    @Test
    void labelsStartAtAMultipleOfFourSoThatJavaScriptCanViewThemInPlace() {
        ShardWriter writer = new ShardWriter(1, 1, 1, 3);
        writer.add(new byte[] {9}, 0, 2);
        byte[] bytes = writer.toBytes();

        // 24 header bytes, 1 pixel, 3 bytes of padding, 1 label.
        assertEquals(32, bytes.length);
        assertEquals(2, Shard.int32(bytes, 28));
        assertEquals(1, Shard.read(bytes).count(), "a shard may hold fewer examples than the writer took");
    }

    @Test
    void aShardTargetsAFewMegabytes() {
        int perShard = ShardWriter.examplesPerShard(28, 28, 1);
        assertEquals((ShardWriter.TARGET_BYTES - 24) / (784 + 4), perShard);
        assertEquals(1, ShardWriter.examplesPerShard(4096, 4096, 3), "a huge image still makes a shard");
    }

    @Test
    void aTruncatedShardIsRefusedSayingItWasCutShort() {
        byte[] bytes = shardOf(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Shard.read(Arrays.copyOf(bytes, bytes.length - 1)));
        assertTrue(e.getMessage().contains("cut short"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Shard.read(Arrays.copyOf(bytes, bytes.length + 4)));
        assertThrows(IllegalArgumentException.class, () -> Shard.read(Arrays.copyOf(bytes, 10)));
    }

    @Test
    void anotherFileOrAnotherVersionIsRefused() {
        byte[] png = shardOf(1);
        png[0] = (byte) 0x89;
        assertEquals("not a Backprop dataset shard: it does not start with \"BPDS\"",
                assertThrows(IllegalArgumentException.class, () -> Shard.read(png)).getMessage());
        byte[] newer = shardOf(1);
        newer[4] = 2;
        assertEquals("the shard has format version 2; this library reads version 1",
                assertThrows(IllegalArgumentException.class, () -> Shard.read(newer)).getMessage());
        byte[] badShape = shardOf(1);
        badShape[20] = 4;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Shard.read(badShape)).getMessage()
                .contains("1 (grey) or 3 (RGB) channels"));
    }

    @Test
    void examplesOutsideTheShardAreRefused() {
        Shard shard = Shard.read(shardOf(2));
        assertThrows(IndexOutOfBoundsException.class, () -> shard.label(2));
        assertThrows(IndexOutOfBoundsException.class, () -> shard.pixel(0, H * W * C));
    }

    @Test
    void theWriterRefusesMoreThanItTakesAndEmptyShards() {
        ShardWriter writer = new ShardWriter(1, 1, 1, 1);
        assertThrows(IllegalStateException.class, writer::toBytes);
        writer.add(new byte[1], 0, 0);
        assertThrows(IllegalStateException.class, () -> writer.add(new byte[1], 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ShardWriter(1, 1, 1, 1).add(new byte[1], 0, -1));
    }

    private static byte[] shardOf(int count) {
        ShardWriter writer = new ShardWriter(H, W, C, count);
        for (int i = 0; i < count; i++) {
            writer.add(new byte[H * W * C], 0, i);
        }
        return writer.toBytes();
    }
}
