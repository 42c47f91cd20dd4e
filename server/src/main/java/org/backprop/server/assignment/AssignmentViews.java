package org.backprop.server.assignment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.backprop.server.course.Course;

/** Builds assignment views from the entities; check parameters go to staff only. */
@ApplicationScoped
class AssignmentViews {
    @Inject
    ObjectMapper json;

    AssignmentView of(Assignment assignment, boolean staff) {
        Course course = Course.findById(assignment.courseId);
        List<RubricItemView> rubric = RubricItem.<RubricItem>list("assignmentId = ?1 order by position", assignment.id)
                .stream()
                .map(item -> new RubricItemView(item.key, item.points, item.description, item.checkName,
                        staff ? read(item.paramsJson) : null))
                .toList();
        BigDecimal total = rubric.stream().map(RubricItemView::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<String> starter = StarterFile.<StarterFile>list("key.assignmentId = ?1 order by key.path", assignment.id)
                .stream().map(file -> file.key.path).toList();
        return new AssignmentView(assignment.id, assignment.courseId, assignment.slug, assignment.title,
                assignment.summary, assignment.teamSetId, assignment.mainClass,
                DeadlineView.of(assignment.timeline(), course.timeZone, Duration.ZERO), datasets(assignment), starter,
                rubric, total, assignment.updatedAt);
    }

    private List<DatasetView> datasets(Assignment assignment) {
        List<DatasetView> datasets = new ArrayList<>();
        for (JsonNode dataset : read(assignment.specJson).path("datasets")) {
            List<String> splits = new ArrayList<>();
            dataset.path("splits").forEach(split -> splits.add(split.asText()));
            String name = dataset.path("name").asText();
            String version = dataset.hasNonNull("version") ? dataset.get("version").asText() : null;
            String imported = CourseDatasets.resolve(assignment.courseId, name, version);
            datasets.add(new DatasetView(name, version, dataset.path("source").asText(), splits,
                    dataset.hasNonNull("hidden") ? dataset.get("hidden").asText() : null, imported,
                    imported != null ? null : CourseDatasets.missing(assignment.courseId, name, version)));
        }
        return datasets;
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The server wrote this JSON itself", e);
        }
    }
}
