package org.backprop.nn.backend;

/**
 * The element-wise operations on one operand. {@link #LEAKY_RELU} takes its negative slope as the op's
 * parameter; the others ignore it.
 */
public enum UnaryOp { RELU, LEAKY_RELU, SIGMOID, TANH, GELU, EXP, LOG, SQRT, ABS, NEGATE, SQUARE }
