/**
 * What an instructor writes hidden tests with: {@link org.backprop.nn.testing.Test} marks a test method and
 * {@link org.backprop.nn.testing.Assertions} checks what the student's classes do, failing with an
 * {@link org.backprop.nn.testing.AssertionFailedError} whose message the student reads in the grader's feedback.
 *
 * <p>A hidden test class sits in the assignment's folder (e.g. {@code hidden/SavedModelTest.java}), public or in
 * the default package, with a public no-argument constructor when it has instance test methods. Each method marked
 * {@code @Test} that is public, takes no arguments and returns {@code void} is one test; the grader runs each
 * against the submitted classes (an instance method on a fresh instance) and counts it passed when it returns,
 * failed when an assertion fails and errored when anything else is thrown. Works on the JVM and under TeaVM.
 */
package org.backprop.nn.testing;
