package org.backprop.server.grading;

/**
 * Who holds leases: a worker token (remote workers, limited to one course when {@code courseId} is set) or
 * the server's in-process worker ({@code tokenId} null). {@code owner} says which worker, for staff.
 */
public record LeaseHolder(Long tokenId, String owner, Long courseId) {

    /**
     * Returns the holder for the server's own worker on the machine {@code host}: one name per machine, so that a
     * server restarted there knows which leases died with the process before it (two replicas run on two hosts).
     */
    public static LeaseHolder inProcess(String host) {
        return new LeaseHolder(null, "in-process worker on " + host, null);
    }
}
