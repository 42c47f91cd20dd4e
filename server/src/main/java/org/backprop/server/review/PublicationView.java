package org.backprop.server.review;

import java.time.Instant;

/** When and by whom an assignment's results were published. */
public record PublicationView(long assignmentId, long publishedBy, Instant publishedAt) {

    static PublicationView of(Publication publication) {
        return new PublicationView(publication.assignmentId, publication.publishedBy, publication.publishedAt);
    }
}
