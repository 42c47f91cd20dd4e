package org.backprop.server.dataset;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks an uploaded zip, tar or tar.gz archive into a folder, entry by entry through a small buffer. It
 * refuses, before the disk fills, an archive with more entries or more extracted bytes than {@link ImportLimits}
 * allow (bombs declare small sizes and inflate to large ones, so the bytes actually written are counted), entry
 * names that would land outside the folder ({@code ../}, absolute paths) and links. macOS's {@code __MACOSX/}
 * and {@code ._*} companions are skipped.
 */
final class ArchiveExtractor {
    /** Space left free on the disk whatever the limits say, for the database and everything else. */
    static final long DISK_MARGIN = 512L * 1024 * 1024;
    private static final int BUFFER = 64 * 1024;

    private final ImportLimits limits;
    private final String archiveName;
    private final Path into;
    private long budget;
    private long written;
    private int entries;

    private ArchiveExtractor(ImportLimits limits, String archiveName, Path into) throws IOException {
        this.limits = limits;
        this.archiveName = archiveName;
        this.into = into;
        this.budget = Math.min(limits.maxExtractedBytes(), Files.getFileStore(into).getUsableSpace() - DISK_MARGIN);
    }

    /** Unpacks {@code archive} (uploaded as {@code archiveName}) into the existing empty folder {@code into}. */
    static void extract(Path archive, String archiveName, Path into, ImportLimits limits) throws IOException {
        new ArchiveExtractor(limits, archiveName, into).extract(archive);
    }

    private void extract(Path archive) throws IOException {
        byte[] head = new byte[512];
        int headLength;
        try (InputStream in = Files.newInputStream(archive)) {
            headLength = in.readNBytes(head, 0, head.length);
        }
        if (headLength >= 4 && head[0] == 'P' && head[1] == 'K') {
            extractZip(archive);
        } else if (headLength >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive)), BUFFER)) {
                extractTar(in);
            }
        } else if (headLength == 512 && new String(head, 257, 5, StandardCharsets.US_ASCII)
                .equals("ustar")) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(archive), BUFFER)) {
                extractTar(in);
            }
        } else {
            throw new DatasetImportException(archiveName + " is not a zip, tar or tar.gz archive.");
        }
    }

    private void extractZip(Path archive) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                Path target = target(entry.getName());
                if (target != null) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        copy(in, target, entry.getName());
                    }
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new DatasetImportException(archiveName + " is not a readable zip archive: " + e.getMessage(), e);
        }
    }

    private void extractTar(InputStream in) throws IOException {
        try {
            TarArchiveInputStream tar = new TarArchiveInputStream(in);
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.isSymbolicLink() || entry.isLink()) {
                    throw new DatasetImportException(archiveName + ": the entry " + entry.getName() + " is a link;"
                            + " the archive must hold plain files only.");
                }
                if (!entry.isFile()) {
                    continue;
                }
                Path target = target(entry.getName());
                if (target != null) {
                    copy(tar, target, entry.getName());
                }
            }
        } catch (java.io.EOFException e) {
            throw new DatasetImportException(archiveName + " ends in the middle of an entry: the upload or the"
                    + " archive is truncated.", e);
        }
    }

    /** Returns where the entry goes, or null for one to skip; refuses names that leave the folder. */
    private Path target(String name) {
        if (++entries > limits.maxEntries()) {
            throw new DatasetImportException(archiveName + " has more than " + limits.maxEntries() + " entries, the"
                    + " most an import takes (refused as a possible archive bomb).");
        }
        String relative = name.startsWith("./") ? name.substring(2) : name;
        if (relative.isEmpty() || relative.startsWith("/") || relative.contains("\\") || relative.contains(":")
                || ("/" + relative + "/").contains("/../")) {
            throw new DatasetImportException(archiveName + ": the entry name \"" + name + "\" points outside the"
                    + " archive's folder (absolute, \"..\" or a drive); refused.");
        }
        String base = relative.substring(relative.lastIndexOf('/') + 1);
        if (relative.startsWith("__MACOSX/") || base.startsWith("._") || base.equals(".DS_Store")) {
            return null;
        }
        Path target = into.resolve(relative).normalize();
        if (!target.startsWith(into)) {
            throw new DatasetImportException(archiveName + ": the entry name \"" + name + "\" points outside the"
                    + " archive's folder; refused.");
        }
        return target;
    }

    private void copy(InputStream in, Path target, String name) throws IOException {
        Files.createDirectories(target.getParent());
        byte[] buffer = new byte[BUFFER];
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                written += read;
                if (written > budget) {
                    throw new DatasetImportException(archiveName + " unpacks to more than " + mib(budget) + " MiB"
                            + " (reached at the entry " + name + "); the most an import takes is "
                            + mib(limits.maxExtractedBytes()) + " MiB and the disk must keep "
                            + mib(DISK_MARGIN) + " MiB free (refused as a possible archive bomb).");
                }
                out.write(buffer, 0, read);
            }
        }
    }

    private static long mib(long bytes) {
        return Math.max(0, bytes) / (1024 * 1024);
    }
}
