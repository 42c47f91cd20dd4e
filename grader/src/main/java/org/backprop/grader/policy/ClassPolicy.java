package org.backprop.grader.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which classes and members a student program may reference: the classes listed, package by package with the
 * reason, in {@code allowed-classes.txt} beside this class, plus the program's own classes (checked by the caller).
 * Everything else is refused with a reason the student can act on; so are a few members of allowed classes
 * (exiting the runtime, reading its settings, reflection through {@code Class}, constructors that create files).
 *
 * <p>Names are JVM internal names ({@code java/lang/Thread}). Immutable and thread-safe.
 */
final class ClassPolicy {
    /** Why a reference is refused, in words for the student. */
    enum Reason {
        THREADS("a program runs on a single thread in the browser and on the grading server"),
        REFLECTION("reflection and class loading are not available once a program is compiled to JavaScript"),
        FILES("programs have no file system; load data through org.backprop.nn.data"),
        NETWORK("programs have no network access"),
        PROCESSES("programs cannot start processes, stop the runtime or read its settings"),
        INTEROP("programs talk to the browser only through org.backprop.nn"),
        INTERNAL("it belongs to the library's backends, not to programs"),
        OTHER("it is not on the list of classes programs may use (java.lang, java.util, java.math, java.text,"
                + " parts of java.io and java.time, and org.backprop.nn)");

        final String explanation;

        Reason(String explanation) {
            this.explanation = explanation;
        }
    }

    /** The bootstrap methods javac itself emits for lambdas, string concatenation, records and switches. */
    private static final Set<String> JAVAC_BOOTSTRAPS = Set.of("java/lang/invoke/LambdaMetafactory",
            "java/lang/invoke/StringConcatFactory", "java/lang/runtime/ObjectMethods",
            "java/lang/runtime/SwitchBootstraps");

    /** Packages whose refusal has a more precise reason than {@link Reason#OTHER}; the longest prefix wins. */
    private static final Map<String, Reason> REASONS_BY_PREFIX = Map.ofEntries(
            Map.entry("java/lang/Thread", Reason.THREADS), Map.entry("java/lang/ThreadLocal", Reason.THREADS),
            Map.entry("java/lang/ThreadGroup", Reason.THREADS),
            Map.entry("java/lang/InheritableThreadLocal", Reason.THREADS),
            Map.entry("java/lang/VirtualThread", Reason.THREADS), Map.entry("java/util/concurrent/", Reason.THREADS),
            Map.entry("java/util/Timer", Reason.THREADS),
            Map.entry("java/lang/reflect/", Reason.REFLECTION), Map.entry("java/lang/invoke/", Reason.REFLECTION),
            Map.entry("java/lang/ClassLoader", Reason.REFLECTION), Map.entry("java/lang/Module", Reason.REFLECTION),
            Map.entry("java/lang/ModuleLayer", Reason.REFLECTION), Map.entry("java/lang/StackWalker", Reason.REFLECTION),
            Map.entry("java/lang/Package", Reason.REFLECTION), Map.entry("java/lang/ref/", Reason.REFLECTION),
            Map.entry("java/lang/instrument/", Reason.REFLECTION), Map.entry("java/lang/annotation/", Reason.REFLECTION),
            Map.entry("java/util/ServiceLoader", Reason.REFLECTION),
            Map.entry("java/util/ResourceBundle", Reason.REFLECTION),
            Map.entry("java/lang/Runtime", Reason.PROCESSES), Map.entry("java/lang/Process", Reason.PROCESSES),
            Map.entry("java/lang/SecurityManager", Reason.PROCESSES),
            Map.entry("java/io/", Reason.FILES), Map.entry("java/nio/", Reason.FILES),
            Map.entry("java/util/prefs/", Reason.FILES), Map.entry("java/util/logging/", Reason.FILES),
            Map.entry("java/util/jar/", Reason.FILES), Map.entry("java/util/zip/", Reason.FILES),
            Map.entry("java/net/", Reason.NETWORK), Map.entry("javax/net/", Reason.NETWORK),
            Map.entry("java/rmi/", Reason.NETWORK), Map.entry("java/net/http/", Reason.NETWORK),
            Map.entry("org/teavm/", Reason.INTEROP), Map.entry("org/backprop/web/", Reason.INTEROP),
            Map.entry("jdk/", Reason.INTEROP), Map.entry("sun/", Reason.INTEROP),
            Map.entry("org/backprop/nn/internal/", Reason.INTERNAL));

    /** Members refused on allowed classes: owner, then member names. */
    private static final Map<String, Map<String, Reason>> REFUSED_MEMBERS = Map.of(
            "java/lang/System", members(Reason.PROCESSES, "exit", "getenv", "getProperty", "getProperties",
                    "setProperty", "setProperties", "clearProperty", "setOut", "setErr", "setIn", "load",
                    "loadLibrary", "mapLibraryName", "console", "inheritedChannel", "getSecurityManager",
                    "setSecurityManager", "getLogger"),
            "java/lang/Class", members(Reason.REFLECTION, "forName", "getMethod", "getMethods", "getDeclaredMethod",
                    "getDeclaredMethods", "getField", "getFields", "getDeclaredField", "getDeclaredFields",
                    "getConstructor", "getConstructors", "getDeclaredConstructor", "getDeclaredConstructors",
                    "newInstance", "getClassLoader", "getResource", "getResourceAsStream", "getModule", "getPackage",
                    "getProtectionDomain", "getAnnotation", "getAnnotations", "getDeclaredAnnotations",
                    "getRecordComponents", "getEnclosingMethod", "getEnclosingConstructor", "getNestHost",
                    "getPermittedSubclasses", "getClasses", "getDeclaredClasses"));

    /** Classes whose constructors taking a file name or a File open files. */
    private static final Set<String> FILE_OPENING = Set.of("java/io/PrintStream", "java/io/PrintWriter",
            "java/util/Formatter");

    private static final Allowlist ALLOWED = Allowlist.load();

    private ClassPolicy() {
    }

    /** Returns why {@code owner} may not be referenced, or {@code null} when it may. */
    static Reason refusal(String owner) {
        if (owner.startsWith("[")) {
            return null;
        }
        String outer = owner.indexOf('$') > 0 ? owner.substring(0, owner.indexOf('$')) : owner;
        if (ALLOWED.allows(outer)) {
            return null;
        }
        Reason reason = Reason.OTHER;
        int longest = -1;
        for (Map.Entry<String, Reason> entry : REASONS_BY_PREFIX.entrySet()) {
            if (outer.startsWith(entry.getKey()) && entry.getKey().length() > longest) {
                longest = entry.getKey().length();
                reason = entry.getValue();
            }
        }
        return reason;
    }

    /**
     * Returns why member {@code name} (with JVM {@code descriptor}) of {@code owner} may not be used, or {@code null}
     * when it may.
     */
    static Reason refusal(String owner, String name, String descriptor) {
        Reason classReason = refusal(owner);
        if (classReason != null) {
            return classReason;
        }
        Map<String, Reason> members = REFUSED_MEMBERS.get(owner);
        if (members != null && members.containsKey(name)) {
            return members.get(name);
        }
        if (name.equals("<init>") && FILE_OPENING.contains(owner) && descriptor != null
                && (descriptor.startsWith("(Ljava/lang/String;") || descriptor.startsWith("(Ljava/io/File;"))) {
            return Reason.FILES;
        }
        return null;
    }

    /** Returns whether {@code owner} is a bootstrap class javac emits for language features (not for reflection). */
    static boolean isJavacBootstrap(String owner) {
        return JAVAC_BOOTSTRAPS.contains(owner);
    }

    private static Map<String, Reason> members(Reason reason, String... names) {
        Map<String, Reason> members = new HashMap<>();
        for (String name : names) {
            members.put(name, reason);
        }
        return Map.copyOf(members);
    }

    /** The parsed {@code allowed-classes.txt}: single classes and whole packages. */
    private record Allowlist(Set<String> classes, List<String> packagePrefixes, Set<String> refusedPrefixes) {
        static Allowlist load() {
            Set<String> classes = new HashSet<>();
            List<String> prefixes = new ArrayList<>();
            try (InputStream in = ClassPolicy.class.getResourceAsStream("allowed-classes.txt");
                    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String section = null;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    line = line.strip();
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    if (line.startsWith("[")) {
                        String name = line.substring(1, line.indexOf(']'));
                        if (name.endsWith(".*")) {
                            prefixes.add(name.substring(0, name.length() - 2).replace('.', '/') + "/");
                            section = null;
                        } else {
                            section = name.replace('.', '/') + "/";
                        }
                        continue;
                    }
                    if (section == null) {
                        throw new IllegalStateException("allowed-classes.txt: classes outside a section: " + line);
                    }
                    for (String simpleName : line.split("\\s+")) {
                        classes.add(section + simpleName);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Allowlist(Set.copyOf(classes), List.copyOf(prefixes), Set.of("org/backprop/nn/internal/"));
        }

        boolean allows(String type) {
            if (classes.contains(type)) {
                return true;
            }
            for (String refused : refusedPrefixes) {
                if (type.startsWith(refused)) {
                    return false;
                }
            }
            return packagePrefixes.stream().anyMatch(type::startsWith);
        }
    }
}
