package org.backprop.nn.layers.preprocessing;

import org.backprop.nn.Tensor;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.layers.LayerConfig;
import org.backprop.nn.ops.Ops;

/** Multiplies inputs by {@code scale} and adds {@code offset}, as Keras's {@code Rescaling(1./255)}. */
public final class Rescaling extends Layer {
    private final float scale;
    private final float offset;

    public Rescaling(double scale) {
        this(scale, 0);
    }

    public Rescaling(double scale, double offset) {
        super("rescaling");
        this.scale = (float) scale;
        this.offset = (float) offset;
    }

    @Override
    public String typeName() {
        return "Rescaling";
    }

    @Override
    public LayerConfig getConfig() {
        return super.getConfig().put("scale", scale).put("offset", offset);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        Tensor scaled = Ops.scale(inputs, scale);
        return offset == 0f ? scaled : Ops.add(scaled, Tensor.scalar(offset));
    }
}
