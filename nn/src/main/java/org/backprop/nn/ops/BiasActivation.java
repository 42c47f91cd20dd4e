package org.backprop.nn.ops;

import org.backprop.nn.Tensor;
import org.backprop.nn.autograd.Function;
import org.backprop.nn.backend.Backend;
import org.backprop.nn.backend.Backends;
import org.backprop.nn.backend.UnaryOp;

/**
 * The backward pass the fused ops y = activation(product(x, kernel) + bias) share ({@link FusedDense},
 * {@link FusedConv2D}): the activation's derivative is read from y (for ReLU and leaky ReLU with a slope ≥ 0,
 * y > 0 exactly where the pre-activation value is), so no pre-activation tensor is kept. dz = dy ·
 * activation'(y); the subclass turns dz into the product's two gradients; d bias = Σ dz over all but the last
 * axis.
 */
abstract class BiasActivation extends Function {
    private final Tensor bias;
    private final UnaryOp activation;
    private final float parameter;
    private final Tensor y;

    BiasActivation(Tensor x, Tensor kernel, Tensor bias, UnaryOp activation, float parameter, Tensor y) {
        super(bias == null ? new Tensor[] {x, kernel} : new Tensor[] {x, kernel, bias});
        this.bias = bias;
        this.activation = activation;
        this.parameter = parameter;
        this.y = y;
    }

    /** Returns d loss / d x and d loss / d kernel of the product, given dz; {@code null} where none is needed. */
    abstract Tensor[] productGradients(Backend backend, Tensor dz);

    @Override
    public final Tensor[] backward(Tensor dy) {
        Backend backend = Backends.current();
        Tensor dz = activation == null ? dy : backend.unaryBackward(activation, y, y, dy, parameter);
        Tensor[] product = productGradients(backend, dz);
        if (bias == null) {
            return product;
        }
        return new Tensor[] {product[0], product[1],
            bias.requiresGrad() ? backend.reduceToShape(dz, bias.shape()) : null};
    }
}
