package org.backprop.nn.autograd;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.backend.Backends;
import org.backprop.nn.backend.BinaryOp;
import org.backprop.nn.internal.TensorInternals;

/** Reverse-mode differentiation: from a scalar loss back to the tensors that need gradients. */
public final class Gradients {
    private Gradients() {
    }

    /**
     * Returns d(loss)/d(t) for each tensor in {@code wrt}, in the same order; a tensor the loss does not
     * depend on gets zeros. {@code loss} must hold one value. Gradients reach weights' values and tensors made
     * leaves with {@link Tensor#asVariable()}, as Keras's {@code tape.watch(image)}; an image an optimizer moves is
     * a {@link Variable}, as the book's {@code tf.Variable} combination image: {@code Gradients.of(loss,
     * List.of(image.value()))}, then {@code optimizer.applyGradients(grads, List.of(image))}.
     */
    public static List<Tensor> of(Tensor loss, List<Tensor> wrt) {
        if (loss.size() != 1) {
            throw new IllegalArgumentException("gradients need a scalar loss, got shape " + Shapes.describe(loss.shape()));
        }
        List<Tensor> order = reverseTopologicalOrder(loss);
        Map<Tensor, Boolean> leadsToWrt = leadingTo(order, wrt);
        Map<Tensor, Tensor> grads = new IdentityHashMap<>();
        grads.put(loss, Tensor.filled(1f, loss.shape()));
        for (Tensor node : order) {
            Tensor outputGrad = grads.get(node);
            Function creator = TensorInternals.creator(node);
            if (outputGrad == null || creator == null || !leadsToWrt.containsKey(node)) {
                continue;
            }
            Tensor[] inputs = creator.inputs();
            Tensor[] inputGrads = creator.backward(outputGrad);
            for (int i = 0; i < inputs.length; i++) {
                if (inputGrads[i] == null || !inputs[i].requiresGrad() || !leadsToWrt.containsKey(inputs[i])) {
                    continue;
                }
                Tensor previous = grads.get(inputs[i]);
                grads.put(inputs[i], previous == null ? inputGrads[i]
                        : Backends.current().binary(BinaryOp.ADD, previous, inputGrads[i]));
            }
        }
        List<Tensor> result = new ArrayList<>(wrt.size());
        for (Tensor t : wrt) {
            Tensor grad = grads.get(t);
            result.add(grad == null ? Tensor.zeros(t.shape()) : grad);
        }
        return result;
    }

    /**
     * Returns d(loss)/d(w) for the current value of each weight in {@code weights}, in the same order, as
     * {@code tape.gradient(loss, model.trainable_weights)} in a Keras train step: the graph is recorded as the
     * forward pass runs, so there is no tape to open. Hand the result to
     * {@link org.backprop.nn.optim.Optimizer#applyGradients}.
     */
    public static List<Tensor> ofWeights(Tensor loss, List<Variable> weights) {
        List<Tensor> leaves = new ArrayList<>(weights.size());
        for (Variable weight : weights) {
            leaves.add(weight.value());
        }
        return of(loss, leaves);
    }

    /**
     * Returns the tensors of {@code order} (each after all tensors computed from it) that are in {@code wrt} or
     * computed from one: only their gradients reach {@code wrt}. The rest of the graph is not differentiated, as
     * Keras's tape watches only the trainable weights: a frozen convolutional base under a trained classifier
     * (Deep Learning with Python, listing 8.24) costs its forward pass alone, and fine-tuning its last block
     * (listing 8.27) goes back through that block only.
     */
    private static Map<Tensor, Boolean> leadingTo(List<Tensor> order, List<Tensor> wrt) {
        Map<Tensor, Boolean> leading = new IdentityHashMap<>();
        for (Tensor t : wrt) {
            leading.put(t, Boolean.TRUE);
        }
        for (int n = order.size() - 1; n >= 0; n--) {
            Tensor node = order.get(n);
            Function creator = TensorInternals.creator(node);
            if (creator == null || leading.containsKey(node)) {
                continue;
            }
            for (Tensor input : creator.inputs()) {
                if (leading.containsKey(input)) {
                    leading.put(node, Boolean.TRUE);
                    break;
                }
            }
        }
        return leading;
    }

    /** Returns every tensor the loss depends on, each after all tensors computed from it. */
    private static List<Tensor> reverseTopologicalOrder(Tensor loss) {
        List<Tensor> order = new ArrayList<>();
        Map<Tensor, Boolean> visited = new IdentityHashMap<>();
        // An explicit stack: deep networks would overflow the call stack, especially under TeaVM.
        List<Tensor> stack = new ArrayList<>();
        List<Integer> nextChild = new ArrayList<>();
        stack.add(loss);
        nextChild.add(0);
        visited.put(loss, Boolean.TRUE);
        while (!stack.isEmpty()) {
            int top = stack.size() - 1;
            Tensor node = stack.get(top);
            Function creator = TensorInternals.creator(node);
            Tensor[] children = creator == null ? new Tensor[0] : creator.inputs();
            int child = nextChild.get(top);
            if (child < children.length) {
                nextChild.set(top, child + 1);
                Tensor next = children[child];
                if (next.requiresGrad() && visited.put(next, Boolean.TRUE) == null) {
                    stack.add(next);
                    nextChild.add(0);
                }
            } else {
                order.add(node);
                stack.remove(top);
                nextChild.remove(top);
            }
        }
        java.util.Collections.reverse(order);
        return order;
    }
}
