package org.backprop.server.submission;

/**
 * A run of the team's experiment log that a submission names, as its content hash covers it: the stored record's
 * size and SHA-256, under the path {@code runs/<id>.json}.
 */
record NamedRun(long id, long size, String sha256) {
    static final String FOLDER = "runs/";

    /** The run's line in the submission's manifest; no file of the snapshot lives under {@code runs/}. */
    String path() {
        return FOLDER + id + ".json";
    }
}
