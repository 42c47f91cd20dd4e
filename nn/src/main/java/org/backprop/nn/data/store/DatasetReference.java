package org.backprop.nn.data.store;

/**
 * What a program names when it loads a dataset, as TFDS writes it: {@code "fashion_mnist"} (whichever version the
 * run context uses) or {@code "fashion_mnist:1.0.0"}. {@code version} is null when the text names none.
 */
public record DatasetReference(String name, String version) {

    /** Returns the reference {@code text} spells; fails with a message a student understands when it is malformed. */
    public static DatasetReference parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Name the dataset to load, e.g. \"fashion_mnist\" or"
                    + " \"fashion_mnist:1.0.0\".");
        }
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        String version = colon < 0 ? null : text.substring(colon + 1);
        if (!isName(name) || version != null && !isName(version)) {
            throw new IllegalArgumentException("\"" + text + "\" is not a dataset name: use letters, digits, '_', '-'"
                    + " and '.', with an optional \":version\", e.g. \"fashion_mnist\" or \"fashion_mnist:1.0.0\".");
        }
        return new DatasetReference(name, version);
    }

    /** Returns whether {@code manifest} is the dataset this reference names (any version when it names none). */
    public boolean matches(DatasetManifest manifest) {
        return manifest.name().equals(name) && (version == null || manifest.version().equals(version));
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
