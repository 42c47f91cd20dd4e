package org.backprop.grader.policy;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which classes and members a student program may reference: an allowlist of the JDK packages TeaVM
 * translates faithfully and that cannot reach past the sandbox, plus {@code org.backprop.nn} and the program's
 * own classes. Everything else (threads, reflection, files, network, processes, JavaScript interop, our runtime)
 * is refused with the reason a student can act on.
 *
 * <p>Names are JVM internal names ({@code java/lang/Thread}). Stateless and thread-safe.
 */
final class ClassPolicy {
    /** Packages (with their sub-packages) whose every class is allowed, unless listed as refused below. */
    private static final List<String> ALLOWED_PACKAGES = List.of(
            "org/backprop/nn/", "java/lang/", "java/util/", "java/math/", "java/text/", "java/time/");

    /** Single classes allowed in packages that are otherwise refused. */
    private static final Set<String> ALLOWED_CLASSES = Set.of(
            "java/io/Serializable", "java/io/IOException", "java/io/UncheckedIOException", "java/io/EOFException",
            "java/io/PrintStream", "java/io/PrintWriter", "java/io/InputStream", "java/io/OutputStream",
            "java/io/ByteArrayInputStream", "java/io/ByteArrayOutputStream", "java/io/Reader", "java/io/Writer",
            "java/io/StringReader", "java/io/StringWriter", "java/io/BufferedReader", "java/io/Closeable",
            "java/io/Flushable", "java/nio/Buffer", "java/nio/ByteBuffer", "java/nio/FloatBuffer",
            "java/nio/IntBuffer", "java/nio/ByteOrder", "java/nio/charset/Charset",
            "java/nio/charset/StandardCharsets",
            // What javac itself emits for lambdas, string concatenation, records and pattern switches.
            "java/lang/invoke/LambdaMetafactory", "java/lang/invoke/StringConcatFactory",
            "java/lang/invoke/MethodHandles$Lookup", "java/lang/invoke/MethodHandle", "java/lang/invoke/MethodType",
            "java/lang/invoke/CallSite", "java/lang/runtime/ObjectMethods", "java/lang/runtime/SwitchBootstraps");

    /** Classes and packages refused inside allowed packages, with why. */
    private static final Map<String, Reason> REFUSED = Map.ofEntries(
            Map.entry("java/lang/Thread", Reason.THREADS),
            Map.entry("java/lang/ThreadGroup", Reason.THREADS),
            Map.entry("java/lang/ThreadLocal", Reason.THREADS),
            Map.entry("java/lang/InheritableThreadLocal", Reason.THREADS),
            Map.entry("java/util/concurrent/", Reason.THREADS),
            Map.entry("java/util/Timer", Reason.THREADS),
            Map.entry("java/lang/reflect/", Reason.REFLECTION),
            Map.entry("java/lang/invoke/", Reason.REFLECTION),
            Map.entry("java/lang/ClassLoader", Reason.REFLECTION),
            Map.entry("java/lang/Module", Reason.REFLECTION),
            Map.entry("java/lang/ModuleLayer", Reason.REFLECTION),
            Map.entry("java/lang/StackWalker", Reason.REFLECTION),
            Map.entry("java/lang/ref/", Reason.REFLECTION),
            Map.entry("java/lang/instrument/", Reason.REFLECTION),
            Map.entry("java/lang/Runtime", Reason.PROCESSES),
            Map.entry("java/lang/Process", Reason.PROCESSES),
            Map.entry("java/lang/ProcessBuilder", Reason.PROCESSES),
            Map.entry("java/lang/ProcessHandle", Reason.PROCESSES),
            Map.entry("java/lang/SecurityManager", Reason.PROCESSES),
            Map.entry("java/util/prefs/", Reason.FILES),
            Map.entry("java/util/logging/", Reason.FILES),
            Map.entry("java/util/jar/", Reason.FILES),
            Map.entry("java/util/zip/", Reason.FILES),
            Map.entry("java/util/ServiceLoader", Reason.REFLECTION));

    /** Members refused on allowed classes: owner, then member names. */
    private static final Map<String, Map<String, Reason>> REFUSED_MEMBERS = Map.of(
            "java/lang/System", members(Reason.PROCESSES, "exit", "getenv", "getProperty", "getProperties",
                    "setProperty", "setProperties", "setOut", "setErr", "setIn", "load", "loadLibrary", "console"),
            "java/lang/Class", members(Reason.REFLECTION, "forName", "getMethod", "getMethods", "getDeclaredMethod",
                    "getDeclaredMethods", "getField", "getFields", "getDeclaredField", "getDeclaredFields",
                    "getConstructor", "getConstructors", "getDeclaredConstructor", "getDeclaredConstructors",
                    "newInstance", "getClassLoader", "getResource", "getResourceAsStream"));

    private static Map<String, Reason> members(Reason reason, String... names) {
        Map<String, Reason> members = new java.util.HashMap<>();
        for (String name : names) {
            members.put(name, reason);
        }
        return Map.copyOf(members);
    }

    /** Why a reference is refused, in words for the student. */
    enum Reason {
        THREADS("a program runs on a single thread in the browser and on the grading server"),
        REFLECTION("reflection is not available once a program is compiled to JavaScript"),
        FILES("programs have no file system; load data through org.backprop.nn.data"),
        NETWORK("programs have no network access"),
        PROCESSES("programs cannot start processes, stop the runtime or read its settings"),
        INTEROP("programs talk to the browser only through org.backprop.nn"),
        OTHER("programs may use java.lang, java.util, java.math, java.text, java.time and org.backprop.nn");

        final String explanation;

        Reason(String explanation) {
            this.explanation = explanation;
        }
    }

    private ClassPolicy() {
    }

    /** Returns why {@code owner} may not be referenced, or {@code null} when it may. */
    static Reason refusal(String owner) {
        String type = owner.startsWith("[") ? null : owner;
        if (type == null) {
            return null;
        }
        Reason refused = refusedEntry(type);
        if (refused != null) {
            return refused;
        }
        if (ALLOWED_CLASSES.contains(type)) {
            return null;
        }
        for (String allowed : ALLOWED_PACKAGES) {
            if (type.startsWith(allowed)) {
                return null;
            }
        }
        return guessReason(type);
    }

    /** Returns why member {@code name} of {@code owner} may not be used, or {@code null} when it may. */
    static Reason refusal(String owner, String name) {
        Reason classReason = refusal(owner);
        if (classReason != null) {
            return classReason;
        }
        Map<String, Reason> members = REFUSED_MEMBERS.get(owner);
        return members == null ? null : members.get(name);
    }

    private static Reason refusedEntry(String type) {
        Reason exact = REFUSED.get(type);
        if (exact != null) {
            return exact;
        }
        // Nested classes share their outer class's verdict (java/lang/Thread$State).
        int nested = type.indexOf('$');
        if (nested > 0 && REFUSED.containsKey(type.substring(0, nested))) {
            return REFUSED.get(type.substring(0, nested));
        }
        for (Map.Entry<String, Reason> entry : REFUSED.entrySet()) {
            if (entry.getKey().endsWith("/") && type.startsWith(entry.getKey())
                    && !ALLOWED_CLASSES.contains(type)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static Reason guessReason(String type) {
        if (type.startsWith("java/io/") || type.startsWith("java/nio/")) {
            return Reason.FILES;
        }
        if (type.startsWith("java/net/") || type.startsWith("javax/net/") || type.startsWith("java/rmi/")) {
            return Reason.NETWORK;
        }
        if (type.startsWith("org/teavm/") || type.startsWith("org/backprop/web/") || type.startsWith("jdk/")
                || type.startsWith("sun/")) {
            return Reason.INTEROP;
        }
        return Reason.OTHER;
    }
}
