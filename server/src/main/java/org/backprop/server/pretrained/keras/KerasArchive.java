package org.backprop.server.pretrained.keras;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The three parts of a Keras 3 {@code .keras} file, a zip archive that {@code model.save("model.keras")} writes:
 * {@code config.json} (the model's architecture), {@code metadata.json} (the Keras version) and {@code
 * model.weights.h5} (the weights, HDF5). Reading streams the zip once and counts every uncompressed byte against
 * {@link KerasLimits}, so a zip bomb stops at the limit whatever sizes its entries claim.
 */
record KerasArchive(String config, String metadata, byte[] weights) {
    static final String CONFIG = "config.json";
    static final String METADATA = "metadata.json";
    static final String WEIGHTS = "model.weights.h5";

    /** Returns the parts of the archive {@code in} holds; fails, saying what is wrong, on anything else. */
    static KerasArchive read(InputStream in, KerasLimits limits) {
        String config = null;
        String metadata = null;
        byte[] weights = null;
        long otherBytes = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > limits.maxEntries()) {
                    throw new IllegalArgumentException("the archive has more than " + limits.maxEntries()
                            + " entries");
                }
                String name = entry.getName();
                switch (name) {
                    case CONFIG -> config = text(first(config, name), zip, entry, limits.maxJsonBytes());
                    case METADATA -> metadata = text(first(metadata, name), zip, entry, limits.maxJsonBytes());
                    case WEIGHTS -> weights = bytes(first(weights, name), zip, entry, limits.maxWeightsBytes());
                    default -> otherBytes += bytes(name, zip, entry, limits.maxOtherBytes() - otherBytes).length;
                }
            }
        } catch (ZipException e) {
            throw new IllegalArgumentException("the file is not a valid zip archive (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("the archive cannot be read: " + e.getMessage(), e);
        }
        if (entries == 0) {
            throw new IllegalArgumentException("the file is not a .keras archive: it is empty or not a zip file");
        }
        if (config == null || weights == null) {
            throw new IllegalArgumentException("the archive has no " + (config == null ? CONFIG : WEIGHTS) + "; save"
                    + " the model with Keras 3's model.save(\"name.keras\")");
        }
        return new KerasArchive(config, metadata, weights);
    }

    /** Returns {@code name}, failing when the entry was already read: a second copy would be ambiguous. */
    private static String first(Object previous, String name) {
        if (previous != null) {
            throw new IllegalArgumentException("the archive holds " + name + " twice");
        }
        return name;
    }

    private static String text(String name, InputStream in, ZipEntry entry, long limit) throws IOException {
        return new String(bytes(name, in, entry, limit), StandardCharsets.UTF_8);
    }

    /**
     * Reads the current entry whole, failing as soon as it passes {@code limit} bytes. The array starts at the size
     * the entry claims (within the limit), so that the hundreds of megabytes of a VGG16's weights are not copied
     * while they grow; the claim is only a hint, the bytes read are what count.
     */
    private static byte[] bytes(String name, InputStream in, ZipEntry entry, long limit) throws IOException {
        long claimed = entry.getSize();
        byte[] buffer = new byte[(int) Math.min(limit, claimed >= 0 ? claimed : 64 * 1024)];
        int total = 0;
        while (true) {
            if (total == buffer.length) {
                int next = in.read();
                if (next < 0) {
                    return buffer;
                }
                if (total + 1L > limit) {
                    throw new IllegalArgumentException("entry " + name + " of the archive unpacks to more than "
                            + limit + " bytes, more than a .keras file may hold here");
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min(limit, Math.max(2L * buffer.length, 1024)));
                buffer[total++] = (byte) next;
                continue;
            }
            int n = in.read(buffer, total, buffer.length - total);
            if (n < 0) {
                return Arrays.copyOf(buffer, total);
            }
            total += n;
        }
    }
}
