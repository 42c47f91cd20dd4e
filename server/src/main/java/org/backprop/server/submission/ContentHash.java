package org.backprop.server.submission;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The content hash of a submission: SHA-256 (hex) of its canonical manifest, the UTF-8 text
 * {@code backprop-submission-v1\n} followed by one line {@code <path>\t<size>\t<sha256>\n} per file, sorted
 * by path. Paths are ASCII, so the order is the same in every language; a client recomputes the hash from
 * the files it sent or downloaded.
 */
final class ContentHash {
    static final String HEADER = "backprop-submission-v1\n";

    private ContentHash() {
    }

    static String of(List<StoredPart> parts) {
        StringBuilder manifest = new StringBuilder(HEADER);
        parts.stream().sorted(Comparator.comparing(StoredPart::path)).forEach(part -> manifest.append(part.path())
                .append('\t').append(part.size()).append('\t').append(part.sha256()).append('\n'));
        return HexFormat.of().formatHex(BlobStore.sha256().digest(manifest.toString()
                .getBytes(StandardCharsets.UTF_8)));
    }
}
