package org.backprop.grader.compile;

import java.util.Map;

/**
 * The generated entry point TeaVM compiles from: it hands the student's {@code main} to the web
 * runtime, which installs the WebGPU backend first and reports the exit code afterwards. Compiled
 * apart from the student's sources so that students never see the runtime's classes.
 */
final class Launcher {
    /** A name no student class will have, in the default package so that it can call any main class. */
    static final String CLASS_NAME = "BackpropLauncher$";

    private Launcher() {
    }

    static Map<String, String> source(String mainClass) {
        return Map.of(CLASS_NAME + ".java",
                "public final class " + CLASS_NAME + " {\n"
                + "    public static void main(String[] args) {\n"
                + "        org.backprop.web.runtime.ProgramRuntime.run(() -> " + mainClass + ".main(args));\n"
                + "    }\n"
                + "}\n");
    }
}
