package org.backprop.server.dataset;

import org.backprop.nn.data.store.ShardRef;

/** Where an import puts the shards it builds, one complete shard at a time. */
interface ShardSink {
    /** Keeps the bytes of one shard holding {@code examples} examples and returns how the manifest names it. */
    ShardRef put(byte[] shard, int examples);
}
