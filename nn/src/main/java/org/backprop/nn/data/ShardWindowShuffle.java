package org.backprop.nn.data;

import org.backprop.nn.random.RandomGenerator;

/**
 * Shuffles examples in bounded memory, as TFDS's {@code shuffle_files} with a shuffle buffer: the shards in random
 * order, then the examples at random within each window of consecutive (shuffled) shards whose bytes fit
 * {@code windowBytes}. Reading the result in order touches one window's shards at a time.
 */
final class ShardWindowShuffle {
    private ShardWindowShuffle() {
    }

    static int[] order(StoredSplit split, int[] rows, long windowBytes, RandomGenerator random) {
        int shards = split.shardCount();
        int[][] byShard = groupByShard(split, rows, shards);
        int[] shardOrder = new int[shards];
        for (int i = 0; i < shards; i++) {
            shardOrder[i] = i;
        }
        random.shuffle(shardOrder);
        int[] order = new int[rows.length];
        int written = 0;
        int windowStart = 0;
        long bytes = 0;
        for (int i = 0; i < shards; i++) {
            int[] members = byShard[shardOrder[i]];
            if (members.length == 0) {
                continue;
            }
            long shardBytes = split.shardRef(shardOrder[i]).bytes();
            if (written > windowStart && bytes + shardBytes > windowBytes) {
                shuffleRange(order, windowStart, written, random);
                windowStart = written;
                bytes = 0;
            }
            System.arraycopy(members, 0, order, written, members.length);
            written += members.length;
            bytes += shardBytes;
        }
        shuffleRange(order, windowStart, written, random);
        return order;
    }

    /** Returns, for each shard, the rows it holds, in their order in {@code rows}. */
    private static int[][] groupByShard(StoredSplit split, int[] rows, int shards) {
        int[] counts = new int[shards];
        int[] shardOfRow = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            shardOfRow[i] = split.shardOf(rows[i]);
            counts[shardOfRow[i]]++;
        }
        int[][] byShard = new int[shards][];
        for (int s = 0; s < shards; s++) {
            byShard[s] = new int[counts[s]];
            counts[s] = 0;
        }
        for (int i = 0; i < rows.length; i++) {
            int s = shardOfRow[i];
            byShard[s][counts[s]++] = rows[i];
        }
        return byShard;
    }

    private static void shuffleRange(int[] values, int from, int to, RandomGenerator random) {
        int[] window = java.util.Arrays.copyOfRange(values, from, to);
        random.shuffle(window);
        System.arraycopy(window, 0, values, from, window.length);
    }
}
