package org.backprop.grader.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a student is told when the hidden tests cannot be compiled with their program, without a line of the
 * hidden sources: a test class's name, a method's signature or a javac message is fine ("cannot find symbol,
 * symbol: method build(int,int), location: class ConvNet"); the instructor's source text is not, so a message
 * that would quote a line of it is cut to what does not.
 */
public final class HiddenTestDiagnostics {
    /** Opens the message of a compile that failed because of the hidden tests themselves, not the student. */
    public static final String SET_UP_WRONGLY = "The assignment's hidden tests are set up wrongly: ";
    /** Opens the message of a compile whose hidden tests do not fit the student's classes. */
    public static final String NOT_COMPILED = "The hidden tests did not compile against your classes: ";
    private static final int MAX_REPORTED = 5;
    private static final int MAX_MESSAGE_CHARS = 400;
    /** Shorter source lines ("}", "return;") say nothing of the tests and occur in any message. */
    private static final int MIN_QUOTED_CHARS = 8;
    /** The lines of a javac message worth showing besides its first: they name symbols, not source. */
    private static final List<String> DETAIL_PREFIXES = List.of("symbol:", "location:", "required:", "found:",
            "reason:");

    private HiddenTestDiagnostics() {
    }

    /**
     * Returns an error when a class the hidden tests compiled to ({@code testClasses}) has the name of one of the
     * student's ({@code studentClasses}) or of the generated runner: a student class may neither stand in for a
     * test class nor for the runner. Null when the names are apart.
     */
    static Diagnostic clash(Path studentClasses, Path testClasses) {
        Set<String> clashes = new TreeSet<>();
        for (String name : classNames(testClasses)) {
            if (Files.exists(studentClasses.resolve(name + ".class"))) {
                clashes.add(topLevel(name));
            }
        }
        for (String name : classNames(studentClasses)) {
            if (name.startsWith(TestRunner.CLASS_NAME)) {
                return Diagnostic.error(null, "Your class " + name.replace('/', '.')
                        + " has the name of a class of the platform: rename it.");
            }
        }
        if (clashes.isEmpty()) {
            return null;
        }
        return Diagnostic.error(null, "Your program declares " + (clashes.size() == 1 ? "a class" : "classes") + " "
                + String.join(", ", clashes.stream().map(name -> name.replace('/', '.')).toList())
                + " with the name of the assignment's hidden test classes, so the tests cannot run: rename "
                + (clashes.size() == 1 ? "it." : "them."));
    }

    /** Copies the hidden tests' classes beside the student's. */
    static void copyClasses(Path from, Path to) throws IOException {
        for (String name : classNames(from)) {
            Path target = to.resolve(name + ".class");
            Files.createDirectories(target.getParent());
            Files.copy(from.resolve(name + ".class"), target);
        }
    }

    /** Returns the errors of a test compile that failed, as the student reads them. */
    static List<Diagnostic> notCompiled(List<Diagnostic> diagnostics, HiddenTests tests) {
        List<Diagnostic> errors = new ArrayList<>();
        for (Diagnostic diagnostic : diagnostics) {
            if (diagnostic.severity() != Diagnostic.Severity.ERROR) {
                continue;
            }
            if (errors.size() == MAX_REPORTED) {
                errors.add(Diagnostic.error(null, "The hidden tests have more compile errors against your classes."));
                break;
            }
            errors.add(Diagnostic.error(null, NOT_COMPILED + withoutSource(diagnostic.message(), tests)));
        }
        if (errors.isEmpty()) {
            errors.add(Diagnostic.error(null, NOT_COMPILED + "the compiler gave no reason."));
        }
        return errors;
    }

    /** Returns one error saying that the hidden tests themselves are at fault, with the first of the reasons. */
    static List<Diagnostic> setUpWrongly(String why, List<Diagnostic> diagnostics, HiddenTests tests) {
        String first = diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR)
                .map(d -> withoutSource(d.message(), tests)).findFirst().orElse("no reason given");
        return List.of(Diagnostic.error(null, SET_UP_WRONGLY + why + " (" + first + ")."));
    }

    /** Returns {@code diagnostics} with the hidden files' names and any quoted hidden source taken out. */
    static List<Diagnostic> withoutHiddenSources(List<Diagnostic> diagnostics, HiddenTests tests) {
        List<Diagnostic> cleaned = new ArrayList<>();
        for (Diagnostic diagnostic : diagnostics) {
            boolean hidden = diagnostic.file() != null && tests.files().containsKey(diagnostic.file());
            cleaned.add(hidden ? new Diagnostic(null, null, null, diagnostic.severity(),
                    "In the hidden tests: " + withoutSource(diagnostic.message(), tests))
                    : new Diagnostic(diagnostic.file(), diagnostic.line(), diagnostic.column(), diagnostic.severity(),
                            withoutSource(diagnostic.message(), tests)));
        }
        return cleaned;
    }

    /**
     * Returns the first line of a javac message and its lines that name symbols, leaving out every line that holds
     * a line of the hidden sources, at most {@link #MAX_MESSAGE_CHARS} characters.
     */
    static String withoutSource(String message, HiddenTests tests) {
        List<String> quoted = tests.files().values().stream().flatMap(String::lines).map(String::strip)
                .filter(line -> line.length() >= MIN_QUOTED_CHARS).toList();
        List<String> kept = new ArrayList<>();
        List<String> lines = message == null ? List.of() : message.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip().replaceAll("\\s+", " ");
            boolean wanted = i == 0 || DETAIL_PREFIXES.stream().anyMatch(line::startsWith);
            if (wanted && !line.isEmpty() && quoted.stream().noneMatch(line::contains)) {
                kept.add(line);
            }
        }
        String text = kept.isEmpty() ? "a line of the hidden tests does not fit your classes"
                : String.join("; ", kept);
        return text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS) + "...";
    }

    private static String topLevel(String name) {
        int nested = name.indexOf('$');
        return nested <= 0 ? name : name.substring(0, nested);
    }

    /** Returns the class files under {@code dir} by binary name with '/' and without ".class", sorted. */
    private static List<String> classNames(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> dir.relativize(file).toString().replace('\\', '/'))
                    .map(name -> name.substring(0, name.length() - ".class".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
