package org.backprop.nn.records;

/**
 * Which data a run used and how it was split: the dataset's name (e.g. {@code "mnist"}), how validation data
 * was chosen in words (e.g. {@code "validation_split=0.2"}), and the number of examples in each part (0 where
 * a part was not used).
 */
public record DatasetRecord(String name, String split, int trainExamples, int validationExamples, int testExamples) {

    public DatasetRecord {
        Checks.notEmpty("name", name);
        Checks.notNull("split", split);
        Checks.notNegative("trainExamples", trainExamples);
        Checks.notNegative("validationExamples", validationExamples);
        Checks.notNegative("testExamples", testExamples);
    }
}
