package org.backprop.worker;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.backprop.grader.worker.JobSource;
import org.backprop.grader.worker.wire.FailureRequest;
import org.backprop.grader.worker.wire.LeasedJob;
import org.backprop.grader.worker.wire.ResultRequest;

/** The grading queue of a Backprop server, through its worker API ({@code /api/worker/leases}). Thread-safe. */
final class HttpJobSource implements JobSource {
    private static final String LEASES = "/api/worker/leases";

    private final WorkerApi api;
    private final String label;

    /** Returns the queue as seen by the worker {@code label} (shown to staff beside the token's name). */
    HttpJobSource(WorkerApi api, String label) {
        this.api = api;
        this.label = label;
    }

    @Override
    public Optional<LeasedJob> lease() {
        WorkerApi.Answer answer = api.post(LEASES + "?worker=" + URLEncoder.encode(label, StandardCharsets.UTF_8),
                null);
        return answer.status() == 204 ? Optional.empty() : Optional.of(api.read(answer, LeasedJob.class));
    }

    @Override
    public void heartbeat(UUID leaseId) {
        api.post(LEASES + "/" + leaseId + "/heartbeat", null);
    }

    @Override
    public void complete(UUID leaseId, ResultRequest result) {
        api.post(LEASES + "/" + leaseId + "/result", result);
    }

    @Override
    public void fail(UUID leaseId, FailureRequest failure) {
        api.post(LEASES + "/" + leaseId + "/failure", failure);
    }
}
