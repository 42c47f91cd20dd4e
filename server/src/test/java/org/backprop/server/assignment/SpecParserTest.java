package org.backprop.server.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** assignment.yaml as the course writes it, and each mistake reported with its YAML path. */
class SpecParserTest {
    private static final String VALID = """
            title: T
            deadline:
              due: 2026-12-14T23:59
              lateCredit:
                - {until: 24h, credit: 80}
                - {until: 3d, credit: 50}
            team: {set: Teams, minSize: 3, maxSize: 4}
            datasets:
              - {name: rps, source: "tfds:rock_paper_scissors", splits: [train, test], hidden: test}
            starter: {mainClass: Main, files: [Main.java]}
            rubric:
              - {id: aug, points: 10, description: d, check: augmentation-active, params: {layers: [RandomFlip]}}
              - {id: ablation, points: 2.5, description: d, check: ablation, params: {minVariants: 4}}
            """;

    @Test
    void readsTheCoursesHomework() throws IOException {
        Path folder = Path.of(System.getProperty("backprop.repository-root"), "assignments", "hw-convnets");
        AssignmentSpec spec = SpecParser.parse(Files.readString(folder.resolve("assignment.yaml")),
                Set.of("Main.java", "model/Components.java", "model/ConvNet.java", "hidden/SavedModelTest.java"));

        assertEquals(List.of(new AssignmentSpec.LateStep(Duration.ofHours(24), 80),
                new AssignmentSpec.LateStep(Duration.ofHours(72), 50)), spec.deadline().lateCredit());
        assertEquals(new AssignmentSpec.TeamPolicy("Homework teams", 3, 4), spec.team());
        assertEquals(List.of("augmentation", "modern-convnet", "two-datasets", "ablation", "curves",
                "metrics-reproduce", "saved-model", "team-report", "insight"),
                spec.rubric().stream().map(AssignmentSpec.RubricSpec::id).toList());
        assertEquals(new BigDecimal("100"), spec.rubric().stream().map(AssignmentSpec.RubricSpec::points)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        assertEquals("Main", spec.starter().mainClass());
        assertEquals(14, spec.deadline().dueDays());
        assertEquals(2, spec.rerunVariants());
    }

    @Test
    void readsAValidSpec() {
        AssignmentSpec spec = SpecParser.parse(VALID, Set.of("Main.java"));
        assertEquals(Duration.ofDays(3), spec.deadline().lateCredit().get(1).until());
        assertEquals("ablation", spec.rubric().get(1).check().name());
    }

    @Test
    void takesTheReRunBudgetOrItsDefault() {
        assertEquals(2, SpecParser.parse(VALID, Set.of("Main.java")).rerunVariants());
        assertEquals(5, SpecParser.parse(VALID + "rerun: {variants: 5}\n", Set.of("Main.java")).rerunVariants());
        assertErrors(VALID + "rerun: {variants: -1, baseline: no}\n", List.of(
                new SpecError("rerun.baseline", "is not a known key here; expected one of variants"),
                new SpecError("rerun.variants", "must be a whole number from 0 to 100, got -1")));
    }

    @Test
    void checksThePretrainedModelsTheProgramMayLoad() {
        SpecParser.parse(VALID + "pretrained:\n  - {name: vgg16}\n  - {name: tiny, version: 1.0.0}\n",
                Set.of("Main.java"));
        assertErrors(VALID + "pretrained:\n  - {name: ../vgg16}\n  - {version: 1}\n  - {name: a, weights: x}\n",
                List.of(new SpecError("pretrained[0].name", "\"../vgg16\" is not a pretrained model name: use letters,"
                        + " digits, '_', '-' and '.', with an optional \":version\", e.g. \"vgg16\" or"
                        + " \"vgg16:1.0.0\"."),
                        new SpecError("pretrained[1].name", "is required"),
                        new SpecError("pretrained[2].weights", "is not a known key here; expected one of name,"
                                + " version")));
    }

    @Test
    void namesAnUnknownCheck() {
        assertErrors(VALID.replace("check: ablation", "check: ablations"), List.of(new SpecError("rubric[1].check",
                "\"ablations\" is not a check; use one of augmentation-active, architecture, ablation, curves,"
                        + " reproduce, heldout, report, tests, manual")));
    }

    @Test
    void namesNegativePoints() {
        assertErrors(VALID.replace("points: 2.5", "points: -1"),
                List.of(new SpecError("rubric[1].points", "must not be negative, got -1")));
    }

    @Test
    void namesATimelineThatDoesNotIncreaseAndCreditThatRises() {
        assertErrors(VALID.replace("{until: 3d, credit: 50}", "{until: 24h, credit: 90}"), List.of(
                new SpecError("deadline.lateCredit[1].until", "must be later than the step before it (1d): the"
                        + " timeline must increase"),
                new SpecError("deadline.lateCredit[1].credit", "must not be more than the step before it (80):"
                        + " credit cannot rise as work gets later")));
    }

    @Test
    void listsEveryErrorAtOnce() {
        String broken = VALID.replace("title: T", "titel: T")
                .replace("params: {minVariants: 4}", "params: {minVariants: 0, seed: 1}")
                .replace("files: [Main.java]", "files: [Main.java, ../Secret.java, Other.java]")
                .replace("hidden: test", "hidden: holdout")
                .replace("until: 24h", "until: tomorrow");
        assertErrors(broken, List.of(
                new SpecError("titel", "is not a known key here; expected one of datasets, deadline, pretrained,"
                        + " rerun, rubric, starter, summary, team, title"),
                new SpecError("title", "is required"),
                new SpecError("deadline.lateCredit[0].until", "must be a time after the due time such as 24h, 3d or"
                        + " 90m, got \"tomorrow\""),
                new SpecError("datasets[0].hidden", "names the split \"holdout\", which is not in splits [train, test]"),
                new SpecError("starter.files[1]", "\"../Secret.java\" is not a Java source path such as Main.java or"
                        + " model/Net.java"),
                new SpecError("starter.files[2]", "the folder has no file Other.java"),
                new SpecError("rubric[1].params.minVariants", "must be a whole number of at least 1"),
                new SpecError("rubric[1].params.seed", "is not a parameter of ablation; it takes components,"
                        + " minVariants")));
    }

    @Test
    void explainsYamlThatDoesNotParse() {
        InvalidSpecException error = assertThrows(InvalidSpecException.class,
                () -> SpecParser.parse("title: [unclosed", Set.of()));
        assertEquals("(document)", error.errors().get(0).path());
    }

    private static void assertErrors(String yaml, List<SpecError> expected) {
        InvalidSpecException error = assertThrows(InvalidSpecException.class, () -> SpecParser.parse(yaml,
                Set.of("Main.java")));
        assertEquals(expected, error.errors());
    }
}
