package org.backprop.server.e2e;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Writes the first examples of Fashion-MNIST (Debian's {@code dataset-fashion-mnist}) as IDX files, so that a test
 * imports real images the way an instructor would, without waiting on all 70,000 of them.
 */
final class FashionMnistSlice {
    static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    private FashionMnistSlice() {
    }

    /** Writes {@code train} training and {@code test} test examples as IDX files into {@code folder}. */
    static Path write(Path folder, int train, int test) throws IOException {
        copy("train-images-idx3-ubyte", folder, train);
        copy("train-labels-idx1-ubyte", folder, train);
        copy("t10k-images-idx3-ubyte", folder, test);
        copy("t10k-labels-idx1-ubyte", folder, test);
        return folder;
    }

    /** Copies the header with {@code count} as the number of items, then the first {@code count} items. */
    private static void copy(String file, Path folder, int count) throws IOException {
        Path source = FASHION_MNIST.resolve(file + ".gz");
        if (!Files.isRegularFile(source)) {
            throw new IOException(source + " is missing: install Debian's dataset-fashion-mnist");
        }
        try (InputStream gzip = new GZIPInputStream(Files.newInputStream(source));
                DataInputStream in = new DataInputStream(gzip);
                OutputStream target = Files.newOutputStream(folder.resolve(file));
                DataOutputStream out = new DataOutputStream(target)) {
            int magic = in.readInt();
            int dimensions = magic & 0xff;
            int items = in.readInt();
            if (items < count) {
                throw new IOException(source + " holds " + items + " items, fewer than " + count);
            }
            out.writeInt(magic);
            out.writeInt(count);
            int itemBytes = 1;
            for (int d = 1; d < dimensions; d++) {
                int size = in.readInt();
                out.writeInt(size);
                itemBytes *= size;
            }
            out.write(in.readNBytes(count * itemBytes));
        }
    }
}
