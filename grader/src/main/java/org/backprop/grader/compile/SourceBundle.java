package org.backprop.grader.compile;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A student program as it arrives: the fully qualified main class and the Java files by relative path.
 * Construction checks everything a hostile or broken request could get wrong, with messages a student
 * understands; a bundle that exists is safe to write to disk and hand to javac.
 */
public record SourceBundle(String mainClass, Map<String, String> files) {
    /** The most source text one program may have, all files together, in UTF-8 bytes. */
    public static final int MAX_TOTAL_BYTES = 512 * 1024;
    /** The most files one program may have. */
    public static final int MAX_FILES = 100;

    private static final Pattern QUALIFIED_NAME =
            Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");
    private static final Pattern FILE_PATH =
            Pattern.compile("([A-Za-z_$][A-Za-z0-9_$]*/)*[A-Za-z_$][A-Za-z0-9_$]*\\.java");

    public SourceBundle {
        if (mainClass == null || mainClass.isBlank()) {
            throw new InvalidSourcesException("Say which class holds main: \"mainClass\" is missing.");
        }
        if (!QUALIFIED_NAME.matcher(mainClass).matches()) {
            throw new InvalidSourcesException("\"mainClass\" must be a Java class name such as Main or"
                    + " hw1.Main, got \"" + mainClass + "\".");
        }
        if (files == null || files.isEmpty()) {
            throw new InvalidSourcesException("There is nothing to compile: \"files\" is missing or empty.");
        }
        if (files.size() > MAX_FILES) {
            throw new InvalidSourcesException.TooLarge("A program may have at most " + MAX_FILES
                    + " files, this one has " + files.size() + ".");
        }
        long totalBytes = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            String path = file.getKey();
            if (path == null || !FILE_PATH.matcher(path).matches()) {
                throw new InvalidSourcesException("\"" + path + "\" is not a valid source file name: use"
                        + " names like Main.java or model/Net.java (letters, digits, _ and /, ending in .java).");
            }
            if (file.getValue() == null) {
                throw new InvalidSourcesException("The file " + path + " has no content.");
            }
            totalBytes += file.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (totalBytes > MAX_TOTAL_BYTES) {
            throw new InvalidSourcesException.TooLarge("The sources are " + (totalBytes / 1024) + " KiB; a program"
                    + " may have at most " + (MAX_TOTAL_BYTES / 1024) + " KiB of source.");
        }
        files = Map.copyOf(new TreeMap<>(files));
    }

    /**
     * Returns the SHA-256 of the sources, in lowercase hex: what names this exact snapshot of a program, so that a
     * run record can say which sources produced it and the compile cache can find a program it compiled. The digest
     * covers, in order, the main class and then each file sorted by path (by {@link String#compareTo}), its path and
     * then its content; each of these strings enters as the 4-byte big-endian length of its UTF-8 bytes followed by
     * those bytes, so that no two different bundles feed the same bytes ({@code ("ab", "c")} and {@code ("a", "bc")}
     * stay apart, and so do a file's path and content).
     */
    public String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, mainClass);
            for (Map.Entry<String, String> file : sortedFiles().entrySet()) {
                update(digest, file.getKey());
                update(digest, file.getValue());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    /** Returns the files in a stable order (by path), for hashing and for javac. */
    public Map<String, String> sortedFiles() {
        return new TreeMap<>(files);
    }
}
