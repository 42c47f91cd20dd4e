package org.backprop.nn.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a hidden test class as one test: public, no arguments, returning {@code void}. The grader
 * finds tests in the test's source, so the annotation never reaches the compiled program (source retention).
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
public @interface Test {
}
