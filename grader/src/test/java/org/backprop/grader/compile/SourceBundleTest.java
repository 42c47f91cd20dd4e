package org.backprop.grader.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceBundleTest {

    @Test
    void acceptsPackagedFilesAndSortsThem() {
        SourceBundle bundle = new SourceBundle("hw1.Main", Map.of("hw1/Main.java", "x", "A.java", "y"));
        assertEquals("[A.java, hw1/Main.java]", bundle.sortedFiles().keySet().toString());
    }

    @Test
    void rejectsPathTraversalAndNonJavaNames() {
        for (String name : new String[] {"../Main.java", "/etc/passwd.java", "a/../Main.java", "Main.txt",
                "Main .java", "C:\\Main.java", ""}) {
            InvalidSourcesException error = assertThrows(InvalidSourcesException.class,
                    () -> new SourceBundle("Main", Map.of(name, "class Main {}")), name);
            assertEquals("\"" + name + "\" is not a valid source file name: use names like Main.java or"
                    + " model/Net.java (letters, digits, _ and /, ending in .java).", error.getMessage());
        }
    }

    @Test
    void explainsAMissingOrMalformedMainClass() {
        assertEquals("Say which class holds main: \"mainClass\" is missing.", assertThrows(
                InvalidSourcesException.class, () -> new SourceBundle(null, Map.of("A.java", ""))).getMessage());
        assertEquals("\"mainClass\" must be a Java class name such as Main or hw1.Main, got \"Main;rm\".",
                assertThrows(InvalidSourcesException.class,
                        () -> new SourceBundle("Main;rm", Map.of("A.java", ""))).getMessage());
    }

    @Test
    void explainsMissingFilesAndContent() {
        assertEquals("There is nothing to compile: \"files\" is missing or empty.", assertThrows(
                InvalidSourcesException.class, () -> new SourceBundle("Main", Map.of())).getMessage());
        Map<String, String> nullContent = new HashMap<>();
        nullContent.put("Main.java", null);
        assertEquals("The file Main.java has no content.", assertThrows(
                InvalidSourcesException.class, () -> new SourceBundle("Main", nullContent)).getMessage());
    }

    @Test
    void refusesSourcesOverTheSizeLimitAsTooLarge() {
        String big = "/" + "*".repeat(SourceBundle.MAX_TOTAL_BYTES) + "/";
        InvalidSourcesException error = assertThrows(InvalidSourcesException.class,
                () -> new SourceBundle("Main", Map.of("Main.java", big)));
        assertInstanceOf(InvalidSourcesException.TooLarge.class, error);
        assertEquals("The sources are 512 KiB; a program may have at most 512 KiB of source.", error.getMessage());
    }
}
