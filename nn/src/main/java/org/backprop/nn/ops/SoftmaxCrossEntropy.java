package org.backprop.nn.ops;

import org.backprop.nn.Tensor;
import org.backprop.nn.autograd.Function;
import org.backprop.nn.backend.Backends;

/**
 * loss[row] = −Σ targets · logSoftmax(logits) along the last axis, fused; d logits = (Σ targets · softmax −
 * targets) · d loss. Targets are data: they get no gradient.
 */
final class SoftmaxCrossEntropy extends Function {
    private final Tensor logits;
    private final Tensor targets;

    private SoftmaxCrossEntropy(Tensor logits, Tensor targets) {
        super(logits);
        this.logits = logits;
        this.targets = targets;
    }

    static Tensor apply(Tensor logits, Tensor targets) {
        Tensor losses = Backends.current().softmaxCrossEntropy(logits, targets);
        return Ops.record(losses, new SoftmaxCrossEntropy(logits, targets));
    }

    @Override
    public Tensor[] backward(Tensor dLoss) {
        return new Tensor[] {Backends.current().softmaxCrossEntropyBackward(logits, targets, dLoss)};
    }

    @Override
    public String name() {
        return "softmax_cross_entropy";
    }
}
