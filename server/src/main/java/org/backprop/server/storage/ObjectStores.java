package org.backprop.server.storage;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Opens the object store of one area of data (blobs, datasets) as {@link StorageConfig} says: a local folder, or a
 * prefix of the configured bucket with that folder as the replica's copies. One S3 client serves every area.
 */
@ApplicationScoped
public class ObjectStores {
    @Inject
    StorageConfig config;

    private S3Client client;

    /**
     * Returns the store of {@code area} ("blobs", say), whose local folder is {@code folder}; local copies of a
     * remote store's objects get {@code permissions} (shards must be world-readable: grading jails bind them for a
     * user that is not the server's).
     */
    public synchronized ObjectStore open(String area, Path folder, Set<PosixFilePermission> permissions) {
        if (config.kind() == StorageConfig.Kind.LOCAL) {
            return new LocalObjectStore(folder);
        }
        StorageConfig.S3 s3 = config.s3();
        String bucket = s3.bucket().orElseThrow(() -> new IllegalStateException(
                "backprop.storage.kind=s3 needs backprop.storage.s3.bucket (BACKPROP_STORAGE_S3_BUCKET)"));
        if (client == null) {
            client = client(s3);
        }
        return new S3ObjectStore(client, bucket, s3.prefix() + area + "/", folder, permissions);
    }

    private static S3Client client(StorageConfig.S3 s3) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(s3.region()))
                .forcePathStyle(s3.pathStyle())
                .credentialsProvider(credentials(s3));
        s3.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(StorageConfig.S3 s3) {
        if (s3.accessKeyId().isPresent() != s3.secretAccessKey().isPresent()) {
            throw new IllegalStateException("Set both backprop.storage.s3.access-key-id and"
                    + " backprop.storage.s3.secret-access-key, or neither (the AWS SDK's default chain then applies)");
        }
        return s3.accessKeyId().isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKeyId().get(),
                        s3.secretAccessKey().get()))
                : DefaultCredentialsProvider.builder().build();
    }

    @PreDestroy
    synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}
