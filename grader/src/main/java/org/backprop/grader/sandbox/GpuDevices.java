package org.backprop.grader.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The device files a Vulkan driver needs to reach a GPU: NVIDIA's ({@code /dev/nvidia*}) and the kernel's render
 * nodes ({@code /dev/dri}). The jail's {@code /dev} holds only these and the harmless basics ({@code null},
 * {@code zero}, {@code urandom}, ...); on a machine without a GPU the list is empty and Dawn uses SwiftShader.
 */
final class GpuDevices {
    private GpuDevices() {
    }

    /** Returns the GPU device paths present on this machine. */
    static List<String> present() {
        List<String> devices = new ArrayList<>();
        try (Stream<Path> dev = Files.list(Path.of("/dev"))) {
            dev.map(Path::toString).filter(name -> name.startsWith("/dev/nvidia")).sorted().forEach(devices::add);
        } catch (IOException e) {
            return List.of();
        }
        if (Files.isDirectory(Path.of("/dev/dri"))) {
            devices.add("/dev/dri");
        }
        return devices;
    }
}
