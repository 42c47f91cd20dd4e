package org.backprop.nn.internal;

import org.backprop.nn.data.store.DatasetManifest;
import org.backprop.nn.data.store.ShardRef;

/**
 * Where a program's datasets and the course's pretrained models come from: the runtime that hosts the program provides one (a folder on the JVM, the
 * server and the browser's storage in the browser worker, a read-only folder in the grader's sandbox) and installs
 * it with {@link DatasetInternals#use}. {@code nn} itself reads no files and opens no connections.
 *
 * <p>Failures are {@link IllegalArgumentException}s (or {@link IllegalStateException}s) whose message the student
 * reads: they name what the program asked for and what there is.
 */
public interface DatasetSource {
    /**
     * Returns the manifest of the dataset {@code reference} names: {@code "fashion_mnist"} (the version the run
     * context uses) or {@code "fashion_mnist:1.0.0"}. A hidden split lists no shards.
     */
    DatasetManifest manifest(String reference);

    /** Returns the bytes of {@code shard}, which a manifest this source returned names. */
    byte[] shard(ShardRef shard);

    /**
     * Returns the saved-model bytes ({@link org.backprop.nn.saving.SavedModels}'s format) of the pretrained model
     * {@code reference} names: {@code "vgg16"} (the version the run context uses) or {@code "vgg16:1.0.0"}.
     */
    byte[] pretrained(String reference);
}
