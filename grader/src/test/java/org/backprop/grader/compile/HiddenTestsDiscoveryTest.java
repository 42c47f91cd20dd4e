package org.backprop.grader.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HiddenTestsDiscoveryTest {

    @Test
    void findsPublicNoArgumentVoidMethodsMarkedTestInOrder() {
        HiddenTests.Discovery found = HiddenTests.discover(Map.of("hidden/NetTest.java", """
                package checks;
                import org.backprop.nn.testing.Test;
                public class NetTest {
                    @Test public void builds() { }
                    @org.backprop.nn.testing.Test public static void saves() { }
                    public void helper() { }
                    @Override public String toString() { return "NetTest"; }
                }
                """));
        assertEquals(List.of(), found.problems());
        assertEquals(List.of(new HiddenTests.TestCase("checks.NetTest", "builds", false),
                new HiddenTests.TestCase("checks.NetTest", "saves", true)), found.tests().cases());
        assertEquals(List.of("checks.NetTest"), found.tests().classNames());
    }

    @Test
    void saysWhatKeepsTestsFromRunning() {
        HiddenTests.Discovery found = HiddenTests.discover(Map.of("hidden/Bad.java", """
                package checks;
                import org.backprop.nn.testing.Test;
                class Bad {
                    @Test public void inAPackagePrivateClass() { }
                    @Test void notPublic() { }
                    @Test public int returnsSomething() { return 1; }
                    @Test public void takesArguments(int x) { }
                }
                """));
        assertNull(found.tests());
        assertEquals(List.of(
                "hidden/Bad.java: checks.Bad.inAPackagePrivateClass: a test class in a package must be public",
                "hidden/Bad.java: checks.Bad.notPublic: a @Test method must be public, take no arguments and return"
                        + " void",
                "hidden/Bad.java: checks.Bad.returnsSomething: a @Test method must be public, take no arguments and"
                        + " return void",
                "hidden/Bad.java: checks.Bad.takesArguments: a @Test method must be public, take no arguments and"
                        + " return void"), found.problems());
    }

    @Test
    void refusesSourcesThatDoNotParseOrHoldNoTest() {
        assertEquals(List.of("no method in hidden/A.java is annotated @Test"),
                HiddenTests.discover(Map.of("hidden/A.java", "public class A { }")).problems());
        List<String> broken = HiddenTests.discover(Map.of("hidden/B.java", "public class B { void x( }")).problems();
        assertEquals(1, broken.size(), broken::toString);
        assertTrue(broken.get(0).startsWith("hidden/B.java:1: "), broken::toString);
    }

    @Test
    void cutsCompilerMessagesToLinesThatQuoteNoHiddenSource() {
        HiddenTests tests = new HiddenTests(
                Map.of("hidden/T.java", "class T {\n    int secretAnswer = Net.answer();\n}\n"),
                List.of(new HiddenTests.TestCase("T", "x", false)));
        assertEquals("cannot find symbol; symbol: method answer(); location: class Net",
                HiddenTestDiagnostics.withoutSource("cannot find symbol\n  symbol:   method answer()\n"
                        + "  location: class Net", tests));
        assertEquals("a line of the hidden tests does not fit your classes",
                HiddenTestDiagnostics.withoutSource("bad: int secretAnswer = Net.answer();", tests));
        assertEquals("incompatible types; required: int", HiddenTestDiagnostics.withoutSource(
                "incompatible types\n    int secretAnswer = Net.answer();\n  required: int", tests));
    }
}
