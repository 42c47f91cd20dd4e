package org.backprop.server.grading;

/** The worker token a request came with: its id, name, and the course it is limited to (null: all). */
public record WorkerPrincipal(long tokenId, String name, Long courseId) {

    /** Returns this token as a lease holder; {@code label} (may be null) tells its worker processes apart. */
    LeaseHolder holder(String label) {
        return new LeaseHolder(tokenId, label == null || label.isBlank() ? name : name + " / " + label.strip(),
                courseId);
    }
}
