package org.backprop.server.assignment;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The fixed catalogue of checks a rubric item can ask for (DESIGN.md, "Grading spec"), each with the
 * parameters it takes in {@code assignment.yaml} and their types. The grader implements them; the server
 * only makes sure a spec names them correctly.
 */
public enum Check {
    AUGMENTATION_ACTIVE("augmentation-active", Map.of("layers", Param.STRINGS)),
    ARCHITECTURE("architecture", Map.of("requires", Param.STRINGS)),
    ABLATION("ablation", Map.of("minVariants", Param.POSITIVE_INTEGER, "components", Param.STRINGS)),
    CURVES("curves", Map.of("metrics", Param.STRINGS, "minEpochs", Param.POSITIVE_INTEGER)),
    REPRODUCE("reproduce", Map.of("metric", Param.STRING, "tolerance", Param.NON_NEGATIVE_NUMBER)),
    HELDOUT("heldout", Map.of("dataset", Param.STRING, "metric", Param.STRING, "threshold",
            Param.NON_NEGATIVE_NUMBER, "fullPointsAt", Param.NON_NEGATIVE_NUMBER)),
    REPORT("report", Map.of("sections", Param.STRINGS, "membersNamed", Param.BOOLEAN, "everyMemberRan",
            Param.BOOLEAN)),
    TESTS("tests", Map.of("files", Param.STRINGS)),
    MANUAL("manual", Map.of());

    /** The kinds of value a check parameter can take. */
    public enum Param {
        STRING("a text"),
        STRINGS("a list of texts"),
        BOOLEAN("true or false"),
        POSITIVE_INTEGER("a whole number of at least 1"),
        NON_NEGATIVE_NUMBER("a number of at least 0");

        final String description;

        Param(String description) {
            this.description = description;
        }
    }

    private final String yamlName;
    private final Map<String, Param> params;

    Check(String yamlName, Map<String, Param> params) {
        this.yamlName = yamlName;
        this.params = params;
    }

    /** Returns the name the spec uses, e.g. {@code augmentation-active}. */
    public String yamlName() {
        return yamlName;
    }

    Map<String, Param> params() {
        return params;
    }

    static Optional<Check> byName(String name) {
        return Arrays.stream(values()).filter(check -> check.yamlName.equals(name)).findFirst();
    }

    static String catalogue() {
        return Arrays.stream(values()).map(Check::yamlName).collect(Collectors.joining(", "));
    }
}
