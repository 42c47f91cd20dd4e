package org.backprop.server.storage;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 API in the test JVM: s3proxy over its file-system backend, with one bucket, and the server configured to
 * keep blobs and datasets there (its local folders, fresh ones, then hold only this replica's copies). The server
 * can be taken down and brought back to test readiness.
 */
public class S3ProxyTestResource implements QuarkusTestResourceLifecycleManager {
    static final String BUCKET = "backprop-test";
    static final String PREFIX = "backprop/";
    private static final String ACCESS_KEY = "test-access-key";
    private static final String SECRET_KEY = "test-secret-key";

    private static FilesystemNio2BlobStore objects;
    private static S3Proxy proxy;
    private static int port;
    private static Path root;

    @Override
    public Map<String, String> start() {
        try {
            root = Files.createTempDirectory("backprop-s3-");
            Path buckets = Files.createDirectories(root.resolve("buckets"));
            objects = new FilesystemNio2BlobStore(buckets.toString());
            objects.createContainer(BUCKET);
            start(0);
            return Map.of("backprop.storage.kind", "s3",
                    "backprop.storage.s3.endpoint", endpoint().toString(),
                    "backprop.storage.s3.bucket", BUCKET,
                    "backprop.storage.s3.path-style", "true",
                    "backprop.storage.s3.access-key-id", ACCESS_KEY,
                    "backprop.storage.s3.secret-access-key", SECRET_KEY,
                    "backprop.submissions.blob-dir", root.resolve("copies/blobs").toString(),
                    "backprop.datasets.dir", root.resolve("copies/datasets").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the S3 server on {@code wanted} (0: any free port). */
    static synchronized void start(int wanted) {
        try {
            proxy = S3Proxy.builder().blobStore(objects).endpoint(URI.create("http://127.0.0.1:" + wanted))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
            proxy.start();
            while (!proxy.getState().equals("STARTED")) {
                Thread.sleep(10);
            }
            port = proxy.getPort();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not start", e);
        }
    }

    /** Stops the S3 server, as an outage would. */
    static synchronized void takeDown() throws Exception {
        proxy.stop();
    }

    /** Starts the S3 server again where it was. */
    static synchronized void bringBack() {
        start(port);
    }

    /** Where this replica's local copies of blobs are. */
    static Path blobCopies() {
        return root.resolve("copies/blobs");
    }

    /** Where this replica's local copies of datasets are. */
    static Path datasetCopies() {
        return root.resolve("copies/datasets");
    }

    /** A client of its own, to look into the bucket the way any other S3 client would. */
    static S3Client client() {
        return S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).region(Region.US_EAST_1)
                .endpointOverride(endpoint()).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY,
                        SECRET_KEY))).build();
    }

    private static URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void stop() {
        try {
            takeDown();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not stop", e);
        }
    }
}
