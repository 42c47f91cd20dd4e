/**
 * Ready-made architectures, as Keras's {@code keras.applications}: {@link org.backprop.nn.applications.VGG16},
 * {@link org.backprop.nn.applications.VGG19} (one VGG builder, {@code Vgg}, for both) and {@link
 * org.backprop.nn.applications.InceptionV3}, each with Keras's layer names, so that a model imported from a Keras
 * {@code .keras} file (its weights published by the course as a pretrained model) computes what Keras computes, and
 * each with its {@code preprocess_input}. {@link org.backprop.nn.applications.ApplicationBuilder} holds the arguments
 * they share ({@code include_top}, {@code input_shape}, {@code classes}, {@code classifier_activation}, {@code
 * pooling}).
 */
package org.backprop.nn.applications;
