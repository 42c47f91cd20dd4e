package org.backprop.nn.models;

import org.backprop.nn.Tensor;

/** A model's output for a batch and the {@link org.backprop.nn.layers.Masks mask} it carries (null: none). */
record MaskedOutput(Tensor output, Tensor mask) {
}
