package org.backprop.grader.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.backprop.grader.compile.Diagnostic;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;

/**
 * Checks the classes javac made of a student's sources before TeaVM sees them, on bytecode so that no source trick
 * slips past it:
 * <ul>
 *   <li>what they reference: only what {@link ClassPolicy} allows (no threads, reflection, files, network,
 *       processes, JavaScript interop or the library's internals);
 *   <li>what they declare: no class in a package of the platform ({@code java.*}, {@code org.teavm.*},
 *       {@code org.backprop.*}, ...) or with the name of any class on the compile classpath, since TeaVM would take
 *       a student's stand-in for the real one; no annotation type, and no annotation but {@code @Override},
 *       {@code @FunctionalInterface}, {@code @SafeVarargs}, {@code @SuppressWarnings} and {@code @Deprecated},
 *       since TeaVM acts on its own annotations (and loads classes they name) while it compiles; no
 *       {@code native} method.
 * </ul>
 *
 * <p>Thread-safe: each call works on its own state.
 */
public final class BytecodePolicy {
    /** More than this many refusals are summarised in one line. */
    private static final int MAX_REPORTED = 20;

    /** The annotations a program may carry: the language's own, which no compiler stage acts on. */
    private static final Set<String> ALLOWED_ANNOTATIONS = Set.of("Ljava/lang/Override;",
            "Ljava/lang/FunctionalInterface;", "Ljava/lang/SafeVarargs;", "Ljava/lang/SuppressWarnings;",
            "Ljava/lang/Deprecated;");

    /** Packages a student class may not be declared in: they belong to the JDK, TeaVM or Backprop. */
    private static final List<String> RESERVED_PACKAGES = List.of("java/", "javax/", "jdk/", "sun/", "com/sun/",
            "org/teavm/", "org/backprop/", "org/w3c/", "org/xml/", "org/ietf/", "org/omg/");

    /** The generated launchers' names (see the compile stage's Launcher and TestRunner). */
    private static final Set<String> LAUNCHERS = Set.of("BackpropLauncher$", "BackpropTestRunner$");

    /**
     * Returns one error per refused reference (class or member, per source line) in the classes under
     * {@code classesDir}, placed at the student's file and line; empty when the program may run.
     *
     * @param sourceFiles the paths of the submitted files, to name the file a class came from
     */
    public List<Diagnostic> check(Path classesDir, Set<String> sourceFiles) {
        Map<String, Diagnostic> found = new LinkedHashMap<>();
        Set<String> ownClasses = new HashSet<>();
        List<Path> classFiles = classFiles(classesDir);
        for (Path classFile : classFiles) {
            String relative = classesDir.relativize(classFile).toString().replace('\\', '/');
            ownClasses.add(relative.substring(0, relative.length() - ".class".length()));
        }
        for (Path classFile : classFiles) {
            try {
                new ClassReader(Files.readAllBytes(classFile)).accept(new Scanner(ownClasses, sourceFiles, found), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<Diagnostic> diagnostics = new ArrayList<>(found.values());
        if (diagnostics.size() > MAX_REPORTED) {
            int more = diagnostics.size() - MAX_REPORTED;
            diagnostics = new ArrayList<>(diagnostics.subList(0, MAX_REPORTED));
            diagnostics.add(Diagnostic.error(null, more + " more uses of classes programs may not use."));
        }
        return diagnostics;
    }

    private static List<Path> classFiles(Path classesDir) {
        try (Stream<Path> files = Files.walk(classesDir)) {
            return files.filter(file -> file.toString().endsWith(".class")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Visits one class, noting every type and member it references with the line it is on. */
    private static final class Scanner extends ClassVisitor {
        private final Set<String> ownClasses;
        private final Set<String> sourceFiles;
        private final Map<String, Diagnostic> found;
        private String className;
        private int declaredAccess;
        private boolean declarationChecked;
        private String sourceFile;

        Scanner(Set<String> ownClasses, Set<String> sourceFiles, Map<String, Diagnostic> found) {
            super(Opcodes.ASM9);
            this.ownClasses = ownClasses;
            this.sourceFiles = sourceFiles;
            this.found = found;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            className = name;
            declaredAccess = access;
            if (superName != null) {
                type(superName, null, null, null);
            }
            if (interfaces != null) {
                for (String type : interfaces) {
                    type(type, null, null, null);
                }
            }
        }

        @Override
        public void visitSource(String source, String debug) {
            sourceFile = locate(source);
            // The source file is known only now, so the declaration is judged here (javac always writes it).
            declaration(className, declaredAccess);
        }

        @Override
        public void visitEnd() {
            if (sourceFile == null) {
                declaration(className, declaredAccess);
            }
        }

        private void declaration(String name, int access) {
            if (declarationChecked) {
                return;
            }
            declarationChecked = true;
            String shown = name.replace('/', '.');
            String reserved = RESERVED_PACKAGES.stream().filter(name::startsWith).findFirst().orElse(null);
            if (reserved != null) {
                String pkg = shown.contains(".") ? shown.substring(0, shown.lastIndexOf('.')) : "";
                refuse(null, "Your class " + shown + " may not be declared in the package " + pkg + ": packages under "
                        + reserved.substring(0, reserved.length() - 1).replace('/', '.') + " belong to the platform. Put"
                        + " your classes in a package of your own, or in none.");
            } else if (LAUNCHERS.contains(name) || onCompileClasspath(name)) {
                refuse(null, "Your class " + shown + " has the name of a class of the platform: rename it.");
            }
            if ((access & Opcodes.ACC_ANNOTATION) != 0) {
                refuse(null, "Programs on Backprop may not declare annotation types (@interface " + shown
                        + "): the compiler would act on them.");
            }
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            return annotation(descriptor, null);
        }

        @Override
        public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor,
                boolean visible) {
            return annotation(descriptor, null);
        }

        @Override
        public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
            descriptor(descriptor, null);
            return new RecordComponentVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    return annotation(annotation, null);
                }

                @Override
                public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String annotation,
                        boolean visible) {
                    return annotation(annotation, null);
                }
            };
        }

        /** Refuses the annotation unless it is one of the language's own; its values need no visit (returns null). */
        private AnnotationVisitor annotation(String descriptor, Integer line) {
            if (!ALLOWED_ANNOTATIONS.contains(descriptor)) {
                String name = Type.getType(descriptor).getClassName().replace('$', '.');
                refuse(line, "Programs on Backprop may not use the annotation @" + name + ": only @Override,"
                        + " @FunctionalInterface, @SafeVarargs, @SuppressWarnings and @Deprecated are allowed.");
            }
            return null;
        }

        private void refuse(Integer line, String message) {
            found.putIfAbsent(sourceFile + ":" + line + ":" + message,
                    new Diagnostic(sourceFile, line, null, Diagnostic.Severity.ERROR, message));
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            descriptor(descriptor, null);
            return new FieldVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    return annotation(annotation, null);
                }

                @Override
                public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String annotation,
                        boolean visible) {
                    return annotation(annotation, null);
                }
            };
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            descriptor(descriptor, null);
            if ((access & Opcodes.ACC_NATIVE) != 0) {
                refuse(null, "Programs on Backprop may not declare native methods (" + name + " in "
                        + className.replace('/', '.') + "): a program runs only its own Java code.");
            }
            if (exceptions != null) {
                for (String exception : exceptions) {
                    type(exception, null, null, null);
                }
            }
            return new MethodVisitor(Opcodes.ASM9) {
                private Integer line;

                @Override
                public void visitLineNumber(int number, Label start) {
                    line = number;
                }

                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    return annotation(annotation, line);
                }

                @Override
                public AnnotationVisitor visitParameterAnnotation(int parameter, String annotation, boolean visible) {
                    return annotation(annotation, line);
                }

                @Override
                public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String annotation,
                        boolean visible) {
                    return annotation(annotation, line);
                }

                @Override
                public AnnotationVisitor visitInsnAnnotation(int typeRef, TypePath typePath, String annotation,
                        boolean visible) {
                    return annotation(annotation, line);
                }

                @Override
                public AnnotationVisitor visitTryCatchAnnotation(int typeRef, TypePath typePath, String annotation,
                        boolean visible) {
                    return annotation(annotation, line);
                }

                @Override
                public AnnotationVisitor visitLocalVariableAnnotation(int typeRef, TypePath typePath, Label[] start,
                        Label[] end, int[] index, String annotation, boolean visible) {
                    return annotation(annotation, line);
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    type(type, null, null, line);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String name, String fieldDescriptor) {
                    type(owner, name, null, line);
                    descriptor(fieldDescriptor, line);
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String name, String methodDescriptor,
                        boolean isInterface) {
                    type(owner, name, methodDescriptor, line);
                    descriptor(methodDescriptor, line);
                }

                @Override
                public void visitInvokeDynamicInsn(String name, String indyDescriptor, Handle bootstrap,
                        Object... arguments) {
                    // Only the bootstraps javac emits for lambdas, string concatenation, records and switches; their
                    // own signatures name JDK plumbing (Lookup, MethodType) that programs may not use themselves.
                    if (!ClassPolicy.isJavacBootstrap(bootstrap.getOwner())) {
                        type(bootstrap.getOwner(), bootstrap.getName(), bootstrap.getDesc(), line);
                    }
                    descriptor(indyDescriptor, line);
                    for (Object argument : arguments) {
                        constant(argument, line);
                    }
                }

                @Override
                public void visitLdcInsn(Object value) {
                    constant(value, line);
                }

                @Override
                public void visitMultiANewArrayInsn(String arrayDescriptor, int dimensions) {
                    descriptor(arrayDescriptor, line);
                }

                @Override
                public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                    if (type != null) {
                        type(type, null, null, null);
                    }
                }
            };
        }

        private void constant(Object value, Integer line) {
            if (value instanceof Type type) {
                descriptor(type.getDescriptor(), line);
            } else if (value instanceof Handle handle) {
                handle(handle, line);
            }
        }

        private void handle(Handle handle, Integer line) {
            type(handle.getOwner(), handle.getName(), handle.getDesc(), line);
            descriptor(handle.getDesc(), line);
        }

        private void descriptor(String descriptor, Integer line) {
            Type type = Type.getType(descriptor);
            if (type.getSort() == Type.METHOD) {
                descriptor(type.getReturnType().getDescriptor(), line);
                for (Type argument : type.getArgumentTypes()) {
                    descriptor(argument.getDescriptor(), line);
                }
            } else if (type.getSort() == Type.ARRAY) {
                descriptor(type.getElementType().getDescriptor(), line);
            } else if (type.getSort() == Type.OBJECT) {
                type(type.getInternalName(), null, null, line);
            }
        }

        private void type(String internalName, String member, String memberDescriptor, Integer line) {
            if (internalName.startsWith("[")) {
                descriptor(internalName, line);
                return;
            }
            if (ownClasses.contains(internalName)) {
                return;
            }
            ClassPolicy.Reason reason = member == null ? ClassPolicy.refusal(internalName)
                    : ClassPolicy.refusal(internalName, member, memberDescriptor);
            if (reason == null) {
                return;
            }
            boolean memberRefused = member != null && ClassPolicy.refusal(internalName) == null;
            String shownClass = internalName.replace('/', '.').replace('$', '.');
            String what = !memberRefused ? shownClass : "<init>".equals(member)
                    ? "new " + shownClass + "(" + firstParameter(memberDescriptor) + ", ...)" : shownClass + "." + member;
            String key = sourceFile + ":" + line + ":" + what;
            found.putIfAbsent(key, new Diagnostic(sourceFile, line, null, Diagnostic.Severity.ERROR,
                    "Programs on Backprop may not use " + what + ": " + reason.explanation + "."));
        }

        private static String firstParameter(String descriptor) {
            Type[] parameters = Type.getArgumentTypes(descriptor);
            return parameters.length == 0 ? "" : parameters[0].getClassName().replace("java.lang.", "");
        }

        /** Returns whether a class of this name exists where TeaVM and javac look: the JDK and the library jars. */
        private static boolean onCompileClasspath(String internalName) {
            ClassLoader loader = BytecodePolicy.class.getClassLoader();
            return loader.getResource(internalName + ".class") != null
                    || ClassLoader.getPlatformClassLoader().getResource(internalName + ".class") != null;
        }

        /** Returns the submitted file a class's {@code SourceFile} attribute names, preferring its package's folder. */
        private String locate(String source) {
            if (source == null) {
                return null;
            }
            int slash = className.lastIndexOf('/');
            String inPackage = slash < 0 ? source : className.substring(0, slash + 1) + source;
            if (sourceFiles.contains(inPackage)) {
                return inPackage;
            }
            for (String file : sourceFiles) {
                if (file.equals(source) || file.endsWith("/" + source)) {
                    return file;
                }
            }
            return source;
        }
    }
}
