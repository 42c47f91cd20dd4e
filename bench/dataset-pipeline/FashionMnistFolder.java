import java.io.*;
import java.nio.file.*;
import java.security.MessageDigest;
import java.util.*;
import java.util.zip.GZIPInputStream;
import org.backprop.nn.data.store.*;

/**
 * Writes Fashion-MNIST (Debian's dataset-fashion-mnist) in the sandbox's dataset layout (docs/datasets.md), as the
 * server's import stores it: 28x28x1 shards of about 4 MiB, train visible, test hidden. For the JVM benchmark only.
 */
public class FashionMnistFolder {
    public static void main(String[] a) throws Exception {
        Path root = Path.of(a[0]);
        Path src = Path.of("/usr/share/datasets/fashion-mnist");
        Files.createDirectories(root.resolve("shards")); Files.createDirectories(root.resolve("manifests"));
        List<SplitManifest> splits = new ArrayList<>();
        splits.add(split(root, "train", src.resolve("train-images-idx3-ubyte.gz"), src.resolve("train-labels-idx1-ubyte.gz"), false));
        splits.add(split(root, "test", src.resolve("t10k-images-idx3-ubyte.gz"), src.resolve("t10k-labels-idx1-ubyte.gz"), true));
        List<String> classes = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
        DatasetManifest m = new DatasetManifest("fashion_mnist", "1.0.0", 28, 28, 1, classes, splits);
        Files.writeString(root.resolve("manifests/fashion_mnist.json"), m.withoutHiddenShards().toJson());
    }
    static byte[] read(Path p) throws IOException { try (var in = new GZIPInputStream(Files.newInputStream(p))) { return in.readAllBytes(); } }
    static SplitManifest split(Path root, String name, Path images, Path labels, boolean hidden) throws Exception {
        byte[] im = read(images), lb = read(labels);
        int n = lb.length - 8;
        int per = ShardWriter.examplesPerShard(28, 28, 1);
        List<ShardRef> refs = new ArrayList<>();
        ShardWriter w = null;
        for (int i = 0; i < n; i++) {
            if (w == null) w = new ShardWriter(28, 28, 1, Math.min(per, n - i));
            w.add(im, 16 + i * 784, lb[8 + i]);
            if (w.isFull()) {
                byte[] b = w.toBytes();
                String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
                Files.write(root.resolve("shards").resolve(sha), b);
                refs.add(new ShardRef(sha, b.length, w.count())); w = null;
            }
        }
        return new SplitManifest(name, n, hidden, refs);
    }
}
