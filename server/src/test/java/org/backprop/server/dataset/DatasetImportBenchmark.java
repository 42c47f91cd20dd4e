package org.backprop.server.dataset;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.backprop.nn.data.store.DatasetManifest;
import org.backprop.nn.data.store.ShardRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test (surefire runs it only when named): the import time of a 60,000-image TFDS archive, Fashion-MNIST's
 * training split as PNGs in TFRecords in a tar.gz, unpacked, decoded and written as shards to disk. Run with
 * {@code mvn -B -o -pl server -am verify -Dtest=DatasetImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * the figures go to docs/benchmarks.md.
 */
class DatasetImportBenchmark {
    @TempDir
    Path temp;

    @Test
    void importFashionMnistTrainAsTfds() throws IOException {
        assumeTrue(Files.isDirectory(TestDatasets.FASHION_MNIST), "apt-get install dataset-fashion-mnist");
        byte[] images = gunzip(TestDatasets.FASHION_MNIST.resolve("train-images-idx3-ubyte.gz"));
        byte[] labels = gunzip(TestDatasets.FASHION_MNIST.resolve("train-labels-idx1-ubyte.gz"));
        long startBuild = System.nanoTime();
        Map<String, List<byte[]>> shards = new LinkedHashMap<>();
        for (int shard = 0; shard < 4; shard++) {
            List<byte[]> records = new ArrayList<>();
            for (int i = shard * 15_000; i < (shard + 1) * 15_000; i++) {
                int[] levels = new int[784];
                for (int p = 0; p < 784; p++) {
                    levels[p] = images[16 + i * 784 + p] & 0xff;
                }
                records.add(TestDatasets.example(TestDatasets.encode(TestDatasets.grey(levels, 28, 28), "png"),
                        labels[8 + i]));
            }
            shards.put("fashion_mnist-train.tfrecord-0000" + shard + "-of-00004", records);
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        shards.forEach((name, records) -> files.put(name, TestDatasets.tfRecord(records)));
        files.put("dataset_info.json", ("{\"name\": \"fashion_mnist\", \"version\": \"3.0.1\", \"splits\": [{\"name\":"
                + " \"train\", \"shardLengths\": [\"15000\", \"15000\", \"15000\", \"15000\"]}]}").getBytes(StandardCharsets.UTF_8));
        files.put("features.json", TestDatasets.tfdsFolder("x", Map.of()).get("features.json"));
        Path archive = TestDatasets.tarGz(temp.resolve("fashion_mnist.tar.gz"),
                TestDatasets.under("fashion_mnist/3.0.1/", files));
        System.out.printf("built the archive (%d MiB) in %.1f s%n", Files.size(archive) >> 20,
                (System.nanoTime() - startBuild) / 1e9);

        Path shardsFolder = Files.createDirectory(temp.resolve("shards"));
        ShardSink sink = (shard, examples) -> {
            String hash = HexFormat.of().formatHex(DatasetStore.sha256().digest(shard));
            try {
                Files.write(shardsFolder.resolve(hash), shard);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new ShardRef(hash, shard.length, examples);
        };
        ImportLimits limits = new ImportLimits(8L << 30, 200_000, 16L << 30);
        for (int run = 0; run < 3; run++) {
            Path folder = Files.createDirectory(temp.resolve("upload-" + run));
            long start = System.nanoTime();
            ArchiveExtractor.extract(archive, "fashion_mnist.tar.gz", folder, limits);
            long unpacked = System.nanoTime();
            DatasetManifest manifest = FolderImporter.of(DatasetFormat.TFDS).read(folder, new ImportSettings(
                    DatasetFormat.TFDS, null, null, null, null, null, null, List.of()), sink, limits);
            long end = System.nanoTime();
            System.out.printf("run %d: %d images, unpack %.2f s, decode + shards %.2f s, total %.2f s (%d shards)%n",
                    run, manifest.split("train").examples(), (unpacked - start) / 1e9, (end - unpacked) / 1e9,
                    (end - start) / 1e9, manifest.split("train").shards().size());
        }
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }
}
