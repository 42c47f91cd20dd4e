package org.backprop.server.assignment;

import java.util.List;

/** An assignment spec that cannot be published; carries every error found, not only the first. */
public class InvalidSpecException extends RuntimeException {
    private final List<SpecError> errors;

    InvalidSpecException(List<SpecError> errors) {
        super(errors.size() + " errors in assignment.yaml");
        this.errors = List.copyOf(errors);
    }

    public List<SpecError> errors() {
        return errors;
    }
}
