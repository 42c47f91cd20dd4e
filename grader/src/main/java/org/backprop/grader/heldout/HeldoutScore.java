package org.backprop.grader.heldout;

/**
 * How a saved model fared on a hidden split: its accuracy and the number of examples scored, or why it could not
 * be scored (in words for the student: the model does not load, does not fit the images, ...).
 */
public record HeldoutScore(Double accuracy, int examples, String problem) {

    public HeldoutScore {
        if ((accuracy == null) == (problem == null)) {
            throw new IllegalArgumentException("a score has either an accuracy or a problem");
        }
    }

    static HeldoutScore of(double accuracy, int examples) {
        return new HeldoutScore(accuracy, examples, null);
    }

    static HeldoutScore failed(String problem) {
        return new HeldoutScore(null, 0, problem);
    }
}
