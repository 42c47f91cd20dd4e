/**
 * What backends, ops, layers, data loaders and the web runtime need from {@code nn} and student programs must
 * not touch: a tensor's raw values array and device storage ({@link org.backprop.nn.internal.TensorInternals}),
 * the choice of backend ({@link org.backprop.nn.internal.BackendInternals}) and the device data backends attach
 * ({@link org.backprop.nn.internal.DeviceData}).
 *
 * <p>Backends only: the grader's bytecode policy refuses every reference a student program makes to this
 * package, so nothing here is student API. Student code works with {@link org.backprop.nn.Tensor}'s public
 * methods, which copy values in and out and keep tensors immutable.
 */
package org.backprop.nn.internal;
