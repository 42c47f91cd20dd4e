package org.backprop.grader.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
    void hashesTheSnapshotInItsDocumentedEncoding() {
        // Computed apart from this code (Python's hashlib) from the encoding SourceBundle.sha256() documents.
        SourceBundle bundle = new SourceBundle("Main", Map.of("a/B.java", "\u00e9", "Main.java", "class Main {}"));
        assertEquals("7356a13e3e65875de12710b8f91b11351b0224cb614c6c7b53bd9e7acb07f072", bundle.sha256());
        assertEquals(bundle.sha256(), new SourceBundle("Main", new HashMap<>(Map.of("Main.java", "class Main {}",
                "a/B.java", "\u00e9"))).sha256(), "the order the files arrive in does not matter");
        assertNotEquals(new SourceBundle("Main", Map.of("A.java", "bc")).sha256(),
                new SourceBundle("Main", Map.of("A.java", "b", "C.java", "")).sha256());
        assertNotEquals(bundle.sha256(), new SourceBundle("a.Main", bundle.files()).sha256(), "the main class counts");
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
