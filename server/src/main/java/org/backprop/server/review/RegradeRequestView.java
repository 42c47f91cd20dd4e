package org.backprop.server.review;

import java.time.Instant;

/** A regrade request and, once answered, the answer. */
public record RegradeRequestView(long id, long submissionId, String itemKey, long requestedBy, String reason,
        Instant requestedAt, RegradeRequest.State state, Long answeredBy, Instant answeredAt, String answer,
        Long scoreId, Long rerunJobId) {

    static RegradeRequestView of(RegradeRequest request) {
        return new RegradeRequestView(request.id, request.submissionId, request.itemKey, request.requestedBy,
                request.reason, request.requestedAt, request.state, request.answeredBy, request.answeredAt,
                request.answer, request.scoreId, request.rerunJobId);
    }
}
