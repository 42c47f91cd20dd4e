package org.backprop.server.submission;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The content hash of a submission: SHA-256 (hex) of its canonical manifest, the UTF-8 text
 * {@code backprop-submission-v1\n} followed by one line {@code <path>\t<size>\t<sha256>\n} per file and per run
 * it names, sorted by path. A named run's path is {@code runs/<id>.json}, its size and SHA-256 those of the record
 * the experiment log keeps, so the acknowledged hash covers the runs handed in as well as the files. Paths are
 * ASCII, so the order is the same in every language; a client recomputes the hash from the files it sent or
 * downloaded and the runs' {@code size} and {@code recordSha256}.
 */
final class ContentHash {
    static final String HEADER = "backprop-submission-v1\n";

    private record Line(String path, long size, String sha256) {
    }

    private ContentHash() {
    }

    static String of(List<StoredPart> parts, List<NamedRun> runs) {
        List<Line> lines = new ArrayList<>();
        parts.forEach(part -> lines.add(new Line(part.path(), part.size(), part.sha256())));
        runs.forEach(run -> lines.add(new Line(run.path(), run.size(), run.sha256())));
        StringBuilder manifest = new StringBuilder(HEADER);
        lines.stream().sorted(Comparator.comparing(Line::path)).forEach(line -> manifest.append(line.path())
                .append('\t').append(line.size()).append('\t').append(line.sha256()).append('\n'));
        return HexFormat.of().formatHex(BlobStore.sha256().digest(manifest.toString()
                .getBytes(StandardCharsets.UTF_8)));
    }
}
