package org.backprop.server.storage;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Immutable objects under keys such as {@code ab/abcdef…}: the bytes of a key never change once stored, which is what
 * lets every server replica keep local copies without ever asking whether they are stale. Implementations keep them
 * in a local folder ({@link LocalObjectStore}) or in S3-compatible object storage ({@link S3ObjectStore}), chosen by
 * {@code backprop.storage.kind}. Thread-safe.
 */
public interface ObjectStore {
    /**
     * Stores {@code file} under {@code key}, taking the file over (it is moved or deleted): readers see the whole
     * object or none. Returns once the object is durable.
     */
    void put(String key, Path file) throws IOException;

    /** Returns whether an object is stored under {@code key}. */
    boolean exists(String key) throws IOException;

    /**
     * Returns a local file that holds the object's bytes. A remote store downloads it the first time, with the
     * permissions its area asks for (see {@link ObjectStores#open}); a missing object is a
     * {@link java.nio.file.NoSuchFileException} there, and a path that does not exist in the local store.
     */
    Path local(String key) throws IOException;

    /** Deletes the object under {@code key}, if any. */
    void delete(String key) throws IOException;

    /** Writes and deletes a small object, so that readiness can say whether the store takes writes. */
    void probe() throws IOException;

    /** Says where the objects are, for messages: a folder, or a bucket and prefix. */
    String describe();
}
