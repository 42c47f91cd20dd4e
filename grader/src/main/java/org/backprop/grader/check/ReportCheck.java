package org.backprop.grader.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backprop.grader.evidence.Member;

/**
 * {@code report}: the report has the required {@code sections} (Markdown headings that contain the section's
 * name, ignoring case), names every member of the team ({@code membersNamed}), and every member ran at least one
 * of the handed-in runs that the submitted code produces ({@code everyMemberRan}). Points in proportion.
 */
final class ReportCheck implements Check {

    @Override
    public CheckOutcome evaluate(CheckInput input, CheckParams params) {
        List<String> sections = params.texts("sections");
        boolean membersNamed = params.bool("membersNamed");
        boolean everyMemberRan = params.bool("everyMemberRan");
        if (input.report().isBlank()) {
            return CheckOutcome.failed("The submission has no report.");
        }
        String text = input.report().toLowerCase(Locale.ROOT);
        List<String> headings = text.lines().map(String::strip).filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+", "").strip()).toList();
        List<String> missing = new ArrayList<>();
        List<String> found = new ArrayList<>();
        int required = 0;
        for (String section : sections) {
            required++;
            if (headings.stream().noneMatch(heading -> heading.contains(section.toLowerCase(Locale.ROOT)))) {
                missing.add("a section \"" + section + "\"");
            }
        }
        if (!sections.isEmpty()) {
            found.add("its sections");
        }
        for (Member member : input.teamMembers()) {
            if (membersNamed) {
                required++;
                if (!text.contains(member.name().toLowerCase(Locale.ROOT))) {
                    missing.add("the name of team member " + member.name());
                }
            }
            if (everyMemberRan) {
                required++;
                // By account, not by name: two members may share a name, and a name may change after a run.
                if (input.claims().stream().noneMatch(match -> match.produced()
                        && match.claim().member().accountId() == member.accountId())) {
                    missing.add("a handed-in run by " + member.name() + " (the submitted code must produce it)");
                }
            }
        }
        if (membersNamed) {
            found.add("the names of all " + input.teamMembers().size() + " members");
        }
        if (everyMemberRan) {
            found.add("a handed-in run by every member");
        }
        if (missing.isEmpty()) {
            return CheckOutcome.passed("The submission has " + String.join(", ", found) + ".");
        }
        return CheckOutcome.scored(required - missing.size(), required, "The submission lacks "
                + String.join(", ", missing) + ".");
    }
}
