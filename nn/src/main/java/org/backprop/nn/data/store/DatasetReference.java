package org.backprop.nn.data.store;

/**
 * What a program names when it loads a dataset, as TFDS writes it: {@code "fashion_mnist"} (whichever version the
 * run context uses) or {@code "fashion_mnist:1.0.0"}. {@code version} is null when the text names none.
 */
public record DatasetReference(String name, String version) {

    /** Returns the reference {@code text} spells; fails with a message a student understands when it is malformed. */
    public static DatasetReference parse(String text) {
        return parse(text, "dataset", "fashion_mnist");
    }

    /**
     * Returns the reference {@code text} spells, for anything a course publishes by name and version under the same
     * rules (a {@code kind} such as "pretrained model", with an {@code example} name such as "vgg16" for messages).
     */
    public static DatasetReference parse(String text, String kind, String example) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Name the " + kind + " to load, e.g. \"" + example + "\" or \""
                    + example + ":1.0.0\".");
        }
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        String version = colon < 0 ? null : text.substring(colon + 1);
        if (!isName(name) || version != null && !isName(version)) {
            throw new IllegalArgumentException("\"" + text + "\" is not a " + kind + " name: use letters, digits, '_',"
                    + " '-' and '.', with an optional \":version\", e.g. \"" + example + "\" or \"" + example
                    + ":1.0.0\".");
        }
        return new DatasetReference(name, version);
    }

    /** Returns whether this reference names {@code name} at {@code version} (any version when it names none). */
    public boolean matches(String otherName, String otherVersion) {
        return name.equals(otherName) && (version == null || version.equals(otherVersion));
    }

    /** Returns whether {@code manifest} is the dataset this reference names (any version when it names none). */
    public boolean matches(DatasetManifest manifest) {
        return matches(manifest.name(), manifest.version());
    }

    @Override
    public String toString() {
        return version == null ? name : name + ":" + version;
    }

    /** Names and versions are what a manifest allows: letters, digits, '_', '-' and '.', 1 to 100 characters. */
    static boolean isName(String value) {
        if (value.isEmpty() || value.length() > 100 || value.equals(".") || value.equals("..")) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
                    || c == '.')) {
                return false;
            }
        }
        return true;
    }
}
