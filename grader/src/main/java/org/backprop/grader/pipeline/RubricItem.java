package org.backprop.grader.pipeline;

import java.util.Map;
import org.backprop.grader.result.Visibility;

/**
 * One item of an assignment's rubric, as its YAML gives it: a key unique in the assignment, a description for
 * students, its points, the check from the catalogue that grades it with its parameters (which may be hidden
 * from students, e.g. a held-out split's name), and when students see the item's result.
 */
public record RubricItem(String key, String description, double points, String check, Map<String, Object> params,
        Visibility visibility) {

    public RubricItem {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("key must not be blank, got " + key);
        }
        if (!(points >= 0)) {
            throw new IllegalArgumentException("item " + key + ": points must be 0 or more, got " + points);
        }
        if (check == null || check.isBlank()) {
            throw new IllegalArgumentException("item " + key + ": check must not be blank, got " + check);
        }
        description = description == null ? "" : description;
        params = params == null ? Map.of() : Map.copyOf(params);
        visibility = visibility == null ? Visibility.VISIBLE : visibility;
    }
}
