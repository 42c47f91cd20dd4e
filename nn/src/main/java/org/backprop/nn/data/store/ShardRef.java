package org.backprop.nn.data.store;

/**
 * One shard of a split as the manifest names it: the SHA-256 of its bytes (64 lower-case hex digits), its size
 * in bytes and the number of examples it holds.
 */
public record ShardRef(String sha256, long bytes, int examples) {

    public ShardRef {
        if (sha256 == null || !isSha256(sha256)) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got " + sha256);
        }
        if (bytes < Shard.HEADER_BYTES) {
            throw new IllegalArgumentException("bytes must be at least " + Shard.HEADER_BYTES + ", got " + bytes);
        }
        if (examples < 1) {
            throw new IllegalArgumentException("examples must be at least 1, got " + examples);
        }
    }

    /** Returns whether {@code text} is 64 lower-case hex digits, the form every shard hash takes. */
    public static boolean isSha256(String text) {
        if (text.length() != 64) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
