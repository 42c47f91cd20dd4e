package org.backprop.server.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.backprop.server.api.ApiError;

/**
 * Reads assignment folders from the server's {@code assignments/} directory. Only regular files inside
 * the folder are read (no links out of it), each as UTF-8 text, within the same limits as an upload.
 */
@ApplicationScoped
public class AssignmentFolder {
    public static final String SPEC_FILE = "assignment.yaml";
    static final int MAX_FILES = 200;
    static final int MAX_FILE_BYTES = 512 * 1024;

    @Inject
    AssignmentConfig config;

    /** Returns the ids of the folders that hold an assignment.yaml, sorted. */
    public List<String> ids() {
        Path root = config.directory();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(root)) {
            return folders.filter(folder -> Files.isRegularFile(folder.resolve(SPEC_FILE)))
                    .map(folder -> folder.getFileName().toString())
                    .filter(name -> SpecParser.SLUG.matcher(name).matches())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + root, e);
        }
    }

    /** Returns the files of folder {@code id} by path relative to it, with '/' between folders. */
    public Map<String, String> read(String id) {
        if (!SpecParser.SLUG.matcher(id).matches()) {
            throw ApiError.badRequest("\"" + id + "\" is not an assignment id: use lower-case letters, digits and"
                    + " dashes, such as hw-convnets.");
        }
        Path folder = config.directory().resolve(id);
        if (!Files.isRegularFile(folder.resolve(SPEC_FILE))) {
            throw ApiError.notFound("The server's assignments folder has no assignment \"" + id + "\" (no " + id
                    + "/" + SPEC_FILE + ").");
        }
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)).toList()) {
                String relative = folder.relativize(path).toString().replace('\\', '/');
                if (files.size() >= MAX_FILES) {
                    throw ApiError.badRequest("The folder " + id + " has more than " + MAX_FILES + " files.");
                }
                if (Files.size(path) > MAX_FILE_BYTES) {
                    throw ApiError.badRequest("The file " + id + "/" + relative + " is larger than "
                            + MAX_FILE_BYTES / 1024 + " KiB.");
                }
                files.put(relative, utf8(Files.readAllBytes(path), id + "/" + relative));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + folder, e);
        }
        return files;
    }

    static String utf8(byte[] bytes, String name) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ApiError.badRequest("The file " + name + " is not valid UTF-8 text. Save it as UTF-8.");
        }
    }
}
