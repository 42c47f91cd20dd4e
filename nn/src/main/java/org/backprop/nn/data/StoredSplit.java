package org.backprop.nn.data;

import java.util.List;
import org.backprop.nn.data.store.DatasetManifest;
import org.backprop.nn.data.store.Shard;
import org.backprop.nn.data.store.ShardRef;
import org.backprop.nn.data.store.SplitManifest;
import org.backprop.nn.internal.DatasetSource;

/**
 * One split of a stored dataset as every view of it shares it: which shard holds which example, and the way to
 * the shards' bytes. Examples are numbered across the split, shard after shard, in the manifest's order.
 */
final class StoredSplit {
    final DatasetManifest manifest;
    final SplitManifest split;
    private final DatasetSource source;
    private final ShardCache cache;
    /** starts[i] is the split's index of shard i's first example; starts[shards] is the split's size. */
    private final int[] starts;

    StoredSplit(DatasetManifest manifest, SplitManifest split, DatasetSource source, ShardCache cache) {
        this.manifest = manifest;
        this.split = split;
        this.source = source;
        this.cache = cache;
        List<ShardRef> shards = split.shards();
        starts = new int[shards.size() + 1];
        for (int i = 0; i < shards.size(); i++) {
            starts[i + 1] = starts[i] + shards.get(i).examples();
        }
    }

    int size() {
        return starts[starts.length - 1];
    }

    int shardCount() {
        return starts.length - 1;
    }

    ShardRef shardRef(int shard) {
        return split.shards().get(shard);
    }

    /** Returns the index of the shard that holds example {@code example}. */
    int shardOf(int example) {
        int low = 0;
        int high = starts.length - 2;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (starts[middle] <= example) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /** Writes example {@code example}'s pixels as floats in [0, 255] into {@code target} from {@code offset}. */
    int copy(int example, float[] target, int offset) {
        int shard = shardOf(example);
        Shard data = cache.get(shardRef(shard), source, manifest.name(), imageShape());
        int index = example - starts[shard];
        data.pixels(index, target, offset);
        return data.label(index);
    }

    int[] imageShape() {
        return new int[] {manifest.height(), manifest.width(), manifest.channels()};
    }
}
