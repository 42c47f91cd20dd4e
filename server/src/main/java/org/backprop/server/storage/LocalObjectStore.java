package org.backprop.server.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Objects as files in a folder, key {@code ab/abcdef…} at {@code folder/ab/abcdef…}. A file is forced to disk, then
 * renamed into place and its folder forced too, so a name that exists always holds the complete object even after a
 * power cut. Files handed to {@link #put} must lie on the folder's file system (its {@code tmp/}, say).
 */
public final class LocalObjectStore implements ObjectStore {
    private final Path folder;

    public LocalObjectStore(Path folder) {
        this.folder = folder;
    }

    @Override
    public void put(String key, Path file) throws IOException {
        Path target = folder.resolve(key);
        force(file);
        Files.createDirectories(target.getParent());
        // Same key, same bytes: a concurrent writer of the same object replacing this file is harmless.
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceFolder(target.getParent());
    }

    @Override
    public boolean exists(String key) {
        return Files.exists(folder.resolve(key));
    }

    @Override
    public Path local(String key) {
        return folder.resolve(key);
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(folder.resolve(key));
    }

    @Override
    public void probe() throws IOException {
        Files.createDirectories(folder);
        Files.delete(Files.createTempFile(folder, "readiness-", ".probe"));
    }

    @Override
    public String describe() {
        return "the folder " + folder.toAbsolutePath();
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Makes a rename durable: without it a power cut can forget the new name even though the data is on disk. */
    private static void forceFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
