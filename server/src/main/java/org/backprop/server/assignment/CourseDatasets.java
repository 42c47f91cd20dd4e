package org.backprop.server.assignment;

import java.util.List;
import java.util.Optional;
import org.backprop.server.dataset.Dataset;

/**
 * Resolves an assignment's {@code datasets:} entry to one of its course's imported datasets, by name and, when the
 * entry gives one, version (else the newest import), and says what is missing when none matches.
 */
public final class CourseDatasets {
    private CourseDatasets() {
    }

    /** Returns the version of the course's dataset the entry uses, or null when none matches. */
    static String resolve(long courseId, String name, String version) {
        return find(courseId, name, version).map(dataset -> dataset.version).orElse(null);
    }

    /**
     * Returns the course's dataset the entry uses ({@code version} null: the newest import of {@code name}), or
     * empty when none matches.
     */
    public static Optional<Dataset> find(long courseId, String name, String version) {
        return Dataset.<Dataset>list("courseId = ?1 and name = ?2 order by createdAt desc", courseId, name).stream()
                .filter(dataset -> version == null || dataset.version.equals(version)).findFirst();
    }

    /** Returns, for the staff, why no dataset of the course matches the entry. */
    static String missing(long courseId, String name, String version) {
        List<String> versions = versions(courseId, name);
        return versions.isEmpty()
                ? "No dataset named " + name + " has been imported into this course yet: import it before students"
                        + " need it."
                : "The course has " + name + " in version " + String.join(", ", versions) + " but not in version "
                        + version + ".";
    }

    /** Returns the versions of {@code name} the course has, newest import first. */
    private static List<String> versions(long courseId, String name) {
        return Dataset.<Dataset>list("courseId = ?1 and name = ?2 order by createdAt desc", courseId, name).stream()
                .map(dataset -> dataset.version).toList();
    }
}
