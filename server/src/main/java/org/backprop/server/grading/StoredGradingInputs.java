package org.backprop.server.grading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.grader.check.CheckCatalogue;
import org.backprop.grader.check.CheckSpec;
import org.backprop.grader.compile.SourceBundle;
import org.backprop.grader.evidence.Member;
import org.backprop.grader.pipeline.ClaimedRun;
import org.backprop.grader.pipeline.GradingTask;
import org.backprop.grader.pipeline.RubricItem;
import org.backprop.grader.result.Visibility;
import org.backprop.grader.worker.wire.HiddenSplitView;
import org.backprop.grader.worker.wire.JobDataset;
import org.backprop.nn.data.store.DatasetManifest;
import org.backprop.nn.data.store.PretrainedRef;
import org.backprop.nn.data.store.ShardRef;
import org.backprop.server.assignment.Assignment;
import org.backprop.server.assignment.CourseDatasets;
import org.backprop.server.assignment.HiddenTestFile;
import org.backprop.server.dataset.DatasetStore;
import org.backprop.server.pretrained.PretrainedModel;
import org.backprop.server.submission.BlobStore;
import org.backprop.server.submission.FileKind;
import org.backprop.server.submission.Submission;
import org.backprop.server.submission.SubmissionFile;

/**
 * Reads what a grading job needs from the submission store: the snapshot's sources (under {@code src/}), the runs
 * it names from the team's experiment log (claims, with who ran them), the report, the assignment's rubric with every
 * check parameter, hidden ones included (they go to workers only), and the course's datasets its entries name.
 */
@ApplicationScoped
public class StoredGradingInputs implements GradingInputs {
    private static final String SOURCES = "src/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    BlobStore blobs;

    @Inject
    DatasetStore store;

    @Override
    @Transactional
    public SourceBundle sources(long submissionId) {
        Submission submission = submission(submissionId);
        Map<String, String> files = new LinkedHashMap<>();
        for (SubmissionFile file : files(submissionId, FileKind.SOURCE)) {
            String path = file.key.path;
            files.put(path.startsWith(SOURCES) ? path.substring(SOURCES.length()) : path, text(file));
        }
        Assignment assignment = Assignment.findById(submission.assignmentId);
        return new SourceBundle(assignment.mainClass, files);
    }

    @Override
    @Transactional
    public List<ClaimedRun> claimedRuns(long submissionId) {
        submission(submissionId);
        return Submission.getEntityManager().createQuery("select r.recordJson, a.id, a.displayName, r.sourceSha256"
                + " from SubmissionRun s, ExperimentRun r, Account a where s.key.submissionId = :submission"
                + " and r.id = s.runId and a.id = r.accountId order by s.key.position", Object[].class)
                .setParameter("submission", submissionId).getResultList().stream()
                .map(row -> new ClaimedRun((String) row[0], new Member((Long) row[1], (String) row[2]), (String) row[3]))
                .toList();
    }

    @Override
    @Transactional
    public String report(long submissionId) {
        submission(submissionId);
        List<SubmissionFile> reports = files(submissionId, FileKind.REPORT);
        return reports.isEmpty() ? "" : text(reports.get(0));
    }

    @Override
    @Transactional
    public List<RubricItem> rubric(long assignmentId) {
        List<org.backprop.server.assignment.RubricItem> stored = org.backprop.server.assignment.RubricItem
                .list("assignmentId = ?1 order by position", assignmentId);
        List<RubricItem> items = new ArrayList<>(stored.size());
        for (org.backprop.server.assignment.RubricItem item : stored) {
            items.add(new RubricItem(item.key, item.description, item.points.doubleValue(), item.checkName,
                    parameters(item.paramsJson), visibility(item.checkName)));
        }
        return items;
    }

    @Override
    @Transactional
    public List<JobDataset> datasets(long assignmentId) {
        return imports(assignment(assignmentId)).stream()
                .map(imported -> JobDataset.of(imported.manifest(), imported.hiddenSplit())).toList();
    }

    @Override
    @Transactional
    public List<PretrainedRef> pretrained(long assignmentId) {
        Assignment assignment = assignment(assignmentId);
        Map<String, PretrainedRef> models = new LinkedHashMap<>();
        for (JsonNode entry : spec(assignment).path("pretrained")) {
            String name = entry.path("name").asText();
            String version = entry.hasNonNull("version") ? entry.get("version").asText() : null;
            if (!models.containsKey(name)) {
                PretrainedModel.find(assignment.courseId, name, version).ifPresent(model -> models.put(name,
                        new PretrainedRef(model.name, model.version, model.sha256, model.bytes)));
            }
        }
        return List.copyOf(models.values());
    }

    @Override
    @Transactional
    public List<HiddenSplitView> hiddenSplits(long assignmentId) {
        List<HiddenSplitView> splits = new ArrayList<>();
        for (ImportedDataset imported : imports(assignment(assignmentId))) {
            DatasetManifest manifest = imported.manifest();
            manifest.splits().stream().filter(split -> split.name().equals(imported.hiddenSplit())).findFirst()
                    .ifPresent(split -> splits.add(new HiddenSplitView(imported.name(), split.name(),
                            manifest.height(), manifest.width(), manifest.channels(), manifest.classNames().size(),
                            split.shards().stream().map(ShardRef::sha256).toList())));
        }
        return List.copyOf(splits);
    }

    /** One entry of the assignment's {@code datasets:} with the course's import it resolves to (full manifest). */
    private record ImportedDataset(String name, String hiddenSplit, DatasetManifest manifest) {
    }

    /**
     * Returns the entries of the assignment's {@code datasets:} that resolve to one of the course's imports. A program
     * loads a dataset by name, so a run holds one version of each: the first entry's, whose hidden split is the one
     * held-out items evaluate on.
     */
    private List<ImportedDataset> imports(Assignment assignment) {
        Map<String, ImportedDataset> imports = new LinkedHashMap<>();
        for (JsonNode entry : spec(assignment).path("datasets")) {
            String name = entry.path("name").asText();
            String version = entry.hasNonNull("version") ? entry.get("version").asText() : null;
            String hidden = entry.hasNonNull("hidden") ? entry.get("hidden").asText() : null;
            if (!imports.containsKey(name)) {
                CourseDatasets.find(assignment.courseId, name, version).ifPresent(dataset -> imports.put(name,
                        new ImportedDataset(name, hidden, store.readManifest(dataset.manifestSha256))));
            }
        }
        return List.copyOf(imports.values());
    }

    @Override
    @Transactional
    public Map<String, String> hiddenTests(long assignmentId) {
        return HiddenTestFile.sourcesOf(assignmentId);
    }

    @Override
    @Transactional
    public String contentHash(long submissionId) {
        return submission(submissionId).contentHash;
    }

    @Override
    @Transactional
    public int rerunVariants(long assignmentId) {
        JsonNode variants = spec(assignment(assignmentId)).path("rerun").path("variants");
        return variants.isIntegralNumber() ? variants.intValue() : GradingTask.DEFAULT_RERUN_VARIANTS;
    }

    private static Assignment assignment(long assignmentId) {
        return Assignment.<Assignment>findByIdOptional(assignmentId)
                .orElseThrow(() -> new IllegalStateException("There is no assignment " + assignmentId + " to grade."));
    }

    private static JsonNode spec(Assignment assignment) {
        try {
            return JSON.readTree(assignment.specJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Assignment " + assignment.id + " has a stored spec that is not JSON", e);
        }
    }

    /** The catalogue's default: results on held-out data and hidden tests show only after the deadline. */
    private static Visibility visibility(String check) {
        return CheckCatalogue.spec(check).map(CheckSpec::defaultVisibility).orElse(Visibility.VISIBLE);
    }

    private static Map<String, Object> parameters(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A rubric item's stored parameters are not JSON: " + json, e);
        }
    }

    private static Submission submission(long submissionId) {
        return Submission.<Submission>findByIdOptional(submissionId)
                .orElseThrow(() -> new IllegalStateException("There is no submission " + submissionId + " to grade."));
    }

    private static List<SubmissionFile> files(long submissionId, FileKind kind) {
        return SubmissionFile.list("key.submissionId = ?1 and kind = ?2 order by key.path", submissionId, kind);
    }

    private String text(SubmissionFile file) {
        try {
            return Files.readString(blobs.path(file.sha256), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The blob of " + file.key.path + " is missing from the store", e);
        }
    }
}
