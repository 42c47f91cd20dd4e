package org.backprop.grader.compile;

import java.util.Map;

/**
 * The generated entry point of a hidden-test program: it hands each discovered test to the web runtime's
 * {@code runTests}, which runs them one by one and reports each outcome on the host's test channel. Compiled after
 * the student's and the instructor's classes, against the web runtime, which neither of them sees.
 */
final class TestRunner {
    /** A name no student class may have (the policy and the test compile refuse it), in the default package. */
    static final String CLASS_NAME = "BackpropTestRunner$";

    private TestRunner() {
    }

    static Map<String, String> source(HiddenTests tests) {
        StringBuilder source = new StringBuilder()
                .append("public final class ").append(CLASS_NAME).append(" {\n")
                .append("    public static void main(String[] args) {\n")
                .append("        org.backprop.web.runtime.ProgramRuntime.runTests(")
                .append("new org.backprop.web.runtime.HiddenTest[] {\n");
        for (HiddenTests.TestCase test : tests.cases()) {
            // TestCase checked both names against Java's grammar, so they can go into the source as they are.
            String call = test.isStatic() ? test.className() + "." + test.method() + "()"
                    : "new " + test.className() + "()." + test.method() + "()";
            source.append("            new org.backprop.web.runtime.HiddenTest(\"").append(test.name())
                    .append("\", () -> ").append(call).append("),\n");
        }
        source.append("        });\n    }\n}\n");
        return Map.of(CLASS_NAME + ".java", source.toString());
    }
}
