package org.backprop.server.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.backprop.server.account.Account;
import org.backprop.server.course.Course;
import org.backprop.server.dataset.Dataset;
import org.backprop.server.dataset.DatasetFormat;
import org.backprop.server.dataset.DatasetService;
import org.backprop.server.dataset.DatasetView;
import org.backprop.server.dataset.ImportSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Imports the demo course's real dataset, Fashion-MNIST, from the IDX files of Debian's {@code dataset-fashion-mnist}
 * package, once: its test split is the hidden one, as a course would set it. Where the package is missing the demo
 * still starts and says what to install.
 */
@ApplicationScoped
public class DemoDatasets {
    static final String NAME = "fashion_mnist";
    static final String VERSION = "1.0.0";
    /** Fashion-MNIST's labels 0-9, as its authors name them. */
    private static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    @Inject
    DatasetService datasets;

    @ConfigProperty(name = "backprop.demo.fashion-mnist-dir", defaultValue = "/usr/share/datasets/fashion-mnist")
    Path fashionMnist;

    /** Imports what is missing and returns a line per dataset for the start-up message. */
    List<String> importIfMissing() {
        long courseId = QuarkusTransaction.requiringNew().call(() ->
                Course.findByCode(DemoData.COURSE_CODE).orElseThrow().id);
        boolean present = QuarkusTransaction.requiringNew().call(() ->
                Dataset.count("courseId = ?1 and name = ?2 and version = ?3", courseId, NAME, VERSION) > 0);
        if (present) {
            return List.of(NAME + " " + VERSION + ": imported");
        }
        if (!Files.isRegularFile(fashionMnist.resolve("train-images-idx3-ubyte.gz"))) {
            return List.of(NAME + ": NOT imported, its files are missing from " + fashionMnist
                    + " (Debian: apt-get install dataset-fashion-mnist)");
        }
        long instructor = QuarkusTransaction.requiringNew().call(() ->
                Account.findByEmail("instructor@demo.backprop.dev").orElseThrow().id);
        DatasetView view = datasets.importFolder(courseId, fashionMnist, new ImportSettings(DatasetFormat.IDX, NAME,
                VERSION, null, null, null, "test", CLASS_NAMES), instructor);
        return List.of(NAME + " " + VERSION + ": imported now, " + view.splits().stream()
                .map(split -> split.name() + " " + split.examples() + (split.hidden() ? " (hidden)" : ""))
                .collect(Collectors.joining(", ")));
    }
}
