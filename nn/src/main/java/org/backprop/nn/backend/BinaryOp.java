package org.backprop.nn.backend;

/** The element-wise operations on two broadcast operands. */
public enum BinaryOp { ADD, SUBTRACT, MULTIPLY, DIVIDE }
