package org.backprop.server.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.grader.compile.InvalidSourcesException;
import org.backprop.grader.compile.SourceBundle;
import org.backprop.server.api.ApiError;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Checks the parts of a submission before anything is stored: sources as the compile service takes them
 * (paths, count, size, UTF-8), a UTF-8 report, optional weights, and each part within its size limit (413
 * naming the part and the limit). Sizes are checked before any part is read.
 */
final class SubmissionParts {
    static final String SOURCES_FOLDER = "src/";
    static final String REPORT = "report.md";
    static final String WEIGHTS = "weights.bin";

    /** A checked part: its path in the snapshot, what it is, and the uploaded file that holds it. */
    record Part(String path, FileKind kind, Path file, long size) {
    }

    private SubmissionParts() {
    }

    static List<Part> check(SubmissionForm form, String mainClass, SubmissionConfig limits) {
        List<Part> parts = new ArrayList<>(sources(form.sources, mainClass));
        if (form.report == null) {
            throw ApiError.badRequest("The part \"report\" is missing: every submission carries the submitting"
                    + " member's report (Markdown).");
        }
        limit(form.report, "report", limits.maxReportSize().asLongValue());
        if (utf8(form.report, "report").isBlank()) {
            throw ApiError.badRequest("The part \"report\" is empty. Write your report before submitting.");
        }
        parts.add(new Part(REPORT, FileKind.REPORT, form.report.uploadedFile(), form.report.size()));
        if (form.weights != null) {
            limit(form.weights, "weights", limits.maxWeightsSize().asLongValue());
            if (form.weights.size() == 0) {
                throw ApiError.badRequest("The part \"weights\" is empty. Leave it out, or send the saved weights.");
            }
            parts.add(new Part(WEIGHTS, FileKind.WEIGHTS, form.weights.uploadedFile(), form.weights.size()));
        }
        return parts;
    }

    private static List<Part> sources(List<FileUpload> uploads, String mainClass) {
        if (uploads == null || uploads.isEmpty()) {
            throw ApiError.badRequest("The submission has no \"source\" parts: send each Java file as a part named"
                    + " source whose filename is its path, e.g. Main.java.");
        }
        if (uploads.size() > SourceBundle.MAX_FILES) {
            throw ApiError.tooLarge("The part \"source\" has " + uploads.size() + " files; a submission may have at"
                    + " most " + SourceBundle.MAX_FILES + ".");
        }
        long total = uploads.stream().mapToLong(FileUpload::size).sum();
        if (total > SourceBundle.MAX_TOTAL_BYTES) {
            throw ApiError.tooLarge("The \"source\" parts are " + kib(total) + " KiB together; a submission may have"
                    + " at most " + kib(SourceBundle.MAX_TOTAL_BYTES) + " KiB of source.");
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (FileUpload upload : uploads) {
            String path = upload.fileName();
            if (path == null || path.isBlank()) {
                throw ApiError.badRequest("A \"source\" part has no filename: give each the file's path, e.g."
                        + " model/Net.java.");
            }
            if (files.put(path, utf8(upload, "source " + path)) != null) {
                throw ApiError.badRequest("The source file " + path + " is in the submission twice.");
            }
        }
        try {
            new SourceBundle(mainClass, files);
        } catch (InvalidSourcesException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        return uploads.stream().map(upload -> new Part(SOURCES_FOLDER + upload.fileName(), FileKind.SOURCE,
                upload.uploadedFile(), upload.size())).toList();
    }

    private static void limit(FileUpload upload, String part, long maxBytes) {
        if (upload.size() > maxBytes) {
            throw ApiError.tooLarge("The part \"" + part + "\" is " + kib(upload.size()) + " KiB; it may be at most "
                    + kib(maxBytes) + " KiB.");
        }
    }

    private static String utf8(FileUpload upload, String part) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(upload.uploadedFile())))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ApiError.badRequest("The part \"" + part + "\" is not valid UTF-8 text. Save it as UTF-8 and"
                    + " submit again.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long kib(long bytes) {
        return (bytes + 1023) / 1024;
    }
}
