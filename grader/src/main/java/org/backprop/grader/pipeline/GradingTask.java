package org.backprop.grader.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.grader.evidence.Member;
import org.backprop.grader.heldout.HiddenSplits;
import org.backprop.grader.sandbox.RunDatasets;
import org.backprop.grader.sandbox.RunLimits;

/**
 * Everything grading one submission needs: the program (main class and Java files by path, unchecked), the
 * runs the submission hands in (claims, from the team's experiment log), the report in Markdown, the team
 * members, the assignment's rubric, the limits the program runs under, the assignment's datasets, which
 * the program may load (students' view: never a hidden split's shards; {@link RunDatasets#NONE} or null when it has
 * none), the submission's content hash (hex; it seeds which variants are re-run) and the re-run budget: how many
 * ablation variants the server trains again besides the baselines, the hidden splits held-out items evaluate
 * the saved models on (never mounted in the program's sandbox), and the assignment's hidden test sources (path in
 * the assignment folder → Java source; staff data that never reaches the student). Immutable.
 */
public record GradingTask(String mainClass, Map<String, String> files, List<ClaimedRun> claims, String report,
        List<Member> teamMembers, List<RubricItem> rubric, RunLimits limits, RunDatasets datasets,
        String submissionHash, int rerunVariants, HiddenSplits hiddenSplits, Map<String, String> hiddenTests) {

    /** Returns a task without hidden tests. */
    public GradingTask(String mainClass, Map<String, String> files, List<ClaimedRun> claims, String report,
            List<Member> teamMembers, List<RubricItem> rubric, RunLimits limits, RunDatasets datasets,
            String submissionHash, int rerunVariants, HiddenSplits hiddenSplits) {
        this(mainClass, files, claims, report, teamMembers, rubric, limits, datasets, submissionHash, rerunVariants,
                hiddenSplits, Map.of());
    }

    /** The variants re-run besides the baselines unless the assignment says otherwise. */
    public static final int DEFAULT_RERUN_VARIANTS = 2;

    public GradingTask {
        // Not Map.copyOf: a file without content must reach SourceBundle, which says so to the student.
        files = files == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(files));
        claims = claims == null ? List.of() : List.copyOf(claims);
        report = report == null ? "" : report;
        teamMembers = teamMembers == null ? List.of() : List.copyOf(teamMembers);
        rubric = List.copyOf(rubric);
        if (limits == null) {
            throw new IllegalArgumentException("limits must not be null");
        }
        datasets = datasets == null ? RunDatasets.NONE : datasets;
        submissionHash = submissionHash == null ? "" : submissionHash;
        hiddenSplits = hiddenSplits == null ? HiddenSplits.NONE : hiddenSplits;
        hiddenTests = hiddenTests == null ? Map.of() : Map.copyOf(hiddenTests);
        if (rerunVariants < 0) {
            throw new IllegalArgumentException("rerunVariants must be 0 or more, got " + rerunVariants);
        }
    }
}
