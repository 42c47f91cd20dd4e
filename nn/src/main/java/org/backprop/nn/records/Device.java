package org.backprop.nn.records;

/**
 * Where a run trained: the backend ({@code "cpu"} or {@code "webgpu"}) and the device in words as the backend
 * reports it (e.g. {@code "NVIDIA H100"} or {@code "Java 17, 8 cores"}).
 */
public record Device(String backend, String device) {

    public Device {
        Checks.notEmpty("backend", backend);
        Checks.notNull("device", device);
    }
}
