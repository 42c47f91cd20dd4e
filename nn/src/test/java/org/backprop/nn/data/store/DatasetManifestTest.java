package org.backprop.nn.data.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetManifestTest {
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);
    private static final String C = "c".repeat(64);

    @Test
    void theManifestRoundTripsThroughJson() {
        DatasetManifest manifest = fashion();

        String json = manifest.toJson();

        assertEquals(manifest, DatasetManifest.fromJson(json));
        assertTrue(json.contains("\"format\": \"backprop-dataset-v1\""), json);
    }

    @Test
    void studentsSeeTheHiddenSplitsCountButNoneOfItsShards() {
        DatasetManifest forStudents = fashion().withoutHiddenShards();

        assertEquals(List.of(), forStudents.split("test").shards());
        assertEquals(3, forStudents.split("test").examples());
        assertEquals(fashion().split("train"), forStudents.split("train"));
        assertEquals(forStudents, DatasetManifest.fromJson(forStudents.toJson()));
        assertTrue(!forStudents.toJson().contains(C), "the hidden shard's hash must not appear");
    }

    @Test
    void countsThatDoNotAddUpAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SplitManifest("train",
                5, false, List.of(new ShardRef(A, 100, 3))));
        assertEquals("the shards of split train hold 3 examples, but the split says 5", e.getMessage());
    }

    @Test
    void aManifestOfAnotherFormatOrWithBadMembersIsRefused() {
        String json = fashion().toJson();
        assertEquals("the manifest's format must be \"backprop-dataset-v1\", got \"v0\"",
                assertThrows(IllegalArgumentException.class, () -> DatasetManifest.fromJson(
                        json.replace("backprop-dataset-v1", "v0"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> DatasetManifest.fromJson(json.replace(A, "../etc")));
        assertThrows(IllegalArgumentException.class, () -> DatasetManifest.fromJson(
                json.replace("\"fashion_mnist\"", "\"../x\"")));
        assertThrows(IllegalArgumentException.class, () -> DatasetManifest.fromJson(json.substring(0, 40)));
        assertThrows(IllegalArgumentException.class, () -> fashion().split("validation"));
    }

    private static DatasetManifest fashion() {
        return new DatasetManifest("fashion_mnist", "3.0.1", 28, 28, 1, List.of("T-shirt/top", "Trouser"),
                List.of(new SplitManifest("train", 7, false, List.of(new ShardRef(A, 4000, 4), new ShardRef(B, 3000,
                        3))), new SplitManifest("test", 3, true, List.of(new ShardRef(C, 3000, 3)))));
    }
}
