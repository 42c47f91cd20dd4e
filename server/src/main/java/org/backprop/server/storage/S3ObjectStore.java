package org.backprop.server.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Objects in an S3 bucket under a key prefix, shared by every server replica, with a local folder of copies per
 * replica. An S3 PUT is atomic (a reader sees the whole object or none), so {@link #put} needs no rename. An object
 * never changes under its key, so a local copy is never stale: it is downloaded once, to a temporary file renamed
 * into place, and may be deleted at any time (the folder is a cache, not a second home of the data). SDK failures
 * reach callers as {@link IOException}s that name the bucket and key.
 */
public final class S3ObjectStore implements ObjectStore {
    /** A readiness probe answers within seconds, retries included, even where the bucket's host does not answer. */
    private static final AwsRequestOverrideConfiguration PROBE = AwsRequestOverrideConfiguration.builder()
            .apiCallTimeout(Duration.ofSeconds(4)).build();

    private final S3Client client;
    private final String bucket;
    private final String prefix;
    private final Path copies;
    private final Set<PosixFilePermission> copyPermissions;

    /**
     * {@code prefix} is put before every key ("blobs/", say); {@code copies} is this replica's local folder, whose
     * downloaded files get {@code copyPermissions}.
     */
    public S3ObjectStore(S3Client client, String bucket, String prefix, Path copies,
            Set<PosixFilePermission> copyPermissions) {
        this.client = client;
        this.bucket = bucket;
        this.prefix = prefix;
        this.copies = copies;
        this.copyPermissions = Set.copyOf(copyPermissions);
    }

    @Override
    public void put(String key, Path file) throws IOException {
        try {
            client.putObject(request -> request.bucket(bucket).key(prefix + key), RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw failure("store", key, e);
        }
        // Keep the bytes as this replica's copy rather than download them again on the first read.
        Path copy = copies.resolve(key);
        Files.createDirectories(copy.getParent());
        Files.move(file, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public boolean exists(String key) throws IOException {
        if (Files.exists(copies.resolve(key))) {
            return true;
        }
        try {
            client.headObject(request -> request.bucket(bucket).key(prefix + key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw failure("look up", key, e);
        } catch (SdkException e) {
            throw failure("look up", key, e);
        }
    }

    @Override
    public Path local(String key) throws IOException {
        Path copy = copies.resolve(key);
        if (Files.exists(copy)) {
            return copy;
        }
        Path folder = Files.createDirectories(copies.resolve("tmp"));
        Path download = folder.resolve("download-" + UUID.randomUUID() + ".part");
        try {
            client.getObject(request -> request.bucket(bucket).key(prefix + key), ResponseTransformer.toFile(download));
            Files.setPosixFilePermissions(download, copyPermissions);
            Files.createDirectories(copy.getParent());
            // Two threads that download the same object rename the same bytes into place: harmless.
            Files.move(download, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(where(key), null, "no such object");
        } catch (SdkException e) {
            throw failure("download", key, e);
        } finally {
            Files.deleteIfExists(download);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            client.deleteObject(request -> request.bucket(bucket).key(prefix + key));
        } catch (SdkException e) {
            throw failure("delete", key, e);
        }
        Files.deleteIfExists(copies.resolve(key));
    }

    @Override
    public void probe() throws IOException {
        String key = "readiness/" + UUID.randomUUID();
        try {
            client.putObject(request -> request.bucket(bucket).key(prefix + key).overrideConfiguration(PROBE),
                    RequestBody.empty());
            client.deleteObject(request -> request.bucket(bucket).key(prefix + key).overrideConfiguration(PROBE));
        } catch (SdkException e) {
            throw failure("write", key, e);
        }
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + prefix;
    }

    private String where(String key) {
        return "s3://" + bucket + "/" + prefix + key;
    }

    private IOException failure(String action, String key, SdkException cause) {
        return new IOException("Could not " + action + " " + where(key) + ": " + cause.getMessage(), cause);
    }
}
