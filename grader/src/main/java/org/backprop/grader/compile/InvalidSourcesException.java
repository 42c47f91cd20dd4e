package org.backprop.grader.compile;

/** The sources cannot be compiled as sent; the message tells the student what to change. */
public class InvalidSourcesException extends RuntimeException {

    public InvalidSourcesException(String message) {
        super(message);
    }

    /** The sources are over a size limit. */
    public static final class TooLarge extends InvalidSourcesException {
        public TooLarge(String message) {
            super(message);
        }
    }
}
