package org.backprop.nn.ops;

import org.backprop.nn.Tensor;
import org.backprop.nn.autograd.Function;
import org.backprop.nn.backend.Backends;

/**
 * o = softmax(q · kᵀ) · v per head, fused. Saves the output and each query row's log-sum-exp of scores, from
 * which backward recomputes P = softmax(q · kᵀ): dv = Pᵀ · do, dS = P ∘ (do · vᵀ − rowsum(do ∘ o)), dq = dS · k,
 * dk = dSᵀ · q.
 */
final class Attention extends Function {
    private final Tensor q;
    private final Tensor k;
    private final Tensor v;
    private final Tensor output;
    private final Tensor logSumExp;

    private Attention(Tensor q, Tensor k, Tensor v, Tensor output, Tensor logSumExp) {
        super(q, k, v);
        this.q = q;
        this.k = k;
        this.v = v;
        this.output = output;
        this.logSumExp = logSumExp;
    }

    static Tensor apply(Tensor q, Tensor k, Tensor v) {
        Tensor[] results = Backends.current().attention(q, k, v);
        return Ops.record(results[0], new Attention(q, k, v, results[0], results[1]));
    }

    @Override
    public Tensor[] backward(Tensor dOutput) {
        return Backends.current().attentionBackward(q, k, v, output, logSumExp, dOutput);
    }

    @Override
    public String name() {
        return "attention";
    }
}
