package org.backprop.server.dataset;

/**
 * The data an instructor brought cannot become a dataset. The message names the file and, where there is one,
 * the record or image, and says what is wrong, for the instructor to fix; nothing of the import is kept.
 */
public class DatasetImportException extends RuntimeException {
    public DatasetImportException(String message) {
        super(message);
    }

    public DatasetImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
