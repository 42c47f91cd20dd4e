package org.backprop.server.dataset;

/**
 * How much one import may take: bytes extracted from the archive, entries in it (both guard against archive
 * bombs and stop before the disk fills), and bytes of the stored shards together.
 */
public record ImportLimits(long maxExtractedBytes, int maxEntries, long maxDatasetBytes) {
}
