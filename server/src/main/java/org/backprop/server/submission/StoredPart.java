package org.backprop.server.submission;

/** A file of a submission as written to the blob store: its path in the snapshot, kind, size and SHA-256. */
record StoredPart(String path, FileKind kind, long size, String sha256) {
}
