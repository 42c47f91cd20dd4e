package org.backprop.server.submission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Accepts submissions: checks who submits, the parts and the runs named from the team's experiment log, writes
 * the files to the blob store (durably), then commits the rows. Deliberately not one transaction: no database
 * connection is held while files are written, and a row is committed only once every file it names is on disk.
 */
@ApplicationScoped
public class SubmissionService {
    @Inject
    SubmissionAcceptance acceptance;

    @Inject
    BlobStore blobs;

    @Inject
    SubmissionConfig config;

    public SubmissionView submit(long assignmentId, SubmissionForm form) {
        SubmissionAcceptance.Submitter submitter = acceptance.prepare(assignmentId);
        List<SubmissionParts.Part> parts = SubmissionParts.check(form, submitter.mainClass(), config);
        List<NamedRun> runs = acceptance.runs(submitter, RunIds.of(form.runs, config.maxRuns()));
        List<StoredPart> stored = parts.stream()
                .map(part -> new StoredPart(part.path(), part.kind(), part.size(), blobs.put(part.file())))
                .toList();
        return acceptance.accept(submitter, stored, runs);
    }
}
