package org.backprop.server.assignment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An assignment folder sent as JSON: its id and its files by path relative to the folder. */
@Schema(example = "{\"id\": \"hw-convnets\", \"files\": {\"assignment.yaml\": \"title: ...\","
        + " \"starter/Main.java\": \"public class Main { ... }\"}}")
public record ImportRequest(
        @NotBlank(message = "is required (the folder name, e.g. hw-convnets)") String id,
        @NotEmpty(message = "is required: the folder's files, with assignment.yaml among them")
        @Size(max = AssignmentFolder.MAX_FILES, message = "may hold at most " + AssignmentFolder.MAX_FILES + " files")
        @Schema(description = "File text by relative path, e.g. assignment.yaml or starter/Main.java")
        Map<String, String> files) {
}
