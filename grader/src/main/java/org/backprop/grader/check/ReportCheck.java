package org.backprop.grader.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code report}: the team report names every member of the team and has the required sections (Markdown
 * headings that contain the section's name, ignoring case). Parameters {@code sections} (default none) and
 * {@code members-named} (default true). Points in proportion to what is there.
 */
final class ReportCheck implements Check {

    @Override
    public CheckOutcome evaluate(CheckInput input, CheckParams params) {
        params.allowOnly("sections", "members-named");
        List<String> sections = params.strings("sections", List.of());
        boolean membersNamed = params.bool("members-named", true);
        if (input.report().isBlank()) {
            return CheckOutcome.failed("The submission has no report.");
        }
        String text = input.report().toLowerCase(Locale.ROOT);
        List<String> headings = text.lines().map(String::strip).filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+", "").strip()).toList();
        List<String> missing = new ArrayList<>();
        int required = 0;
        for (String section : sections) {
            required++;
            String wanted = section.toLowerCase(Locale.ROOT);
            if (headings.stream().noneMatch(heading -> heading.contains(wanted))) {
                missing.add("a section \"" + section + "\"");
            }
        }
        if (membersNamed) {
            for (String member : input.teamMembers()) {
                required++;
                if (!text.contains(member.toLowerCase(Locale.ROOT))) {
                    missing.add("the name of team member " + member);
                }
            }
        }
        if (missing.isEmpty()) {
            return CheckOutcome.passed("The report has " + (sections.isEmpty() ? "" : "its sections "
                    + sections + (membersNamed ? " and " : "")) + (membersNamed ? "the names of all "
                    + input.teamMembers().size() + " team members" : "") + ".");
        }
        return CheckOutcome.scored(required - missing.size(), required, "The report lacks "
                + String.join(", ", missing) + ".");
    }
}
