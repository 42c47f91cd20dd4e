package org.backprop.server.pretrained;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.backprop.nn.Input;
import org.backprop.nn.Tensor;
import org.backprop.nn.internal.TensorInternals;
import org.backprop.nn.layers.Conv2D;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Flatten;
import org.backprop.nn.layers.LayerNames;
import org.backprop.nn.models.Model;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.random.RandomSeed;
import org.backprop.nn.saving.SavedModels;
import org.backprop.server.dataset.DatasetStore;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.fixtures.TinyPretrained;
import org.backprop.server.pretrained.keras.KerasFiles;
import org.junit.jupiter.api.Test;

/**
 * Publishing a saved model over HTTP and reading it back: staff publish, members list and download the very bytes,
 * which the store keeps by their SHA-256; files that are not saved models, and names that break the rules, are refused
 * with a sentence that says why.
 */
@QuarkusTest
class PretrainedResourceTest {
    @Inject
    Fixtures fixtures;

    @Inject
    DatasetStore store;

    @Test
    void aPublishedModelIsListedForMembersAndDownloadedAsPublished() throws Exception {
        Fixtures.Cohort cohort = fixtures.cohort(1);
        Fixtures.User student = cohort.students().get(0);
        byte[] bytes = SavedModels.toBytes(TinyPretrained.model());
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));

        Response published = publish(cohort.ta(), cohort.id(), "tiny_base.bpm", bytes, "tiny", "1.0.0");

        assertEquals(201, published.statusCode(), published.asString());
        assertEquals(sha256, published.jsonPath().getString("sha256"));
        Response list = given().auth().oauth2(student.token()).get("/api/courses/" + cohort.id() + "/pretrained");
        list.then().statusCode(200);
        assertEquals(List.of("tiny"), list.jsonPath().getList("name"));
        assertEquals("1.0.0", list.jsonPath().getString("[0].version"));
        assertEquals(sha256, list.jsonPath().getString("[0].sha256"));
        assertEquals(bytes.length, list.jsonPath().getLong("[0].bytes"));
        assertEquals(TinyPretrained.PARAMETERS, list.jsonPath().getInt("[0].parameterCount"));
        assertEquals(List.of(4), list.jsonPath().getList("[0].inputShape"));
        assertEquals(TinyPretrained.model().summaryText(), list.jsonPath().getString("[0].summary"));
        assertEquals(cohort.ta().name(), list.jsonPath().getString("[0].createdBy"));
        assertArrayEquals(bytes, Files.readAllBytes(store.shard(sha256)), "stored by its SHA-256");

        Response download = given().auth().oauth2(student.token())
                .get("/api/courses/" + cohort.id() + "/pretrained/tiny/1.0.0/model");
        download.then().statusCode(200).header("ETag", "\"" + sha256 + "\"")
                .header("Cache-Control", "private, max-age=31536000, immutable");
        Model rebuilt = SavedModels.fromBytes(download.asByteArray());
        Tensor x = Tensor.of(new float[][] {{1, 2, 3, 4}});
        assertArrayEquals(TensorInternals.values(TinyPretrained.model().predict(x)),
                TensorInternals.values(rebuilt.predict(x)), 0f);

        Response byHash = given().auth().oauth2(student.token()).get("/api/pretrained/" + sha256);
        byHash.then().statusCode(200).header("ETag", "\"" + sha256 + "\"");
        assertArrayEquals(bytes, byHash.asByteArray());

        Fixtures.User outsider = fixtures.cohort(1).students().get(0);
        given().auth().oauth2(outsider.token()).get("/api/pretrained/" + sha256).then().statusCode(403);
        given().auth().oauth2(outsider.token()).get("/api/courses/" + cohort.id() + "/pretrained").then()
                .statusCode(403);
        given().auth().oauth2(outsider.token()).get("/api/courses/" + cohort.id() + "/pretrained/tiny/1.0.0/model")
                .then().statusCode(403);
        given().auth().oauth2(student.token()).get("/api/courses/" + cohort.id() + "/pretrained/tiny/2.0.0/model")
                .then().statusCode(404);
        Response again = publish(cohort.instructor(), cohort.id(), "tiny_base.bpm", bytes, "tiny", "1.0.0");
        assertEquals(409, again.statusCode(), again.asString());
        assertTrue(again.jsonPath().getString("detail").contains("another version"), again.asString());
    }

    @Test
    void aSequentialModelIsDescribedByItsInputShapeToo() {
        Fixtures.Cohort cohort = fixtures.cohort(1);
        LayerNames.reset();
        RandomSeed.set(7);
        Model sequential = new Sequential(Input.shape(6, 6, 1), new Conv2D(2, 3), new Flatten(), new Dense(3));

        Response published = publish(cohort.instructor(), cohort.id(), "small_cnn.bpm",
                SavedModels.toBytes(sequential), "small_cnn", "1");

        assertEquals(201, published.statusCode(), published.asString());
        assertEquals(List.of(6, 6, 1), published.jsonPath().getList("inputShape"));
        assertEquals(sequential.countParams(), published.jsonPath().getInt("parameterCount"));
    }

    @Test
    void aKerasFileIsConvertedWhenPublishedAndALayerNnLacksIsRefusedByName() throws Exception {
        Fixtures.Cohort cohort = fixtures.cohort(1);
        // keras.Sequential([keras.Input((2,)), layers.Dense(1)]) with kernel [[2], [3]] and bias [1], as Keras 3 saves it.
        byte[] keras = KerasFiles.archive(KerasFiles.sequential("tiny_keras", true, List.of(
                KerasFiles.inputLayer("input_layer", 2), KerasFiles.layer("Dense", KerasFiles.dense("dense", 1,
                        "linear")))), Map.of("layers/dense", List.of(Tensor.of(new float[][] {{2}, {3}}),
                Tensor.of(new float[] {1}))));

        Response published = publish(cohort.instructor(), cohort.id(), "tiny.keras", keras, "tiny_keras", "1.0.0");

        assertEquals(201, published.statusCode(), published.asString());
        assertEquals(3, published.jsonPath().getInt("parameterCount"));
        byte[] stored = given().auth().oauth2(cohort.students().get(0).token())
                .get("/api/courses/" + cohort.id() + "/pretrained/tiny_keras/1.0.0/model").then().statusCode(200)
                .extract().asByteArray();
        // 2·1 + 3·1 + 1 = 6 and 2·0.5 + 3·(−2) + 1 = −4: the program loads the Keras model's own weights.
        assertArrayEquals(new float[] {6, -4}, SavedModels.fromBytes(stored).predict(Tensor.of(new float[][] {
            {1, 1}, {0.5f, -2}})).toArray());

        byte[] padded = KerasFiles.archive(KerasFiles.sequential("padded", true, List.of(
                KerasFiles.inputLayer("input_layer", 4, 4, 1), KerasFiles.layer("ZeroPadding2D", KerasFiles.map(
                        "name", "zero_padding2d", "trainable", true, "dtype", KerasFiles.dtype(),
                        "padding", List.of(List.of(1, 1), List.of(1, 1)), "data_format", "channels_last")))),
                Map.of("layers/zero_padding2d", List.of()));
        Response refused = publish(cohort.instructor(), cohort.id(), "padded.keras", padded, "padded", "1.0.0");
        assertEquals(422, refused.statusCode(), refused.asString());
        assertTrue(refused.jsonPath().getString("detail").startsWith("Cannot import the Keras model: layer"
                + " 'zero_padding2d' (ZeroPadding2D) is not supported by nn"), refused.asString());
    }

    @Test
    void filesThatAreNotSavedModelsAndBadNamesAreRefusedWithTheReason() {
        Fixtures.Cohort cohort = fixtures.cohort(1);
        byte[] bytes = SavedModels.toBytes(TinyPretrained.model());

        Response keras = publish(cohort.instructor(), cohort.id(), "vgg16.h5", bytes, "vgg16", "1.0.0");
        assertEquals(400, keras.statusCode(), keras.asString());
        assertEquals("\"vgg16.h5\" is not a model file the server can publish: upload a Backprop saved model (.bpm,"
                + " what model.save writes) or a Keras 3 model (.keras, what model.save(\"name.keras\") writes).",
                keras.jsonPath().getString("detail"));

        byte[] damaged = Arrays.copyOf(bytes, bytes.length);
        damaged[damaged.length / 2] ^= 0x55;
        Response broken = publish(cohort.instructor(), cohort.id(), "tiny.bpm", damaged, "tiny", "1.0.0");
        assertEquals(422, broken.statusCode(), broken.asString());
        assertTrue(broken.jsonPath().getString("detail").startsWith("The file is not a saved model the library can"
                + " rebuild: "), broken.asString());

        Response badName = publish(cohort.instructor(), cohort.id(), "tiny.bpm", bytes, "../tiny", "1.0.0");
        assertEquals(400, badName.statusCode(), badName.asString());
        assertTrue(badName.jsonPath().getString("detail").contains("is not a pretrained model name"),
                badName.asString());
        Response noVersion = publish(cohort.instructor(), cohort.id(), "tiny.bpm", bytes, "tiny", "");
        assertEquals(400, noVersion.statusCode(), noVersion.asString());

        given().auth().oauth2(cohort.instructor().token()).get("/api/courses/" + cohort.id() + "/pretrained").then()
                .statusCode(200).body("size()", equalTo(0));
        Response byStudent = publish(cohort.students().get(0), cohort.id(), "tiny.bpm", bytes, "tiny", "1.0.0");
        assertEquals(403, byStudent.statusCode(), byStudent.asString());
    }

    private static Response publish(Fixtures.User user, long courseId, String fileName, byte[] bytes, String name,
            String version) {
        return given().auth().oauth2(user.token())
                .multiPart("file", fileName, bytes, "application/octet-stream")
                .multiPart("name", name).multiPart("version", version)
                .post("/api/courses/" + courseId + "/pretrained");
    }
}
