package org.backprop.nn.backend;

import org.backprop.nn.records.RunRecord;

/**
 * The device a backend computes on is gone (a GPU reset, a driver crash, the browser reclaiming the GPU):
 * nothing it held can be read any more. A backend throws it with the device's reason; {@code fit} rethrows
 * it with a message that says after which epoch the run stopped and with the run record up to there.
 */
public final class DeviceLostException extends RuntimeException {
    private final transient RunRecord runRecord;

    /** Returns a loss reported by a backend, {@code message} being the device's own explanation. */
    public DeviceLostException(String message) {
        this(message, null);
    }

    public DeviceLostException(String message, RunRecord runRecord) {
        super(message);
        this.runRecord = runRecord;
    }

    /** Returns the run record up to the loss (its status says "device lost"), or {@code null} outside fit. */
    public RunRecord runRecord() {
        return runRecord;
    }
}
