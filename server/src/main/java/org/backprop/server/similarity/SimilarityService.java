package org.backprop.server.similarity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.backprop.server.api.ApiError;
import org.backprop.server.assignment.Assignment;
import org.backprop.server.assignment.AssignmentService;
import org.backprop.server.auth.CurrentAccount;
import org.backprop.server.course.CourseAccess;
import org.backprop.server.submission.BlobStore;
import org.backprop.server.submission.FileKind;
import org.backprop.server.submission.Submission;
import org.backprop.server.submission.SubmissionFile;
import org.backprop.server.team.Team;

/**
 * Compares the newest submission of every team of an assignment with JPlag, the starter files as base code, and keeps
 * the report. It runs while the request waits: JPlag needs seconds for a course's small projects, and a TA who asks
 * wants the answer now. Reading the submissions and keeping the report are short transactions; the comparison runs
 * between them, holding no database connection.
 */
@ApplicationScoped
public class SimilarityService {
    private static final String SOURCES = "src/";
    private static final String KEY_PREFIX = "team-";
    private static final TypeReference<List<SimilarityView.PairView>> PAIRS = new TypeReference<>() {
    };

    @Inject
    CourseAccess courses;

    @Inject
    CurrentAccount me;

    @Inject
    AssignmentService assignments;

    @Inject
    BlobStore blobs;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    private final SimilarityEngine engine = new SimilarityEngine();

    /** What is compared: each team's newest submission with its Java files, and the starter files. */
    private record Inputs(Map<Long, SimilarityView.TeamRef> teams, List<SimilarityEngine.Project> projects,
            Map<String, String> starter) {
    }

    /** Compares the teams' newest submissions now, keeps the report and returns it. */
    public SimilarityView run(long assignmentId) {
        Inputs inputs = QuarkusTransaction.requiringNew().call(() -> inputs(assignmentId));
        SimilarityEngine.Result result = engine.compare(inputs.projects(), inputs.starter());
        List<SimilarityView.PairView> pairs = result.pairs().stream().map(pair -> new SimilarityView.PairView(
                inputs.teams().get(teamId(pair.keyA())), inputs.teams().get(teamId(pair.keyB())), pair.similarity(),
                pair.matches().stream().map(region -> new SimilarityView.MatchView(SOURCES + region.fileA(),
                        region.startLineA(), region.endLineA(), SOURCES + region.fileB(), region.startLineB(),
                        region.endLineB(), region.tokens())).toList())).toList();
        SimilarityReport report = new SimilarityReport();
        report.assignmentId = assignmentId;
        // The database keeps microseconds: the report returned now and read later say the same time.
        report.computedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        report.computedBy = me.id();
        report.minimumTokenMatch = result.minimumTokenMatch();
        report.submissions = inputs.projects().size();
        report.pairsJson = write(pairs);
        QuarkusTransaction.requiringNew().run(report::persist);
        return new SimilarityView(assignmentId, report.computedAt, report.computedBy, report.minimumTokenMatch,
                report.submissions, pairs);
    }

    /** Returns the newest report of an assignment. */
    public SimilarityView latest(long assignmentId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Assignment assignment = staffAssignment(assignmentId);
            SimilarityReport report = SimilarityReport.latest(assignmentId).orElseThrow(() -> ApiError.notFound(
                    "The code of \"" + assignment.title + "\" has not been compared yet; run the comparison first."));
            return new SimilarityView(assignmentId, report.computedAt, report.computedBy, report.minimumTokenMatch,
                    report.submissions, read(report.pairsJson));
        });
    }

    private Inputs inputs(long assignmentId) {
        staffAssignment(assignmentId);
        List<Submission> newest = Submission.list("from Submission s where s.assignmentId = ?1 and s.version ="
                + " (select max(t.version) from Submission t where t.assignmentId = s.assignmentId and t.teamId ="
                + " s.teamId) order by s.teamId", assignmentId);
        Map<Long, SimilarityView.TeamRef> teams = new HashMap<>();
        List<SimilarityEngine.Project> projects = newest.stream().map(submission -> {
            teams.put(submission.teamId, new SimilarityView.TeamRef(submission.teamId,
                    Team.<Team>findById(submission.teamId).name, submission.id));
            return new SimilarityEngine.Project(KEY_PREFIX + submission.teamId, sources(submission));
        }).toList();
        return new Inputs(teams, projects, assignments.starter(assignmentId));
    }

    private Map<String, String> sources(Submission submission) {
        Map<String, String> files = new TreeMap<>();
        SubmissionFile.<SubmissionFile>list("key.submissionId = ?1 and kind = ?2", submission.id, FileKind.SOURCE)
                .forEach(file -> files.put(file.key.path.substring(SOURCES.length()), text(file.sha256)));
        return files;
    }

    private String text(String sha256) {
        try {
            return Files.readString(blobs.path(sha256), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Assignment staffAssignment(long assignmentId) {
        Assignment assignment = Assignment.<Assignment>findByIdOptional(assignmentId).orElseThrow(() ->
                ApiError.notFound("There is no assignment with id " + assignmentId + "."));
        courses.requireStaff(assignment.courseId, "compare the teams' code");
        return assignment;
    }

    private static long teamId(String key) {
        return Long.parseLong(key.substring(KEY_PREFIX.length()));
    }

    private String write(List<SimilarityView.PairView> pairs) {
        try {
            return json.writeValueAsString(pairs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Similarity pairs are plain records", e);
        }
    }

    private List<SimilarityView.PairView> read(String text) {
        try {
            return json.readValue(text, PAIRS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored similarity report is unreadable", e);
        }
    }
}
