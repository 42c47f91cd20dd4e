package org.backprop.server.similarity;

import de.jplag.JPlag;
import de.jplag.JPlagComparison;
import de.jplag.JPlagResult;
import de.jplag.Match;
import de.jplag.Submission;
import de.jplag.Token;
import de.jplag.clustering.ClusteringOptions;
import de.jplag.exceptions.BasecodeException;
import de.jplag.exceptions.ExitException;
import de.jplag.java.Language;
import de.jplag.options.JPlagOptions;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Compares Java projects with JPlag: every pair of projects, with the base code's tokens (the starter files) removed
 * from both sides before matching, so that what every team was given never counts. Pure: no database, files only in a
 * temporary folder it deletes. Thread-safe (each call has its own folder and JPlag run).
 */
public final class SimilarityEngine {
    private static final String BASE = "base";
    private static final String PROJECTS = "projects";

    /** A project to compare: a key that names it (e.g. a team's id) and its Java files' text by relative path. */
    public record Project(String key, Map<String, String> files) {
    }

    /** Every pair JPlag compared, most similar first, and the smallest run of tokens it counts as a match. */
    public record Result(int minimumTokenMatch, List<Pair> pairs) {
    }

    /** Two projects, JPlag's average similarity (0 to 1) and the regions that match. */
    public record Pair(String keyA, String keyB, double similarity, List<Region> matches) {
    }

    /** A matched region: lines (1-based, inclusive) in a file of each project, and how many tokens it spans. */
    public record Region(String fileA, int startLineA, int endLineA, String fileB, int startLineB, int endLineB,
            int tokens) {
    }

    private final Language java = new Language();

    /** Returns the smallest run of tokens JPlag counts as a match for Java. */
    public int minimumTokenMatch() {
        return java.minimumTokenMatch();
    }

    /**
     * Compares every two of {@code projects}, ignoring what they share with {@code base}; projects JPlag cannot parse
     * (or with too little code of their own) are left out. Fewer than two projects give no pairs.
     */
    public Result compare(List<Project> projects, Map<String, String> base) {
        if (projects.size() < 2) {
            return new Result(minimumTokenMatch(), List.of());
        }
        Path root = null;
        try {
            root = Files.createTempDirectory("similarity-");
            Path projectsDir = Files.createDirectories(root.resolve(PROJECTS));
            for (Project project : projects) {
                write(projectsDir.resolve(project.key()), project.files());
            }
            JPlagOptions options = new JPlagOptions(java, Set.of(projectsDir.toFile()), Set.of())
                    .withMinimumTokenMatch(minimumTokenMatch())
                    .withMaximumNumberOfComparisons(JPlagOptions.SHOW_ALL_COMPARISONS)
                    .withClusteringOptions(new ClusteringOptions().withEnabled(false));
            JPlagResult result = run(options, root, base);
            List<Pair> pairs = new ArrayList<>();
            for (JPlagComparison comparison : result.getAllComparisons()) {
                pairs.add(pair(comparison));
            }
            pairs.sort(Comparator.comparingDouble(Pair::similarity).reversed()
                    .thenComparing(Pair::keyA).thenComparing(Pair::keyB));
            return new Result(minimumTokenMatch(), List.copyOf(pairs));
        } catch (ExitException e) {
            throw new IllegalStateException("JPlag could not compare the projects: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(root);
        }
    }

    /**
     * Runs JPlag with {@code base} as the base code. JPlag refuses base code shorter than one match; such code cannot
     * produce a match on its own, so the projects are then compared without it.
     */
    private static JPlagResult run(JPlagOptions options, Path root, Map<String, String> base)
            throws IOException, ExitException {
        if (base.keySet().stream().anyMatch(path -> path.endsWith(".java"))) {
            Path baseDir = root.resolve(BASE);
            write(baseDir, base);
            try {
                return new JPlag(options.withBaseCodeSubmissionDirectory(baseDir.toFile())).run();
            } catch (BasecodeException e) {
                // Too short to match anything: fall through.
            }
        }
        return new JPlag(options).run();
    }

    private static Pair pair(JPlagComparison comparison) {
        Submission first = comparison.firstSubmission();
        Submission second = comparison.secondSubmission();
        List<Region> regions = new ArrayList<>();
        for (Match match : comparison.matches()) {
            Token startA = first.getTokenList().get(match.startOfFirst());
            Token endA = first.getTokenList().get(match.endOfFirst());
            Token startB = second.getTokenList().get(match.startOfSecond());
            Token endB = second.getTokenList().get(match.endOfSecond());
            regions.add(new Region(relative(first, startA), startA.getLine(), endA.getLine(), relative(second, startB),
                    startB.getLine(), endB.getLine(), match.length()));
        }
        regions.sort(Comparator.comparing(Region::fileA).thenComparingInt(Region::startLineA));
        return new Pair(first.getName(), second.getName(), comparison.similarity(), List.copyOf(regions));
    }

    private static String relative(Submission submission, Token token) {
        return submission.getRoot().toPath().relativize(token.getFile().toPath()).toString().replace('\\', '/');
    }

    private static void write(Path folder, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = folder.resolve(file.getKey()).normalize();
            if (!target.startsWith(folder)) {
                throw new IllegalArgumentException("file path must stay inside its project, got " + file.getKey());
            }
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        }
    }

    private static void delete(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // A leftover temporary folder is harmless; the comparison itself succeeded or already failed.
        }
    }
}
