package org.backprop.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backprop.nn.Input;
import org.backprop.nn.data.StoredDatasetFolder.SplitSpec;
import org.backprop.nn.data.store.DatasetManifest;
import org.backprop.nn.data.store.ShardRef;
import org.backprop.nn.internal.DatasetInternals;
import org.backprop.nn.internal.DatasetSource;
import org.backprop.nn.internal.FolderDatasetSource;
import org.backprop.nn.internal.TensorInternals;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Flatten;
import org.backprop.nn.layers.preprocessing.Rescaling;
import org.backprop.nn.losses.SparseCategoricalCrossentropy;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.History;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.optim.Adam;
import org.backprop.nn.random.RandomSeed;
import org.backprop.nn.records.DataProvenance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredDatasetTest {
    @TempDir
    Path root;
    private DatasetManifest tiny;
    private CountingSource source;

    /** "tiny" 1.0.0: 4x4 grey images of 3 classes; train 100 examples in shards of 16, test 30 hidden. */
    @BeforeEach
    void tinyDataset() throws IOException {
        tiny = StoredDatasetFolder.write(root, "tiny", "1.0.0", 4, 1, 3,
                List.of(new SplitSpec("train", 100, 16, false), new SplitSpec("test", 30, 16, true)));
        source = new CountingSource(new FolderDatasetSource(root));
        DatasetInternals.use(source);
        RandomSeed.set(7);
    }

    @AfterEach
    void restore() {
        DatasetInternals.use(null);
        DatasetInternals.cacheBytes(DatasetInternals.DEFAULT_CACHE_BYTES);
    }

    @Test
    void describesTheSplitWithoutReadingAShard() {
        StoredDataset train = Datasets.load("tiny", "train");
        assertEquals(100, train.size());
        assertArrayEquals(new int[] {4, 4, 1}, train.featureShape());
        assertEquals(List.of("class-0", "class-1", "class-2"), train.classNames());
        assertEquals(3, train.numClasses());
        assertEquals("tiny 1.0.0 train (100 images of 4x4x1, 3 classes)", train.toString());
        assertEquals(List.of("train", "test"), Datasets.splits("tiny:1.0.0"));
        assertEquals(0, source.shardReads);
    }

    @Test
    void decodesBatchesOfPixelsInZeroTo255AndClassIndices() {
        List<Dataset> batches = list(Datasets.load("tiny", "train").batches(32));
        assertEquals(4, batches.size());
        assertArrayEquals(new int[] {32, 4, 4, 1}, batches.get(0).features().shape());
        assertArrayEquals(new int[] {4, 4, 4, 1}, batches.get(3).features().shape(), "the last batch holds the rest");
        assertEquals(List.of(96, 97, 98, 99), examplesOf(batches.get(3)));
        float[] pixels = TensorInternals.values(batches.get(0).features());
        assertEquals(200f, pixels[16 + 5], "example 1 has label 1, so its pixels are bright");
        assertEquals(20f, pixels[2 * 16 + 5]);
        assertArrayEquals(new float[] {0, 1, 2, 0}, Arrays.copyOf(TensorInternals.values(batches.get(0).labels()), 4));
    }

    @Test
    void takeAndSkipCutAValidationSliceBeforeShuffling() {
        StoredDataset train = Datasets.load("tiny", "train");
        StoredDataset validation = train.skip(80);
        assertEquals(rangeOf(80, 100), examplesOf(validation));
        assertEquals(rangeOf(0, 80), sorted(examplesOf(train.take(80).shuffle(3))));
        assertEquals(100, train.take(500).size(), "take keeps what there is, as tf.data does");
        assertEquals(0, train.skip(500).size());
        assertThrows(IllegalArgumentException.class, () -> train.take(-1));
        StoredDataset.Split split = train.split(0.25);
        assertEquals(75, split.train().size());
        assertEquals(rangeOf(75, 100), examplesOf(split.validation()));
    }

    @Test
    void shufflesTheSameWayForTheSameSeedAndUniformlyWhenTheSplitFitsTheCache() {
        StoredDataset train = Datasets.load("tiny", "train");
        List<Integer> once = examplesOf(train.shuffle(11));
        assertEquals(once, examplesOf(train.shuffle(11)));
        assertNotEquals(once, examplesOf(train.shuffle(12)));
        assertEquals(rangeOf(0, 100), sorted(once));
        assertTrue(spreadOfFirstTen(once) > 3, "a uniform shuffle draws the first examples from across the split");
    }

    @Test
    void shufflesALargerSplitShardWindowByShardWindowInBoundedMemory() {
        long shardBytes = tiny.split("train").shards().get(0).bytes();
        DatasetInternals.cacheBytes(4 * shardBytes);
        StoredDataset train = Datasets.load("tiny", "train");
        List<Integer> order = examplesOf(train.shuffle(5));
        assertEquals(rangeOf(0, 100), sorted(order), "every example once");
        assertEquals(7, source.shardReads, "an epoch reads each of the 7 shards once, not once per example");
        Set<Integer> firstWindowShards = new HashSet<>();
        for (int example : order.subList(0, 16)) {
            firstWindowShards.add(example / 16);
        }
        assertTrue(firstWindowShards.size() <= 2, "a window holds the shards that fit half the cache: "
                + firstWindowShards);
    }

    @Test
    void refusesTheHiddenSplitAndNamesWhatThereIs() {
        IllegalArgumentException hidden = assertThrows(IllegalArgumentException.class,
                () -> Datasets.load("tiny", "test"));
        assertEquals("The test split of tiny is hidden: only the grader evaluates on it. Train on train and keep a"
                + " validation slice with take() and skip().", hidden.getMessage());
        IllegalArgumentException noSplit = assertThrows(IllegalArgumentException.class,
                () -> Datasets.load("tiny", "validation"));
        assertEquals("tiny has no split \"validation\"; its splits are [train, test].", noSplit.getMessage());
        IllegalArgumentException noDataset = assertThrows(IllegalArgumentException.class,
                () -> Datasets.load("tiny_mnist", "train"));
        assertEquals("There is no dataset tiny_mnist; there are tiny 1.0.0", noDataset.getMessage());
        IllegalArgumentException noVersion = assertThrows(IllegalArgumentException.class,
                () -> Datasets.load("tiny:2.0.0", "train"));
        assertEquals("There is no dataset tiny:2.0.0; there are tiny 1.0.0", noVersion.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Datasets.load("../etc/passwd", "train"));
    }

    @Test
    void saysWhenTheRuntimeProvidesNoDatasets() {
        DatasetInternals.use(null);
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> Datasets.load("tiny", "train"));
        assertTrue(none.getMessage().startsWith("This runtime provides no datasets"), none.getMessage());
    }

    @Test
    void refusesADamagedShardWithAMessageThatSaysWhatToDo() throws IOException {
        ShardRef first = tiny.split("train").shards().get(0);
        Path file = root.resolve("shards").resolve(first.sha256());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 7));
        IllegalStateException damaged = assertThrows(IllegalStateException.class,
                () -> list(Datasets.load("tiny", "train").batches(8)));
        assertTrue(damaged.getMessage().startsWith("A shard of tiny is damaged"), damaged.getMessage());
    }

    @Test
    void fitTrainsOnAStoredSplitAndItsRecordNamesTheData() {
        StoredDataset train = Datasets.load("tiny", "train");
        Sequential model = new Sequential(Input.shape(4, 4, 1), new Rescaling(1.0 / 255), new Flatten(),
                new Dense(3, "softmax"));
        model.compile(new Adam(0.05), new SparseCategoricalCrossentropy(false), "accuracy");
        History history = model.fit(train.take(80), FitOptions.epochs(15).batchSize(16).verbose(0)
                .validationData(train.skip(80)));
        List<Double> accuracy = history.get("val_accuracy");
        assertTrue(accuracy.get(accuracy.size() - 1) > 0.6, "brightness tells odd labels from even ones: " + accuracy);
        assertEquals("tiny:1.0.0/train", history.runRecord().dataset().name());
        assertEquals(80, history.runRecord().dataset().trainExamples());
        assertEquals(20, history.runRecord().dataset().validationExamples());
        assertEquals(List.of(
                new DataProvenance("train", "tiny", "1.0.0", "train", 80, train.take(80).shardHashes()),
                new DataProvenance("validation", "tiny", "1.0.0", "train", 20, train.skip(80).shardHashes())),
                history.runRecord().dataset().sources(), "the record says exactly which stored shards it read");
        assertEquals(5, train.take(80).shardHashes().size(), "80 examples in shards of 16");
        assertEquals(2, train.skip(80).shardHashes().size(), "the last 20 in shards 6 and 7");
        Map<String, Double> evaluated = model.evaluate(train.skip(80), 7);
        assertEquals(accuracy.get(accuracy.size() - 1), evaluated.get("accuracy"), 1e-6);
    }

    private static List<Dataset> list(Iterable<Dataset> batches) {
        List<Dataset> all = new ArrayList<>();
        batches.forEach(all::add);
        return all;
    }

    private static List<Integer> examplesOf(ExampleSource data) {
        List<Integer> examples = new ArrayList<>();
        for (Dataset batch : data.batches(32)) {
            examples.addAll(examplesOf(batch));
        }
        return examples;
    }

    private static List<Integer> examplesOf(Dataset batch) {
        float[] pixels = TensorInternals.values(batch.features());
        int size = batch.size() == 0 ? 0 : pixels.length / batch.size();
        List<Integer> examples = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            examples.add(StoredDatasetFolder.exampleOf(pixels, i * size));
        }
        return examples;
    }

    private static List<Integer> rangeOf(int from, int to) {
        List<Integer> range = new ArrayList<>();
        for (int i = from; i < to; i++) {
            range.add(i);
        }
        return range;
    }

    private static List<Integer> sorted(List<Integer> values) {
        List<Integer> copy = new ArrayList<>(values);
        copy.sort(null);
        return copy;
    }

    private static int spreadOfFirstTen(List<Integer> order) {
        Set<Integer> shards = new HashSet<>();
        for (int example : order.subList(0, 10)) {
            shards.add(example / 16);
        }
        return shards.size();
    }

    /** The folder source, counting how often a shard's bytes are read. */
    private static final class CountingSource implements DatasetSource {
        private final DatasetSource inner;
        int shardReads;

        CountingSource(DatasetSource inner) {
            this.inner = inner;
        }

        @Override
        public DatasetManifest manifest(String reference) {
            return inner.manifest(reference);
        }

        @Override
        public byte[] shard(ShardRef shard) {
            shardReads++;
            return inner.shard(shard);
        }

        @Override
        public byte[] pretrained(String reference) {
            return inner.pretrained(reference);
        }
    }
}
