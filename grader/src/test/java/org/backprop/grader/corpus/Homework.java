package org.backprop.grader.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.backprop.grader.check.CheckCatalogue;
import org.backprop.grader.pipeline.RubricItem;

/**
 * The real homework, {@code assignments/hw-convnets}, as the corpus grades it: its rubric read from
 * {@code assignment.yaml} (the held-out item's dataset rewritten to {@code mnist}, as the demo course's copy does),
 * its starter's files, and its reference solution laid over the starter.
 */
final class Homework {
    static final Path FOLDER = Path.of(System.getProperty("backprop.repository-root", ".."), "assignments",
            "hw-convnets");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The dataset the demo's copy evaluates held-out items on. */
    static final String HELDOUT_DATASET = "mnist";

    private Homework() {
    }

    /** Returns the rubric of {@code assignment.yaml}, each item with its check's default visibility. */
    static List<RubricItem> rubric() {
        JsonNode spec;
        try {
            spec = YAML.readTree(read("assignment.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> datasets = new HashSet<>();
        spec.path("datasets").forEach(dataset -> datasets.add(dataset.path("name").asText()));
        return java.util.stream.StreamSupport.stream(spec.path("rubric").spliterator(), false).map(item -> {
            String check = item.path("check").asText();
            Map<String, Object> params = item.has("params") ? new LinkedHashMap<>(YAML.convertValue(
                    item.get("params"), new TypeReference<Map<String, Object>>() { })) : Map.of();
            if (params.get("dataset") instanceof String dataset && datasets.contains(dataset)) {
                params.put("dataset", HELDOUT_DATASET);
            }
            return new RubricItem(item.path("id").asText(), item.path("description").asText(),
                    item.path("points").asDouble(), check, params,
                    CheckCatalogue.spec(check).orElseThrow(() -> new AssertionError("the homework names a check"
                            + " the catalogue lacks: " + check)).defaultVisibility());
        }).toList();
    }

    /** Returns the hidden test sources the rubric's tests items name, by path in the folder, as the server keeps them. */
    static Map<String, String> hiddenTests(List<RubricItem> rubric) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (RubricItem item : rubric) {
            if (item.check().equals("tests") && item.params().get("files") instanceof List<?> files) {
                files.forEach(file -> sources.put((String) file, read((String) file)));
            }
        }
        return sources;
    }

    /** Returns the report the reference solution hands in, as committed. */
    static String report() {
        return read("reference/report.md");
    }

    /**
     * Returns the reference solution's sources (its files laid over the starter's) with its study shrunk for the
     * corpus: {@code train} training examples, {@code validation} validation examples, batches of 8 and a learning
     * rate of 1e-2, so that each fit takes seconds on the sandbox's software GPU and still learns in its few steps;
     * the reference's 5 epochs stay (the curves item asks for 5).
     */
    static Map<String, String> reference(int train, int validation) {
        Map<String, String> sources = new TreeMap<>();
        for (String file : List.of("Main.java", "model/Components.java", "model/ConvNet.java")) {
            sources.put(file, read(file));
        }
        for (String file : List.of("Main.java", "model/Components.java", "model/ConvNet.java")) {
            if (Files.exists(FOLDER.resolve("reference").resolve(file))) {
                sources.put(file, read("reference/" + file));
            }
        }
        String main = sources.get("Main.java");
        main = replaceOnce(main, "TRAIN_EXAMPLES = 600;", "TRAIN_EXAMPLES = " + train + ";");
        main = replaceOnce(main, "VALIDATION_EXAMPLES = 500;", "VALIDATION_EXAMPLES = " + validation + ";");
        main = replaceOnce(main, "BATCH_SIZE = 32;", "BATCH_SIZE = 8;");
        main = replaceOnce(main, "LEARNING_RATE = 3e-3;", "LEARNING_RATE = 1e-2;");
        assertTrue(main.contains("TRAIN_EXAMPLES = " + train + ";")
                && main.contains("VALIDATION_EXAMPLES = " + validation + ";") && main.contains("EPOCHS = 5;")
                && main.contains("BATCH_SIZE = 8;") && main.contains("LEARNING_RATE = 1e-2;"),
                "the reference's constants moved: update the corpus");
        sources.put("Main.java", main);
        return sources;
    }

    /**
     * Returns {@code sources} with {@code from} replaced by {@code to} in {@code file}, where {@code from} must occur
     * exactly once: a change to the homework that moves it fails here, not in a verdict far away.
     */
    static Map<String, String> edit(Map<String, String> sources, String file, String from, String to) {
        Map<String, String> edited = new TreeMap<>(sources);
        edited.put(file, replaceOnce(edited.get(file), from, to));
        return edited;
    }

    static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        assertEquals(true, at >= 0 && text.indexOf(from, at + 1) < 0, () -> "\"" + from + "\" must occur exactly"
                + " once; the homework changed: update the corpus");
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    private static String read(String file) {
        try {
            return Files.readString(FOLDER.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
