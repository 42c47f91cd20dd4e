package org.backprop.server.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.backprop.nn.records.RunRecord;
import org.backprop.nn.records.RunRecordJson;
import org.backprop.server.api.ApiError;

/**
 * A run record that passed the log's checks: within the size limit, read by {@code nn}'s own reader (the one the
 * grader uses, so the log never keeps a record the grader cannot read), with the text that is stored and its hash.
 */
record CheckedRecord(RunRecord record, String json, String sha256, int size, String sourceSha256) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Checks a request's record and source hash; fails with a 400 or 413 problem that says what to change. */
    static CheckedRecord of(RunRequest request, long maxBytes) {
        if (request == null || request.record() == null || request.record().isNull()) {
            throw ApiError.badRequest("The request has no \"record\": send {\"sourceSha256\": ..., \"record\": {...}}"
                    + " with the run record as the program wrote it.");
        }
        if (!request.record().isObject()) {
            throw ApiError.badRequest("\"record\" must be a run record (a JSON object), not "
                    + request.record().getNodeType().name().toLowerCase() + ".");
        }
        String source = request.sourceSha256();
        if (source != null && !SHA256.matcher(source).matches()) {
            throw ApiError.badRequest("\"sourceSha256\" must be a SHA-256 in 64 lowercase hexadecimal digits, or null"
                    + " when the sources are unknown.");
        }
        String json = text(request.record());
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxBytes) {
            throw ApiError.tooLarge("The run record is " + kib(bytes.length) + " KiB; a run record may be at most "
                    + kib(maxBytes) + " KiB. Record fewer epochs or metrics in one run.");
        }
        RunRecord record;
        try {
            record = RunRecordJson.read(json);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("The run record could not be read: " + e.getMessage());
        }
        return new CheckedRecord(record, json, sha256(bytes), bytes.length, source);
    }

    private static String text(JsonNode record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree Jackson just read could not be written", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private static long kib(long bytes) {
        return (bytes + 1023) / 1024;
    }
}
