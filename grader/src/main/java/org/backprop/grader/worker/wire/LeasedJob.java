package org.backprop.grader.worker.wire;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.backprop.grader.evidence.Member;
import org.backprop.nn.data.store.PretrainedRef;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A leased job with everything grading it needs. Only workers ever see it: it holds hidden check parameters. */
public record LeasedJob(
        @Schema(description = "Names this lease in heartbeats, results and failure reports") UUID leaseId,
        long jobId,
        long submissionId,
        long assignmentId,
        long teamId,
        @Schema(description = "1 for the first lease of this job, 2 for the second, ...") int attempt,
        @Schema(description = "The lease ends then unless a heartbeat extends it") Instant leaseExpiresAt,
        @Schema(description = "Send a heartbeat at least this often, in seconds") long heartbeatSeconds,
        String mainClass,
        @Schema(description = "Java files by relative path") Map<String, String> files,
        @Schema(description = "The submission's content hash (hex), which seeds the sample of variants re-run")
        String contentHash,
        @Schema(description = "How many ablation variants to train again besides the baselines (the assignment's"
                + " re-run budget)") int rerunVariants,
        @Schema(description = "The runs the submission hands in, in the order named: claims to compare with the"
                + " grader's own re-runs") List<ClaimView> claims,
        @Schema(description = "The team report in Markdown") String report,
        @Schema(description = "The team's members") List<Member> teamMembers,
        List<WorkerRubricItem> rubric,
        RunLimitsView limits,
        @Schema(description = "The assignment's datasets that the course has imported, which the program may load;"
                + " an entry of the assignment that resolves to no import is left out") List<JobDataset> datasets,
        @Schema(description = "The assignment's pretrained models that the course has published, which the program"
                + " may load; their bytes come from the shard endpoint by SHA-256") List<PretrainedRef> pretrained,
        @Schema(description = "The hidden splits the held-out items evaluate the saved models on; never given to the"
                + " program") List<HiddenSplitView> hiddenSplits,
        @Schema(description = "The hidden test sources of the assignment's tests items, by path in its folder; never"
                + " shown to students") Map<String, String> hiddenTests) {
}
