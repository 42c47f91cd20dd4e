/**
 * Learning rates that change with the optimizer's step count, as Keras's {@code keras.optimizers.schedules}:
 * {@link org.backprop.nn.optim.schedules.ExponentialDecay}. Every optimizer takes one in place of a number.
 */
package org.backprop.nn.optim.schedules;
