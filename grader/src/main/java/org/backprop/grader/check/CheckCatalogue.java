package org.backprop.grader.check;

import static org.backprop.grader.check.ParamSpec.optional;
import static org.backprop.grader.check.ParamSpec.required;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.backprop.grader.result.Visibility;

/**
 * The one catalogue of checks an assignment's rubric items can name (DESIGN.md, "Grading spec"): each check's
 * parameters with their types and defaults, the evidence it reads and its default visibility. The server
 * validates {@code assignment.yaml} against it and the grader grades with it; nothing else keeps a list.
 */
public final class CheckCatalogue {
    /** Keras's augmentation layers, the ones {@code augmentation-active} counts unless told otherwise. */
    static final List<String> AUGMENTATION_LAYERS = List.of("RandomFlip", "RandomRotation", "RandomZoom",
            "RandomTranslation", "RandomCrop", "RandomContrast", "RandomBrightness");

    private static final List<CheckSpec> CHECKS = List.of(
            new CheckSpec("augmentation-active", "The final model augments its data: its augmentation layers change"
                    + " a batch in training and leave it as it is at inference, as the server's run shows.",
                    List.of(optional("layers", ParamType.TEXTS, AUGMENTATION_LAYERS,
                                    "the Keras layer types that count as augmentation"),
                            optional("minLayers", ParamType.POSITIVE_INTEGER, 1,
                                    "how many augmentation layers the model must have")),
                    Set.of(EvidenceKind.SERVER_RUN), Visibility.VISIBLE, new AugmentationActiveCheck()),
            new CheckSpec("architecture", "The final model, as the server's run builds it, has the required modern"
                    + " convnet elements.",
                    List.of(optional("requires", ParamType.TEXTS, ArchitectureCheck.ELEMENT_NAMES,
                            "the elements required: residual, batch-normalization, separable-conv")),
                    Set.of(EvidenceKind.SERVER_RUN), Visibility.VISIBLE, new ArchitectureCheck()),
            new CheckSpec("ablation", "The handed-in ablation variants each remove exactly the component they name"
                    + " from the baseline's model, as the server's run builds them, and report metrics.",
                    List.of(optional("minVariants", ParamType.POSITIVE_INTEGER, 2,
                                    "how many components the study must ablate"),
                            optional("components", ParamType.TEXTS, null,
                                    "components that must each have a variant")),
                    Set.of(EvidenceKind.SERVER_RUN, EvidenceKind.CLAIMED_RUNS), Visibility.VISIBLE,
                    new AblationCheck()),
            new CheckSpec("curves", "Every handed-in run has training and validation curves of each metric for"
                    + " every epoch, and the server's re-runs produce them too.",
                    List.of(optional("metrics", ParamType.TEXTS, List.of("loss", "accuracy"),
                                    "the metrics whose training and val_ curves every run needs"),
                            optional("minEpochs", ParamType.POSITIVE_INTEGER, 1, "the fewest epochs a run may have")),
                    Set.of(EvidenceKind.SERVER_RUN, EvidenceKind.CLAIMED_RUNS), Visibility.VISIBLE,
                    new CurvesCheck()),
            new CheckSpec("reproduce", "The server re-runs the baseline and variants sampled from the handed-in runs;"
                    + " each must reach the claimed metric within the tolerance.",
                    List.of(optional("metric", ParamType.TEXT, "val_accuracy", "the metric compared"),
                            optional("tolerance", ParamType.NON_NEGATIVE_NUMBER, 0.02,
                                    "how far the re-run's final value may be from the claimed one")),
                    Set.of(EvidenceKind.SERVER_RUN, EvidenceKind.CLAIMED_RUNS), Visibility.VISIBLE,
                    new ReproduceCheck()),
            new CheckSpec("heldout", "The final model the server's run saves is evaluated on a dataset's hidden split.",
                    List.of(required("dataset", ParamType.TEXT, "the dataset whose hidden split is used"),
                            optional("model", ParamType.TEXT, null, "the name the program saves the model under"
                                    + " (model.save(name)); the dataset's name unless given"),
                            optional("metric", ParamType.TEXT, "accuracy", "the metric computed"),
                            optional("threshold", ParamType.NON_NEGATIVE_NUMBER, 0.0,
                                    "the value below which the item earns nothing"),
                            optional("fullPointsAt", ParamType.NON_NEGATIVE_NUMBER, null,
                                    "the value that earns full points, scaling linearly from the threshold")),
                    Set.of(EvidenceKind.SERVER_RUN, EvidenceKind.SAVED_MODEL), Visibility.AFTER_DUE,
                    new HeldoutCheck()),
            new CheckSpec("report", "The report names every team member and has the required sections; every member"
                    + " ran at least one of the handed-in runs.",
                    List.of(optional("sections", ParamType.TEXTS, null, "headings the report must have"),
                            optional("membersNamed", ParamType.BOOLEAN, true, "every member's name appears"),
                            optional("everyMemberRan", ParamType.BOOLEAN, false,
                                    "every member ran at least one handed-in run")),
                    Set.of(EvidenceKind.REPORT, EvidenceKind.CLAIMED_RUNS), Visibility.VISIBLE, new ReportCheck()),
            new CheckSpec("tests", "The assignment's hidden Java tests run against the submitted classes.",
                    List.of(required("files", ParamType.TEXTS, "the test sources, relative to the assignment folder")),
                    Set.of(EvidenceKind.HIDDEN_TESTS), Visibility.AFTER_DUE, new HiddenTestsCheck()),
            new CheckSpec("manual", "A TA scores the item.", List.of(), Set.of(EvidenceKind.TA), Visibility.VISIBLE,
                    null));

    private CheckCatalogue() {
    }

    /** Returns every check, in the order the documentation lists them. */
    public static List<CheckSpec> all() {
        return CHECKS;
    }

    /** Returns the check named {@code name}. */
    public static Optional<CheckSpec> spec(String name) {
        return CHECKS.stream().filter(check -> check.name().equals(name)).findFirst();
    }

    /** Returns the names of all checks, for a message: "augmentation-active, architecture, ...". */
    public static String names() {
        return CHECKS.stream().map(CheckSpec::name).collect(Collectors.joining(", "));
    }

    /** A mistake in an item's parameters: the parameter ({@code null} for the item as a whole) and what is wrong. */
    public record ParamProblem(String param, String message) {
    }

    /**
     * Returns what is wrong with the parameters {@code params} (as YAML parsing leaves them) of the check named
     * {@code check}: unknown names, values of the wrong type, required ones missing. Empty when they are right.
     */
    public static List<ParamProblem> validate(String check, Map<String, ?> params) {
        Optional<CheckSpec> spec = spec(check);
        if (spec.isEmpty()) {
            return List.of(new ParamProblem(null, "\"" + check + "\" is not a check; use one of " + names()));
        }
        List<ParamProblem> problems = new ArrayList<>();
        Map<String, ?> given = params == null ? Map.of() : params;
        for (String name : new TreeSet<>(given.keySet())) {
            Optional<ParamSpec> param = spec.get().param(name);
            if (param.isEmpty()) {
                problems.add(new ParamProblem(name, "is not a parameter of " + check + (spec.get().params().isEmpty()
                        ? ", which takes none" : "; it takes " + spec.get().params().stream().map(ParamSpec::name)
                                .sorted().collect(Collectors.joining(", ")))));
            } else if (!param.get().type().fits(given.get(name))) {
                problems.add(new ParamProblem(name, "must be " + param.get().type().description()));
            }
        }
        for (ParamSpec param : spec.get().params()) {
            if (param.required() && !given.containsKey(param.name())) {
                problems.add(new ParamProblem(param.name(), "is required: " + param.description()));
            }
        }
        if (problems.isEmpty() && spec.get().implementation() != null) {
            try {
                spec.get().implementation().validate(CheckParams.of(spec.get(), given));
            } catch (InvalidCheckParamsException e) {
                problems.add(new ParamProblem(e.param(), e.getMessage()));
            }
        }
        return problems;
    }
}
