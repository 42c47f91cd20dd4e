package org.backprop.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.Function;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** What every {@link ObjectStore} does: the local folder, and S3 against a real S3 API (s3proxy). */
class ObjectStoreContractTest {
    private static final String BUCKET = "contract";

    @TempDir
    static Path work;

    private static S3Proxy proxy;
    private static S3Client client;

    @BeforeAll
    static void startS3() throws Exception {
        FilesystemNio2BlobStore buckets = new FilesystemNio2BlobStore(Files.createDirectories(work.resolve("s3"))
                .toString());
        buckets.createContainer(BUCKET);
        proxy = S3Proxy.builder().blobStore(buckets).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "key", "secret").build();
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
            Thread.sleep(10);
        }
        client = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + proxy.getPort())).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                .build();
    }

    @AfterAll
    static void stopS3() throws Exception {
        client.close();
        proxy.stop();
    }

    /** Each kind of store, opened on a fresh folder. */
    static List<Function<Path, ObjectStore>> stores() {
        return List.of(LocalObjectStore::new, folder -> new S3ObjectStore(client, BUCKET, folder.getFileName() + "/",
                folder, PosixFilePermissions.fromString("rw-r-----")));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void storesAnObjectWholeTakingTheFileOverAndGivesItsBytesBack(Function<Path, ObjectStore> kind) throws Exception {
        Path folder = Files.createTempDirectory(work, "store-");
        ObjectStore store = kind.apply(folder);
        Path file = Files.writeString(Files.createDirectories(folder.resolve("tmp")).resolve("upload"), "bytes");

        assertFalse(store.exists("ab/abc"));
        store.put("ab/abc", file);

        assertFalse(Files.exists(file), "the store took the file over");
        assertTrue(store.exists("ab/abc"));
        assertEquals("bytes", Files.readString(store.local("ab/abc")));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void deletesAndProbes(Function<Path, ObjectStore> kind) throws Exception {
        Path folder = Files.createTempDirectory(work, "store-");
        ObjectStore store = kind.apply(folder);
        store.put("x/y", Files.writeString(Files.createDirectories(folder.resolve("tmp")).resolve("upload"), "y"));

        store.delete("x/y");
        store.delete("x/never-stored");
        store.probe();

        assertFalse(store.exists("x/y"));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void saysWhereItsObjectsAre(Function<Path, ObjectStore> kind) throws Exception {
        Path folder = Files.createTempDirectory(work, "store-");
        String where = kind.apply(folder).describe();
        assertTrue(where.equals("the folder " + folder.toAbsolutePath())
                || where.equals("s3://" + BUCKET + "/" + folder.getFileName() + "/"), where);
    }

    @Test
    void aRemoteObjectIsDownloadedOnceWithItsAreasPermissionsAndAMissingOneIsNamed() throws Exception {
        Path writer = Files.createTempDirectory(work, "replica-a-");
        Path reader = Files.createTempDirectory(work, "replica-b-");
        ObjectStore a = new S3ObjectStore(client, BUCKET, "shared/", writer, PosixFilePermissions.fromString("rw-r--r--"));
        ObjectStore b = new S3ObjectStore(client, BUCKET, "shared/", reader, PosixFilePermissions.fromString("rw-r--r--"));
        a.put("ab/shard", Files.writeString(Files.createDirectories(writer.resolve("tmp")).resolve("part"), "shard"));

        Path copy = b.local("ab/shard");

        assertEquals(reader.resolve("ab/shard"), copy, "replica b keeps its own copy");
        assertEquals("shard", Files.readString(copy));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));
        NoSuchFileException missing = assertThrows(NoSuchFileException.class, () -> b.local("ab/missing"));
        assertEquals("s3://" + BUCKET + "/shared/ab/missing: no such object", missing.getMessage());
    }
}
