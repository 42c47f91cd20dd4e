package org.backprop.grader.result;

/** When a student sees a graded item. */
public enum Visibility {
    /** As soon as the result is published. */
    VISIBLE,
    /** Only after the assignment's due date, so that hidden checks do not leak while others still work. */
    AFTER_DUE,
    /** Only staff ever see it. */
    HIDDEN
}
