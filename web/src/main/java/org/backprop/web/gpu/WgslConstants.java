package org.backprop.web.gpu;

/**
 * Sets a kernel's pipeline constants: the ops write a variant's op code, indexing mode or thread layout into the
 * WGSL source ({@code const NAME: u32 = …;}), one pipeline per variant, because SwiftShader runs every branch a
 * run-time switch might take.
 */
final class WgslConstants {
    private WgslConstants() {
    }

    /** Returns {@code wgsl} with its {@code u32} constant {@code name} set to {@code value}. */
    static String with(String wgsl, String name, int value) {
        return with(wgsl, name, value + "u");
    }

    /** Returns {@code wgsl} with its boolean constant {@code name} set to {@code value}. */
    static String with(String wgsl, String name, boolean value) {
        return with(wgsl, name, String.valueOf(value));
    }

    /** Fails rather than returning the source unchanged when it declares no such constant. */
    private static String with(String wgsl, String name, String value) {
        int declaration = wgsl.indexOf("const " + name + ":");
        if (declaration < 0) {
            throw new IllegalArgumentException("the kernel declares no constant " + name);
        }
        int equals = wgsl.indexOf('=', declaration);
        int end = wgsl.indexOf(';', equals);
        return wgsl.substring(0, equals + 1) + " " + value + wgsl.substring(end);
    }
}
