package org.backprop.grader.check;

import static org.backprop.grader.check.ServerRuns.evaluate;
import static org.backprop.grader.check.ServerRuns.fit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.backprop.grader.check.ServerRuns.Parts;
import org.backprop.grader.evidence.Claim;
import org.backprop.grader.evidence.ClaimMatcher;
import org.backprop.grader.evidence.Member;
import org.backprop.grader.evidence.ServerRun;
import org.backprop.nn.records.RunRecord;
import org.junit.jupiter.api.Test;

class ReportCheckTest {
    private static final Member MINJI = new Member(1, "Kim Minji");
    private static final Member JUNHO = new Member(2, "Lee Junho");
    private static final RunRecord MINJI_RUN = fit("baseline", Parts.ALL, 1, "baseline");
    private static final RunRecord JUNHO_RUN = fit("no-residual", Parts.ALL.without("residual"), 1,
            "ablation:no-residual");
    private static final String REPORT = """
            # Datasets
            Kim Minji, Lee Junho and Park Sora.
            # Ablation study
            """;
    private static final Map<String, Object> ALL = Map.of("sections", List.of("Datasets", "Ablation study"),
            "membersNamed", true, "everyMemberRan", true);

    @Test
    void passesAReportWithItsSectionsAndNamesWhenEveryMemberRan() {
        assertEquals(CheckOutcome.passed("The submission has its sections, the names of all 2 members, a handed-in run"
                + " by every member."), evaluate("report", input(REPORT, List.of(MINJI, JUNHO)), ALL));
    }

    @Test
    void failsAMemberWithoutARunAndAReportThatOmitsAMember() {
        CheckOutcome outcome = evaluate("report", input(REPORT.replace("Lee Junho and ", ""),
                List.of(MINJI, JUNHO, new Member(3, "Choi Yuna"))), ALL);
        assertEquals(new CheckOutcome(CheckOutcome.Verdict.PARTIAL, 5.0 / 8, "The submission lacks the name of team"
                + " member Lee Junho, the name of team member Choi Yuna, a handed-in run by Choi Yuna (the submitted"
                + " code must produce it)."), outcome);
    }

    @Test
    void tellsMembersWhoShareANameApartByTheirAccount() {
        Member otherMinji = new Member(7, "Kim Minji");
        CheckOutcome outcome = evaluate("report", input(REPORT, List.of(MINJI, JUNHO, otherMinji)), ALL);
        assertEquals(new CheckOutcome(CheckOutcome.Verdict.PARTIAL, 7.0 / 8, "The submission lacks a handed-in run"
                + " by Kim Minji (the submitted code must produce it)."), outcome);
    }

    @Test
    void failsWithoutAReport() {
        assertEquals(CheckOutcome.failed("The submission has no report."),
                evaluate("report", input(" ", List.of(MINJI)), ALL));
    }

    private static CheckInput input(String report, List<Member> members) {
        ServerRun run = ServerRuns.run(MINJI_RUN, JUNHO_RUN);
        return new CheckInput(run, ClaimMatcher.match(List.of(new Claim(MINJI_RUN, MINJI, null),
                new Claim(JUNHO_RUN, JUNHO, null)), run), report, members);
    }
}
