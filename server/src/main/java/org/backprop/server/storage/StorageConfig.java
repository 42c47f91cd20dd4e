package org.backprop.server.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Optional;

/**
 * Where blobs and dataset shards are kept, under {@code backprop.storage}: in the local folders
 * ({@code backprop.submissions.blob-dir}, {@code backprop.datasets.dir}; the default, for one server) or in an
 * S3-compatible bucket shared by every replica, those folders then holding each replica's local copies.
 */
@ConfigMapping(prefix = "backprop.storage")
public interface StorageConfig {
    /** {@code local} or {@code s3}. */
    @WithDefault("local")
    Kind kind();

    S3 s3();

    enum Kind {
        LOCAL, S3
    }

    /** The bucket, when {@link #kind()} is {@code s3}. */
    interface S3 {
        /** The S3 API's address (MinIO, Ceph, a cloud's S3-compatible service); AWS's own when absent. */
        Optional<URI> endpoint();

        /** The bucket, which must exist; the server creates none. */
        Optional<String> bucket();

        /** Put before every key, so that several installations can share a bucket; ends with "/" when set. */
        @WithDefault("backprop/")
        String prefix();

        @WithDefault("us-east-1")
        String region();

        /** Path-style addresses ({@code endpoint/bucket/key}), which most S3-compatible servers need. */
        @WithDefault("false")
        boolean pathStyle();

        /** With {@link #secretAccessKey()}; from the environment ({@code BACKPROP_STORAGE_S3_ACCESS_KEY_ID}). */
        Optional<String> accessKeyId();

        /**
         * From the environment ({@code BACKPROP_STORAGE_S3_SECRET_ACCESS_KEY}); without both keys the AWS SDK's
         * default chain applies (its environment variables, profile files, the instance's role).
         */
        Optional<String> secretAccessKey();
    }
}
