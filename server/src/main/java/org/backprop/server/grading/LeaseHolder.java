package org.backprop.server.grading;

/**
 * Who holds leases: a worker token (remote workers, limited to one course when {@code courseId} is set) or
 * the server's in-process worker ({@code tokenId} null). {@code owner} says which worker, for staff.
 */
public record LeaseHolder(Long tokenId, String owner, Long courseId) {

    /** Returns the holder for the server's own worker. */
    public static LeaseHolder inProcess() {
        return new LeaseHolder(null, "in-process worker", null);
    }
}
