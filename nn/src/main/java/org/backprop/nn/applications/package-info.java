/**
 * Ready-made architectures, as Keras's {@code keras.applications}: {@link org.backprop.nn.applications.VGG16} with
 * Keras's layer names, so that a VGG16 imported from a Keras {@code .keras} file (its weights published by the
 * course as a pretrained model) computes what Keras computes, and its {@code preprocess_input}.
 */
package org.backprop.nn.applications;
