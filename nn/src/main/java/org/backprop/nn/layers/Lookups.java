package org.backprop.nn.layers;

import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;

/** The table look-up that Embedding and PositionalEmbedding share, with errors that name the layer. */
final class Lookups {
    private Lookups() {
    }

    /** Returns the rows of {@code table} {@code [rows, width]} named by {@code ids} {@code [s…]}: {@code [s…, width]}. */
    static Tensor rows(Layer layer, Tensor table, Tensor ids) {
        try {
            return Ops.gather(table, ids);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Layer \"" + layer.name() + "\" (" + layer.typeName() + ") cannot"
                    + " look up its input: " + e.getMessage(), e);
        }
    }
}
