package org.backprop.nn;

/** The activations a layer can apply to its output, by their Keras names. */
public enum Activation {
    LINEAR("linear"),
    RELU("relu");

    private final String kerasName;

    Activation(String kerasName) {
        this.kerasName = kerasName;
    }

    /** Returns the name Keras uses, e.g. {@code "relu"}. */
    public String kerasName() {
        return kerasName;
    }

    /** Returns the activation Keras calls {@code name}. */
    public static Activation byName(String name) {
        for (Activation activation : values()) {
            if (activation.kerasName.equals(name)) {
                return activation;
            }
        }
        throw new IllegalArgumentException("activation must be one of linear, relu; got \"" + name + "\"");
    }
}
