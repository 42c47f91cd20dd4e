package org.backprop.web.gpu;

import java.util.Arrays;

/**
 * Integers as a map key, compared by content: what the per-dispatch caches (parameter blocks, bind groups) look
 * up by. Cheaper than a string built from the same numbers, which TeaVM assembles character by character.
 */
final class IntArrayKey {
    private final int[] values;
    private final int hash;

    /** Wraps {@code values} without copying them: for a lookup; {@link #copy} before storing the key. */
    IntArrayKey(int[] values) {
        this.values = values;
        this.hash = Arrays.hashCode(values);
    }

    /** Returns a key that owns its values, for a map: the caller may reuse the array it passed. */
    IntArrayKey copy() {
        return new IntArrayKey(values.clone());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IntArrayKey && Arrays.equals(values, ((IntArrayKey) other).values);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
