package org.backprop.nn.json;

import java.util.Arrays;

/** The stack of open containers that {@link JsonWriter} and {@link JsonReader} track, innermost on top. */
final class Scopes {
    static final int EMPTY_DOCUMENT = 0;
    static final int NONEMPTY_DOCUMENT = 1;
    static final int EMPTY_ARRAY = 2;
    static final int NONEMPTY_ARRAY = 3;
    /** An array the writer has spread over several lines because it holds a container. */
    static final int BROKEN_ARRAY = 4;
    static final int EMPTY_OBJECT = 5;
    static final int NONEMPTY_OBJECT = 6;
    /** An object whose member name has been read or written but not yet its value. */
    static final int DANGLING_NAME = 7;

    private int[] stack = new int[16];
    private int size = 1;

    int peek() {
        return stack[size - 1];
    }

    void push(int scope) {
        if (size == stack.length) {
            stack = Arrays.copyOf(stack, size * 2);
        }
        stack[size++] = scope;
    }

    void replaceTop(int scope) {
        stack[size - 1] = scope;
    }

    /** Pops the innermost scope, which must be one of {@code allowed}; {@code call} names the caller in errors. */
    int pop(String call, int... allowed) {
        int top = peek();
        for (int scope : allowed) {
            if (scope == top && size > 1) {
                size--;
                return top;
            }
        }
        throw new IllegalStateException(call + "() does not match the innermost open container");
    }

    /** Returns the number of open objects and arrays. */
    int depth() {
        return size - 1;
    }

    boolean documentComplete() {
        return size == 1 && stack[0] == NONEMPTY_DOCUMENT;
    }
}
