package org.backprop.server.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.backprop.server.assignment.Assignment;
import org.backprop.server.assignment.RubricItem;

/**
 * Writes the report a member starts from: the assignment's title and a heading for each section its {@code report}
 * rubric items require, the headings that check looks for. Starter files are Java sources only, so there is no
 * report among them to start from. Callers hold a transaction.
 */
final class ReportTemplate {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportTemplate() {
    }

    static String of(Assignment assignment) {
        StringBuilder markdown = new StringBuilder("# ").append(assignment.title).append("\n");
        for (RubricItem item : RubricItem.<RubricItem>list("assignmentId = ?1 and checkName = 'report' order by"
                + " position", assignment.id)) {
            for (JsonNode section : params(item).path("sections")) {
                markdown.append("\n## ").append(section.asText()).append("\n");
            }
        }
        return markdown.toString();
    }

    private static JsonNode params(RubricItem item) {
        try {
            return JSON.readTree(item.paramsJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Rubric item " + item.id + " holds parameters that do not read back", e);
        }
    }
}
