package org.backprop.server.storage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.backprop.nn.data.store.DatasetManifest;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.fixtures.Homework;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Blobs and datasets in S3-compatible object storage, against a real S3 API (s3proxy) in the test JVM: what the REST
 * API stores lands in the bucket, and comes back through the API once this replica's local copies are gone, as it
 * would on another replica.
 */
@QuarkusTest
@TestProfile(S3StorageTest.InS3.class)
class S3StorageTest {
    /** The server with {@code backprop.storage.kind=s3}, pointed at s3proxy. */
    public static class InS3 implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(S3ProxyTestResource.class));
        }
    }

    @Inject
    Fixtures fixtures;

    @Test
    void aSubmissionsFilesLandInTheBucketAndComeBackThroughTheApiFromAnyReplica() throws Exception {
        Homework homework = Homework.publish(fixtures.cohort(1), "2099-12-14T23:59", 1);
        Fixtures.User student = homework.course().students().get(0);
        String report = "# Kept in S3 " + System.nanoTime();
        JsonPath submitted = homework.submit(student, report).then().statusCode(201).extract().jsonPath();
        String sha256 = submitted.getString("files.find { it.kind == 'REPORT' }.sha256");
        String path = submitted.getString("files.find { it.kind == 'REPORT' }.path");

        assertTrue(keys("blobs/").contains(PREFIX_BLOBS + sha256.substring(0, 2) + "/" + sha256),
                () -> "the bucket holds the report under its SHA-256; it holds " + keys("blobs/"));
        deleteTree(S3ProxyTestResource.blobCopies());

        Response file = Homework.as(student).get("/api/submissions/" + submitted.getLong("id") + "/files/" + path);
        file.then().statusCode(200).header("ETag", "\"" + sha256 + "\"");
        assertEquals(report, file.asString());
        Path copy = S3ProxyTestResource.blobCopies().resolve(sha256.substring(0, 2)).resolve(sha256);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)),
                "this replica's copy of a submitted file is the server's alone");
    }

    @Test
    void aDatasetImportLandsInTheBucketAndItsShardsComeBackThroughTheApiFromAnyReplica() throws Exception {
        Fixtures.Cohort cohort = fixtures.cohort(1);
        importIdx(cohort, "digits", idxLabels(2)).then().statusCode(201);
        String manifestPath = "/api/courses/" + cohort.id() + "/datasets/digits/1/manifest";
        DatasetManifest manifest = DatasetManifest.fromJson(given().auth().oauth2(cohort.instructor().token())
                .get(manifestPath).then().statusCode(200).extract().asString());
        String shard = manifest.split("train").shards().get(0).sha256();
        assertTrue(keys("datasets/").contains(PREFIX_DATASETS + "shards/" + shard.substring(0, 2) + "/" + shard),
                () -> "the bucket holds the shard; it holds " + keys("datasets/"));
        assertTrue(keys("datasets/manifests/").stream().anyMatch(key -> key.endsWith(".json")),
                () -> "the bucket holds the manifest; it holds " + keys("datasets/"));
        deleteTree(S3ProxyTestResource.datasetCopies().resolve("shards"));
        deleteTree(S3ProxyTestResource.datasetCopies().resolve("manifests"));

        Response served = given().auth().oauth2(cohort.students().get(0).token()).get("/api/datasets/shards/" + shard);
        served.then().statusCode(200).header("ETag", "\"" + shard + "\"")
                .header("Cache-Control", "private, max-age=31536000, immutable");
        assertEquals(shard, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(served.asByteArray())));
        Path copy = S3ProxyTestResource.datasetCopies().resolve("shards").resolve(shard.substring(0, 2)).resolve(shard);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)),
                "grading jails bind this replica's copy of a shard for another user");
        given().auth().oauth2(cohort.students().get(0).token()).get("/api/courses/" + cohort.id() + "/datasets")
                .then().statusCode(200).body("[0].name", equalTo("digits"));
    }

    @Test
    void aFailedImportLeavesNothingInTheBucket() {
        Fixtures.Cohort cohort = fixtures.cohort(1);
        List<String> before = keys("datasets/");

        Response refused = importIdx(cohort, "broken", idxLabels(3));

        assertEquals(422, refused.statusCode(), refused.asString());
        assertEquals(before, keys("datasets/"));
    }

    @Test
    void isNotReadyWhileTheBucketCannotBeReached() throws Exception {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'storage' }.data.blobs",
                        equalTo("writable: s3://" + S3ProxyTestResource.BUCKET + "/" + PREFIX_BLOBS));
        S3ProxyTestResource.takeDown();
        try {
            given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'storage' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'storage' }.data.datasets", startsWith("cannot write to s3://"
                            + S3ProxyTestResource.BUCKET + "/" + PREFIX_DATASETS + ": java.io.IOException: Could not"
                            + " write s3://" + S3ProxyTestResource.BUCKET + "/" + PREFIX_DATASETS + "readiness/"));
        } finally {
            S3ProxyTestResource.bringBack();
        }
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'storage' }.status", equalTo("UP"));
    }

    private static final String PREFIX_BLOBS = S3ProxyTestResource.PREFIX + "blobs/";
    private static final String PREFIX_DATASETS = S3ProxyTestResource.PREFIX + "datasets/";

    /** The keys in the bucket under {@code area} of the server's prefix, read through the S3 API. */
    private static List<String> keys(String area) {
        try (S3Client client = S3ProxyTestResource.client()) {
            return client.listObjectsV2Paginator(request -> request.bucket(S3ProxyTestResource.BUCKET)
                    .prefix(S3ProxyTestResource.PREFIX + area)).contents().stream().map(S3Object::key).sorted()
                    .toList();
        }
    }

    /** Imports 2 images of 4×4 pixels with {@code labels} (an IDX label file, which must hold 2 labels). */
    private static Response importIdx(Fixtures.Cohort cohort, String name, byte[] labels) {
        byte[] images = new byte[16 + 32];
        byte[] header = {0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 4, 0, 0, 0, 4};
        System.arraycopy(header, 0, images, 0, header.length);
        for (int i = 0; i < 32; i++) {
            images[16 + i] = (byte) (i * 8);
        }
        return given().auth().oauth2(cohort.instructor().token())
                .multiPart("file", "train-images-idx3-ubyte", images, "application/octet-stream")
                .multiPart("file", "train-labels-idx1-ubyte", labels, "application/octet-stream")
                .multiPart("format", "idx").multiPart("name", name).multiPart("version", "1")
                .multiPart("height", "4").multiPart("width", "4")
                .post("/api/courses/" + cohort.id() + "/datasets");
    }

    /** An IDX label file of {@code count} labels. */
    private static byte[] idxLabels(int count) {
        byte[] labels = new byte[8 + count];
        byte[] header = {0, 0, 8, 1, 0, 0, 0, (byte) count};
        System.arraycopy(header, 0, labels, 0, header.length);
        for (int i = 0; i < count; i++) {
            labels[8 + i] = (byte) (i + 1);
        }
        return labels;
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        assertFalse(Files.exists(folder));
    }
}
