package org.backprop.web.gpu;

import org.backprop.nn.backend.UnaryOp;

/**
 * The fused epilogues of matmul.wgsl and conv2d.wgsl (Backend.dense, Backend.conv2dBiasActivation): the codes
 * {@code include/activation.wgsl} gives the activations.
 */
final class Epilogues {
    /** The kernels' flag for "add the bias". */
    static final int ADD_BIAS = 4;

    private Epilogues() {
    }

    /** Returns the kernels' code for {@code activation}, which the fused ops limit to these four. */
    static int activationCode(UnaryOp activation) {
        if (activation == null) {
            return 0;
        }
        switch (activation) {
            case RELU:
                return 1;
            case LEAKY_RELU:
                return 2;
            case SIGMOID:
                return 3;
            case TANH:
                return 4;
            default:
                throw new IllegalArgumentException("a fused epilogue cannot apply activation " + activation);
        }
    }
}
