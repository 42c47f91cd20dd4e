package org.backprop.server.experiment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backprop.nn.saving.SavedModels;
import org.backprop.server.api.ApiError;
import org.backprop.server.submission.BlobStore;
import org.backprop.server.submission.SubmissionConfig;

/**
 * Keeps the models programs save after their runs: checks who sends one and its name, streams the bytes into the
 * blob store (capped at a submission's weights limit), then commits the row. Deliberately not one transaction, as
 * submissions: no database connection is held while the bytes arrive, and the row is committed only once they are
 * on disk.
 */
@ApplicationScoped
public class RunModels {
    @Inject
    ExperimentLog log;

    @Inject
    BlobStore blobs;

    @Inject
    SubmissionConfig limits;

    /** A saved model's bytes and what to call them. */
    public record Download(String name, String sha256, Path blob) {
    }

    /** Keeps {@code body}, the model saved as {@code name}, as the model of the caller's run; returns the run. */
    public RunView save(long assignmentId, long runId, String name, InputStream body) {
        log.requireRunner(assignmentId, runId);
        try {
            SavedModels.checkName(name);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage() + ".");
        }
        long max = limits.maxWeightsSize().asLongValue();
        String sha256;
        try {
            PushbackInputStream in = new PushbackInputStream(body);
            int first = in.read();
            if (first < 0) {
                throw ApiError.badRequest("The request has no body: send the saved model's bytes as"
                        + " application/octet-stream.");
            }
            in.unread(first);
            sha256 = blobs.put(new Capped(in, max));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the model saved with run " + runId, e);
        }
        return log.keepModel(assignmentId, runId, new RunModelView(name, size(sha256), sha256));
    }

    /** The model saved with a run of the caller's team's log. */
    public Download mine(long assignmentId, long runId) {
        return download(log.model(assignmentId, runId));
    }

    /** The model saved with a run of a team's log, for staff. */
    public Download team(long teamId, long assignmentId, long runId) {
        return download(log.model(teamId, assignmentId, runId));
    }

    private Download download(RunModelView model) {
        return new Download(model.name(), model.sha256(), blobs.path(model.sha256()));
    }

    private long size(String sha256) {
        try {
            return Files.size(blobs.path(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException("A model just stored cannot be found in the blob store", e);
        }
    }

    private static long kib(long bytes) {
        return (bytes + 1023) / 1024;
    }

    /** Reads at most {@code max} bytes; one more fails with a 413 that names the limit. */
    private static final class Capped extends FilterInputStream {
        private final long max;
        private long read;

        Capped(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw ApiError.tooLarge("The saved model is over " + kib(max) + " KiB; a model kept with a run may be"
                        + " at most " + kib(max) + " KiB, as a submission's weights file.");
            }
        }
    }
}
