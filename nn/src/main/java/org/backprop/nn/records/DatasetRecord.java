package org.backprop.nn.records;

import java.util.List;

/**
 * Which data a run used and how it was split: the dataset's name (e.g. {@code "mnist"}), how validation data
 * was chosen in words (e.g. {@code "validation_split=0.2"}), the number of examples in each part (0 where
 * a part was not used), and, for each part read from the course's stored datasets, its {@link DataProvenance}
 * (empty for arrays the program made itself, and in records written before provenance was kept).
 */
public record DatasetRecord(String name, String split, int trainExamples, int validationExamples, int testExamples,
        List<DataProvenance> sources) {

    public DatasetRecord {
        Checks.notEmpty("name", name);
        Checks.notNull("split", split);
        Checks.notNegative("trainExamples", trainExamples);
        Checks.notNegative("validationExamples", validationExamples);
        Checks.notNegative("testExamples", testExamples);
        sources = sources == null ? List.of() : Checks.copy("sources", sources);
    }

    /** Returns a record without provenance. */
    public DatasetRecord(String name, String split, int trainExamples, int validationExamples, int testExamples) {
        this(name, split, trainExamples, validationExamples, testExamples, List.of());
    }
}
