package org.backprop.server.compile;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A program to compile: the class that holds {@code main} and the Java files by relative path. */
@Schema(example = "{\"mainClass\": \"Main\", \"files\": {\"Main.java\": \"public class Main { public static void"
        + " main(String[] args) { System.out.println(1); } }\"}}")
public record CompileRequest(
        @Schema(description = "Fully qualified name of the class with main", example = "Main") String mainClass,
        @Schema(description = "Source text by relative path, e.g. Main.java or model/Net.java") Map<String, String> files) {
}
