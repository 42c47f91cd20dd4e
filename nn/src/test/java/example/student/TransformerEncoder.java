package example.student;

import org.backprop.nn.Tensor;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.layers.LayerConfig;
import org.backprop.nn.layers.LayerNormalization;
import org.backprop.nn.layers.MultiHeadAttention;
import org.backprop.nn.models.Sequential;

/**
 * Deep Learning with Python's {@code TransformerEncoder} (chapter 11) as a student translates it, from the public API
 * only: a layer made of layers, the way {@link Layer}'s documentation shows.
 */
public final class TransformerEncoder extends Layer {
    private final int embedDim;
    private final int denseDim;
    private final int numHeads;
    private final MultiHeadAttention attention;
    private final Sequential denseProj;
    private final LayerNormalization layernorm1;
    private final LayerNormalization layernorm2;

    public TransformerEncoder(int embedDim, int denseDim, int numHeads) {
        super("transformer_encoder");
        this.embedDim = embedDim;
        this.denseDim = denseDim;
        this.numHeads = numHeads;
        attention = track(new MultiHeadAttention(numHeads, embedDim));
        denseProj = track(new Sequential(new Dense(denseDim, "relu"), new Dense(embedDim)));
        layernorm1 = track(new LayerNormalization());
        layernorm2 = track(new LayerNormalization());
    }

    @Override
    public String typeName() {
        return "TransformerEncoder";
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape;
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        return forward(inputs, null, training);
    }

    @Override
    protected Tensor forward(Tensor inputs, Tensor mask, boolean training) {
        Tensor attentionMask = mask == null ? null : mask.reshape(mask.dim(0), 1, mask.dim(1));
        Tensor attended = attention.callWithAttentionMask(inputs, inputs, attentionMask, training);
        Tensor projInput = layernorm1.call(inputs.add(attended), training);
        Tensor projOutput = denseProj.call(projInput, training);
        return layernorm2.call(projInput.add(projOutput), training);
    }

    @Override
    public LayerConfig getConfig() {
        return super.getConfig().put("embed_dim", embedDim).put("dense_dim", denseDim).put("num_heads", numHeads);
    }
}
