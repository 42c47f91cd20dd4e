package org.backprop.grader.worker;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a worker reads dataset shards: the server's own dataset store in process, a disk cache filled over the worker
 * API on a remote worker. Implementations are thread-safe: every slot of a worker asks at once.
 */
@FunctionalInterface
public interface ShardSource {
    /**
     * Returns the local file holding the shard with this SHA-256 (64 lower-case hex digits), fetching it first where
     * needed; fails when the shard cannot be had.
     */
    Path shard(String sha256) throws IOException;
}
