package org.backprop.grader.compile;

/**
 * No compile could be started: every compile worker stayed busy, or none could be started. Nothing is wrong with the
 * program; the message tells the student to try again, and the server answers 503.
 */
public class CompileUnavailableException extends RuntimeException {

    public CompileUnavailableException(String message) {
        super(message);
    }
}
