package org.backprop.nn.data;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.backprop.nn.data.store.Shard;
import org.backprop.nn.data.store.ShardRef;
import org.backprop.nn.internal.DatasetInternals;
import org.backprop.nn.internal.DatasetSource;

/**
 * The shards of loaded datasets held in memory, least recently used first out, within
 * {@link DatasetInternals#cacheBytes()}: what keeps a dataset larger than memory trainable. Shards are keyed by
 * their hash, so every view of a split (and every split sharing a shard) shares one copy. Not thread-safe.
 */
final class ShardCache {
    /** Insertion order is use order: a shard is removed and put back each time it is used. */
    private final Map<String, Held> held = new LinkedHashMap<>();
    private long bytes;

    /** Returns {@code ref}'s shard, from memory or from {@code source}; checks it holds what the manifest says. */
    Shard get(ShardRef ref, DatasetSource source, String datasetName, int[] imageShape) {
        Held shard = held.remove(ref.sha256());
        if (shard == null) {
            shard = new Held(read(ref, source, datasetName, imageShape), ref.bytes());
            makeRoomFor(shard.bytes);
            bytes += shard.bytes;
        }
        held.put(ref.sha256(), shard);
        return shard.shard;
    }

    /** Forgets every shard. */
    void clear() {
        held.clear();
        bytes = 0;
    }

    /** Drops the least recently used shards until {@code needed} more bytes fit the budget (or none is left). */
    private void makeRoomFor(long needed) {
        Iterator<Held> oldest = held.values().iterator();
        while (bytes + needed > DatasetInternals.cacheBytes() && oldest.hasNext()) {
            bytes -= oldest.next().bytes;
            oldest.remove();
        }
    }

    private static Shard read(ShardRef ref, DatasetSource source, String datasetName, int[] imageShape) {
        byte[] data = source.shard(ref);
        Shard shard;
        try {
            shard = Shard.read(data);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("A shard of " + datasetName + " is damaged (" + e.getMessage() + "); run"
                    + " the program again to download it afresh.", e);
        }
        if (data.length != ref.bytes() || shard.count() != ref.examples() || shard.height() != imageShape[0]
                || shard.width() != imageShape[1] || shard.channels() != imageShape[2]) {
            throw new IllegalStateException("A shard of " + datasetName + " does not hold what its manifest says ("
                    + ref.examples() + " examples, " + ref.bytes() + " bytes); run the program again to download it"
                    + " afresh.");
        }
        return shard;
    }

    private record Held(Shard shard, long bytes) {
    }
}
