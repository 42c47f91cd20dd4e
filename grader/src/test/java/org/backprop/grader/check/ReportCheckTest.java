package org.backprop.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportCheckTest {
    private static final String REPORT = String.join("\n",
            "# Team Hanbit: flowers and rock_paper_scissors",
            "Members: Kim Minji, Lee Junho, Park Seoyeon.",
            "## Data augmentation",
            "RandomFlip and RandomZoom.",
            "## Ablation study",
            "| run | val_accuracy |");
    private static final List<String> MEMBERS = List.of("Kim Minji", "Lee Junho", "Park Seoyeon");
    private final Check check = CheckCatalogue.automatic("report").orElseThrow();

    @Test
    void passesAReportWithEveryMemberAndSection() {
        assertEquals(CheckOutcome.passed("The report has its sections [Ablation, data augmentation] and the names of"
                + " all 3 team members."), evaluate(REPORT, MEMBERS, Map.of("sections",
                List.of("Ablation", "data augmentation"))));
    }

    @Test
    void countsWhatIsMissing() {
        CheckOutcome outcome = evaluate(REPORT, List.of("Kim Minji", "Choi Yuna"), Map.of("sections",
                List.of("Overfitting", "Ablation")));
        assertEquals(new CheckOutcome(CheckOutcome.Verdict.PARTIAL, 0.5, "The report lacks a section \"Overfitting\","
                + " the name of team member Choi Yuna."), outcome);
    }

    @Test
    void findsSectionsOnlyInHeadings() {
        assertEquals(CheckOutcome.Verdict.FAILED, evaluate("Members: Kim Minji\n\nWe discuss overfitting here.",
                List.of(), Map.of("sections", List.of("Overfitting"))).verdict());
    }

    @Test
    void failsAMissingReport() {
        assertEquals(CheckOutcome.failed("The submission has no report."), evaluate("  ", MEMBERS, Map.of()));
    }

    @Test
    void refusesAParameterItDoesNotTake() {
        InvalidCheckParamsException error = org.junit.jupiter.api.Assertions.assertThrows(
                InvalidCheckParamsException.class, () -> evaluate(REPORT, MEMBERS, Map.of("every-member-ran", true)));
        assertEquals("The check \"report\" has no parameter every-member-ran; it takes members-named, sections.",
                error.getMessage());
    }

    private CheckOutcome evaluate(String report, List<String> members, Map<String, Object> params) {
        return check.evaluate(new CheckInput(List.of(), report, members), CheckParams.of("report", params));
    }
}
