package org.backprop.server.dataset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.backprop.nn.data.store.DatasetManifest;
import org.backprop.nn.data.store.Shard;
import org.backprop.server.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Importing over HTTP and reading back: the stored shards are the ones the manifest names, served with strong
 * ETags and immutable caching; a student never gets the hidden split's shards; a failed import leaves nothing.
 */
@QuarkusTest
class DatasetResourceTest {
    @Inject
    Fixtures fixtures;

    @Inject
    DatasetConfig config;

    @Test
    void anImportedTfdsArchiveIsListedAndItsShardsServedButNotTheHiddenOnesToStudents() throws IOException {
        Fixtures.Cohort cohort = fixtures.cohort(1);
        Fixtures.User student = cohort.students().get(0);
        byte[] archive = tfdsZip(TestDatasets.records(TestDatasets.digits(6)),
                TestDatasets.records(TestDatasets.digits(2)));

        upload(cohort.instructor(), cohort.id(), archive, "tfds", "test").then().statusCode(201)
                .contentType("application/json");

        Response list = given().auth().oauth2(student.token()).get("/api/courses/" + cohort.id() + "/datasets");
        list.then().statusCode(200);
        assertEquals("mnist", list.jsonPath().getString("[0].name"));
        assertEquals(List.of(28, 28, 1), list.jsonPath().getList("[0].imageShape"));
        assertEquals(List.of("train", "test"), list.jsonPath().getList("[0].splits.name"));
        assertEquals(List.of(60, 20), list.jsonPath().getList("[0].splits.examples"));
        assertEquals(List.of(false, true), list.jsonPath().getList("[0].splits.hidden"));

        String path = "/api/courses/" + cohort.id() + "/datasets/mnist/3.0.1/manifest";
        DatasetManifest forStaff = DatasetManifest.fromJson(given().auth().oauth2(cohort.ta().token()).get(path)
                .then().statusCode(200).extract().asString());
        DatasetManifest forStudent = DatasetManifest.fromJson(given().auth().oauth2(student.token()).get(path)
                .then().statusCode(200).extract().asString());
        assertEquals(List.of(), forStudent.split("test").shards(), "the student's manifest lists no hidden shard");
        assertEquals(forStaff.split("train"), forStudent.split("train"));

        String trainShard = forStaff.split("train").shards().get(0).sha256();
        String hiddenShard = forStaff.split("test").shards().get(0).sha256();
        Response shard = given().auth().oauth2(student.token()).get("/api/datasets/shards/" + trainShard);
        shard.then().statusCode(200).header("ETag", "\"" + trainShard + "\"")
                .header("Cache-Control", "private, max-age=31536000, immutable");
        Shard read = Shard.read(shard.asByteArray());
        assertEquals(60, read.count());
        assertEquals(0, read.label(0));
        given().auth().oauth2(student.token()).header("If-None-Match", "\"" + trainShard + "\"")
                .get("/api/datasets/shards/" + trainShard).then().statusCode(304);

        Response refused = given().auth().oauth2(student.token()).get("/api/datasets/shards/" + hiddenShard);
        assertEquals(403, refused.statusCode(), refused.asString());
        assertTrue(refused.jsonPath().getString("detail").contains("hidden split"), refused.asString());
        given().auth().oauth2(cohort.ta().token()).get("/api/datasets/shards/" + hiddenShard).then().statusCode(200);
        Fixtures.User outsider = fixtures.cohort(1).students().get(0);
        given().auth().oauth2(outsider.token()).get("/api/datasets/shards/" + trainShard).then().statusCode(403);
        given().auth().oauth2(outsider.token()).get(path).then().statusCode(403);

        upload(cohort.instructor(), cohort.id(), archive, "tfds", "test").then().statusCode(409);
    }

    @Test
    void aFailedImportLeavesNoRowNoManifestAndNoShard() throws IOException {
        Fixtures.Cohort cohort = fixtures.cohort(1);
        byte[] good = TestDatasets.tfRecord(TestDatasets.records(TestDatasets.digits(6)));
        byte[] truncated = Arrays.copyOf(good, good.length - 3);
        Map<String, byte[]> files = tfdsFiles(TestDatasets.records(TestDatasets.digits(6)),
                TestDatasets.records(TestDatasets.digits(2)));
        files.put("mnist-train.tfrecord-00000-of-00001", truncated);
        long manifestsBefore = count(config.dir().resolve("manifests"));
        long shardsBefore = count(config.dir().resolve("shards"));

        Response response = upload(cohort.instructor(), cohort.id(), zip(files), "tfds", "test");

        assertEquals(422, response.statusCode(), response.asString());
        assertTrue(response.jsonPath().getString("detail").startsWith("mnist-train.tfrecord-00000-of-00001, record"
                + " 59: the file ends inside the record"), response.asString());
        given().auth().oauth2(cohort.instructor().token()).get("/api/courses/" + cohort.id() + "/datasets").then()
                .statusCode(200).body("size()", equalTo(0));
        assertEquals(manifestsBefore, count(config.dir().resolve("manifests")), "manifests");
        assertEquals(shardsBefore, count(config.dir().resolve("shards")), "shards");
        try (Stream<Path> tmp = Files.list(config.dir().resolve("tmp"))) {
            assertEquals(List.of(), tmp.toList(), "nothing left in tmp/");
        }
    }

    @Test
    void idxFilesImportAsTheyComeAndBadFieldsAreRefused() throws IOException {
        Fixtures.Cohort cohort = fixtures.cohort(1);
        byte[] images = Files.readAllBytes(writeIdxImages());
        Response response = given().auth().oauth2(cohort.instructor().token())
                .multiPart("file", "train-images-idx3-ubyte", images, "application/octet-stream")
                .multiPart("file", "train-labels-idx1-ubyte", new byte[] {0, 0, 8, 1, 0, 0, 0, 2, 3, 7},
                        "application/octet-stream")
                .multiPart("format", "idx").multiPart("name", "tiny").multiPart("version", "1")
                .multiPart("height", "8").multiPart("width", "8")
                .post("/api/courses/" + cohort.id() + "/datasets");
        assertEquals(201, response.statusCode(), response.asString());
        assertEquals(List.of(8, 8, 1), response.jsonPath().getList("imageShape"));

        Response badFormat = upload(cohort.instructor(), cohort.id(), images, "csv", null);
        assertEquals(400, badFormat.statusCode(), badFormat.asString());
        assertTrue(badFormat.jsonPath().getString("detail").contains("idx, tfds, image-folder"), badFormat.asString());
    }

    @Test
    void anAssignmentsDatasetEntriesResolveToTheCoursesImportsByNameAndVersion() throws IOException {
        Fixtures.Cohort cohort = fixtures.cohort(1);
        given().auth().oauth2(cohort.instructor().token())
                .multiPart("file", "train-images-idx3-ubyte", Files.readAllBytes(writeIdxImages()),
                        "application/octet-stream")
                .multiPart("file", "train-labels-idx1-ubyte", new byte[] {0, 0, 8, 1, 0, 0, 0, 2, 1, 2},
                        "application/octet-stream")
                .multiPart("format", "idx").multiPart("name", "rock_paper_scissors").multiPart("version", "3.0.0")
                .post("/api/courses/" + cohort.id() + "/datasets").then().statusCode(201);

        given().auth().oauth2(cohort.instructor().token())
                .post("/api/courses/" + cohort.id() + "/assignments/import/hw-convnets").then()
                .statusCode(201)
                .body("datasets[0].name", equalTo("rock_paper_scissors"))
                .body("datasets[0].importedVersion", equalTo("3.0.0"))
                .body("datasets[0].problem", nullValue())
                .body("datasets[1].importedVersion", nullValue())
                .body("datasets[1].problem", equalTo("No dataset named tf_flowers has been imported into this course"
                        + " yet: import it before students need it."));
    }

    private static Path writeIdxImages() throws IOException {
        byte[] header = {0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 4, 0, 0, 0, 4};
        byte[] pixels = new byte[32];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 8);
        }
        Path file = Files.createTempFile("images", ".idx");
        Files.write(file, concat(header, pixels));
        return file;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static Response upload(Fixtures.User user, long courseId, byte[] archive, String format, String hidden) {
        var request = given().auth().oauth2(user.token())
                .multiPart("file", "dataset.zip", archive, "application/zip")
                .multiPart("format", format);
        if (hidden != null) {
            request.multiPart("hiddenSplit", hidden);
        }
        return request.post("/api/courses/" + courseId + "/datasets");
    }

    private static Map<String, byte[]> tfdsFiles(List<byte[]> train, List<byte[]> test) {
        Map<String, List<byte[]>> splits = new LinkedHashMap<>();
        splits.put("train", train);
        splits.put("test", test);
        return TestDatasets.tfdsFolder("mnist", splits);
    }

    private static byte[] tfdsZip(List<byte[]> train, List<byte[]> test) throws IOException {
        return zip(TestDatasets.under("mnist/3.0.1/", tfdsFiles(train, test)));
    }

    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        Path file = Files.createTempFile("dataset", ".zip");
        try {
            return Files.readAllBytes(TestDatasets.zip(file, files));
        } finally {
            Files.delete(file);
        }
    }

    private static long count(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
