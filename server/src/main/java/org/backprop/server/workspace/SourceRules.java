package org.backprop.server.workspace;

import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import org.backprop.grader.compile.InvalidSourcesException;
import org.backprop.grader.compile.SourceBundle;
import org.backprop.server.api.ApiError;

/**
 * Holds workspace files to the rules a submission's sources meet, so that whatever a team keeps it can submit: paths
 * and limits are {@link SourceBundle}'s (the compile service and the submission upload apply them too), and text must
 * be storable UTF-8.
 */
final class SourceRules {
    private SourceRules() {
    }

    /** Refuses a path the submission upload would refuse, with its message. */
    static void path(String mainClass, String path) {
        try {
            new SourceBundle(mainClass, Map.of(path, ""));
        } catch (InvalidSourcesException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    /** Refuses text that has no UTF-8 form (a lone surrogate escape) or holds NUL, which PostgreSQL cannot store. */
    static void text(String text, String what) {
        if (text.indexOf('\0') >= 0) {
            throw ApiError.badRequest(what + " contains a NUL character (\\u0000), so it is not text. Remove it and"
                    + " save again.");
        }
        try {
            StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
        } catch (CharacterCodingException e) {
            throw ApiError.badRequest(what + " is not valid UTF-8 text (it has a lone surrogate escape such as"
                    + " \\ud800). Remove it and save again.");
        }
    }

    /**
     * Refuses saving {@code content} at {@code path} when the workspace would then hold more files or more source
     * than one submission may; {@code others} are the texts of the other files that are not deleted.
     */
    static void fits(String path, String content, boolean isNew, Collection<String> others) {
        if (isNew && others.size() >= SourceBundle.MAX_FILES) {
            throw ApiError.tooLarge("Your team's workspace already has " + others.size() + " files; a submission may"
                    + " have at most " + SourceBundle.MAX_FILES + ". Delete a file you no longer need first.");
        }
        long size = bytes(content);
        if (size > SourceBundle.MAX_TOTAL_BYTES) {
            throw ApiError.tooLarge(path + " is " + kib(size) + " KiB; a file may be at most "
                    + kib(SourceBundle.MAX_TOTAL_BYTES) + " KiB, all the source a submission may have.");
        }
        long total = size + others.stream().mapToLong(SourceRules::bytes).sum();
        if (total > SourceBundle.MAX_TOTAL_BYTES) {
            throw ApiError.tooLarge("With this version of " + path + " your team's workspace would hold " + kib(total)
                    + " KiB of source; a submission may have at most " + kib(SourceBundle.MAX_TOTAL_BYTES) + " KiB."
                    + " Make files smaller or delete some you no longer need.");
        }
    }

    static long bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    static long kib(long bytes) {
        return (bytes + 1023) / 1024;
    }
}
