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
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Checks the classes javac made of a student's sources against {@link ClassPolicy} before TeaVM sees them.
 * javac's classpath already keeps out our runtime and TeaVM's interop classes; this check closes the JDK side
 * (threads, reflection, files, network, processes), on bytecode so that no source trick slips past it.
 *
 * <p>Thread-safe: each call works on its own state.
 */
public final class BytecodePolicy {
    /** More than this many refusals are summarised in one line. */
    private static final int MAX_REPORTED = 20;

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
            if (superName != null) {
                type(superName, null, null);
            }
            if (interfaces != null) {
                for (String type : interfaces) {
                    type(type, null, null);
                }
            }
        }

        @Override
        public void visitSource(String source, String debug) {
            sourceFile = locate(source);
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            descriptor(descriptor, null);
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            descriptor(descriptor, null);
            return new MethodVisitor(Opcodes.ASM9) {
                private Integer line;

                @Override
                public void visitLineNumber(int number, Label start) {
                    line = number;
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    type(type, null, line);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String name, String fieldDescriptor) {
                    type(owner, name, line);
                    descriptor(fieldDescriptor, line);
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String name, String methodDescriptor,
                        boolean isInterface) {
                    type(owner, name, line);
                    descriptor(methodDescriptor, line);
                }

                @Override
                public void visitInvokeDynamicInsn(String name, String indyDescriptor, Handle bootstrap,
                        Object... arguments) {
                    // The bootstrap's own signature names JDK plumbing (TypeDescriptor, Lookup): only its owner,
                    // the bootstrap class javac chose, is checked.
                    type(bootstrap.getOwner(), bootstrap.getName(), line);
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
                        type(type, null, null);
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
            type(handle.getOwner(), handle.getName(), line);
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
                type(type.getInternalName(), null, line);
            }
        }

        private void type(String internalName, String member, Integer line) {
            if (internalName.startsWith("[")) {
                descriptor(internalName, line);
                return;
            }
            if (ownClasses.contains(internalName)) {
                return;
            }
            ClassPolicy.Reason reason = member == null ? ClassPolicy.refusal(internalName)
                    : ClassPolicy.refusal(internalName, member);
            if (reason == null) {
                return;
            }
            boolean memberRefused = member != null && ClassPolicy.refusal(internalName) == null;
            String what = internalName.replace('/', '.').replace('$', '.') + (memberRefused ? "." + member : "");
            String key = sourceFile + ":" + line + ":" + what;
            found.putIfAbsent(key, new Diagnostic(sourceFile, line, null, Diagnostic.Severity.ERROR,
                    "Programs on Backprop may not use " + what + ": " + reason.explanation + "."));
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
