package org.backprop.grader.compile;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeKind;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * An assignment's hidden tests: the instructor's test sources (path relative to the assignment folder → Java
 * source) and the tests found in them, in order. A test is a method annotated {@code @Test}
 * ({@code org.backprop.nn.testing.Test}) that is public, takes no arguments and returns {@code void}, in a top-level
 * class that is public or in the default package. The sources are the instructor's, never shown to students.
 * Immutable.
 */
public record HiddenTests(Map<String, String> files, List<TestCase> cases) {
    private static final Pattern QUALIFIED_NAME =
            Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Pattern FILE_PATH =
            Pattern.compile("([A-Za-z0-9_$.-]+/)*[A-Za-z_$][A-Za-z0-9_$]*\\.java");

    /** One test: the class's qualified name, the method's name, and whether the method is static. */
    public record TestCase(String className, String method, boolean isStatic) {
        public TestCase {
            if (className == null || !QUALIFIED_NAME.matcher(className).matches()) {
                throw new IllegalArgumentException("not a class name: " + className);
            }
            if (method == null || !IDENTIFIER.matcher(method).matches()) {
                throw new IllegalArgumentException("not a method name: " + method);
            }
        }

        /** Returns the test's name as students read it: {@code SavedModelTest.savesAndLoads}. */
        public String name() {
            return className + "." + method;
        }
    }

    public HiddenTests {
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("hidden tests need at least one source file");
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (file.getKey() == null || !FILE_PATH.matcher(file.getKey()).matches() || file.getValue() == null) {
                throw new IllegalArgumentException("not a test source: " + file.getKey());
            }
        }
        files = Map.copyOf(new TreeMap<>(files));
        cases = List.copyOf(cases);
    }

    /** What {@link #discover} found: the tests, or what is wrong with the sources (for the instructor). */
    public record Discovery(HiddenTests tests, List<String> problems) {
        public Discovery {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Parses {@code files} (path → source; nothing is compiled or run) and returns the tests they declare, or the
     * problems that keep them from being run: a file that does not parse, a {@code @Test} method of the wrong
     * shape, a test class that is neither public nor in the default package, no test at all.
     */
    public static Discovery discover(Map<String, String> files) {
        if (files == null || files.isEmpty()) {
            return new Discovery(null, List.of("there are no hidden test files"));
        }
        List<String> problems = new ArrayList<>();
        List<TestCase> cases = new ArrayList<>();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
            if (file.getKey() == null || !FILE_PATH.matcher(file.getKey()).matches()) {
                problems.add(file.getKey() + ": not a Java source file name");
                continue;
            }
            DiagnosticCollector<JavaFileObject> errors = new DiagnosticCollector<>();
            JavacTask task = (JavacTask) javac.getTask(null, null, errors, List.of("-proc:none"), null,
                    List.of(new Source(file.getKey(), file.getValue() == null ? "" : file.getValue())));
            Iterable<? extends CompilationUnitTree> units;
            try {
                units = task.parse();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> syntax = errors.getDiagnostics().stream()
                    .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                    .map(d -> file.getKey() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ENGLISH)).toList();
            if (!syntax.isEmpty()) {
                problems.addAll(syntax);
                continue;
            }
            for (CompilationUnitTree unit : units) {
                String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString() + ".";
                for (Tree type : unit.getTypeDecls()) {
                    if (type instanceof ClassTree declared && type.getKind() == Tree.Kind.CLASS) {
                        collect(file.getKey(), pkg, declared, cases, problems);
                    }
                }
            }
        }
        if (problems.isEmpty() && cases.isEmpty()) {
            problems.add("no method in " + String.join(", ", new TreeMap<>(files).keySet()) + " is annotated @Test");
        }
        return new Discovery(problems.isEmpty() ? new HiddenTests(files, cases) : null, problems);
    }

    private static void collect(String file, String pkg, ClassTree type, List<TestCase> cases, List<String> problems) {
        String className = pkg + type.getSimpleName();
        boolean classUsable = pkg.isEmpty() || type.getModifiers().getFlags().contains(Modifier.PUBLIC);
        for (Tree member : type.getMembers()) {
            if (!(member instanceof MethodTree method) || !annotatedTest(method.getModifiers())) {
                continue;
            }
            String where = file + ": " + className + "." + method.getName();
            boolean isVoid = method.getReturnType() instanceof PrimitiveTypeTree primitive
                    && primitive.getPrimitiveTypeKind() == TypeKind.VOID;
            if (!method.getModifiers().getFlags().contains(Modifier.PUBLIC) || !method.getParameters().isEmpty()
                    || !isVoid || !method.getTypeParameters().isEmpty()) {
                problems.add(where + ": a @Test method must be public, take no arguments and return void");
            } else if (!classUsable) {
                problems.add(where + ": a test class in a package must be public");
            } else if (!method.getModifiers().getFlags().contains(Modifier.STATIC)
                    && type.getModifiers().getFlags().contains(Modifier.ABSTRACT)) {
                problems.add(where + ": the test class is abstract, so it cannot be made to run the test");
            } else {
                cases.add(new TestCase(className, method.getName().toString(),
                        method.getModifiers().getFlags().contains(Modifier.STATIC)));
            }
        }
    }

    private static boolean annotatedTest(ModifiersTree modifiers) {
        for (AnnotationTree annotation : modifiers.getAnnotations()) {
            String name = annotation.getAnnotationType().toString();
            if (name.equals("Test") || name.equals("org.backprop.nn.testing.Test")) {
                return true;
            }
        }
        return false;
    }

    /** Returns the qualified names of the test classes, sorted. */
    public List<String> classNames() {
        return cases.stream().map(TestCase::className).distinct().sorted().toList();
    }

    /**
     * Returns the SHA-256 of the sources and the tests, in lowercase hex, each string entering as its length and
     * UTF-8 bytes (as {@link SourceBundle#sha256}), so that a compile of the same program with the same tests can be
     * found again.
     */
    public String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
                update(digest, file.getKey());
                update(digest, file.getValue());
            }
            for (TestCase test : cases) {
                update(digest, test.className());
                update(digest, test.method());
                update(digest, Boolean.toString(test.isStatic()));
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

    /** A source file that exists only in memory, for the parser. */
    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String path, String text) {
            super(URI.create("memory:///" + path), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
