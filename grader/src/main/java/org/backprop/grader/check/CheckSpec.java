package org.backprop.grader.check;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backprop.grader.result.Visibility;

/**
 * One check of the catalogue as an assignment sees it: its name in {@code assignment.yaml}, what it decides (for
 * the instructor), the parameters it takes, the evidence it reads, when students see its result unless the
 * assignment says otherwise, and its implementation (empty for checks a TA scores).
 */
public record CheckSpec(String name, String description, List<ParamSpec> params, Set<EvidenceKind> evidence,
        Visibility defaultVisibility, Check implementation) {

    public CheckSpec {
        params = List.copyOf(params);
        evidence = Set.copyOf(evidence);
    }

    /** Returns the parameter {@code param}, if the check takes one of that name. */
    public Optional<ParamSpec> param(String param) {
        return params.stream().filter(spec -> spec.name().equals(param)).findFirst();
    }

    /** Returns the implementation, or empty when a TA scores the item. */
    public Optional<Check> automatic() {
        return Optional.ofNullable(implementation);
    }
}
