/**
 * Image datasets without AWT, so they run under TeaVM: {@link org.backprop.nn.data.images.PngDecoder} and
 * {@link org.backprop.nn.data.images.JpegDecoder} turn encoded bytes into {@code [height, width, channels]}
 * tensors in [0, 255], and {@link org.backprop.nn.data.images.ImageDataset} decodes, resizes and batches them
 * lazily, as Keras's {@code image_dataset_from_directory}.
 */
package org.backprop.nn.data.images;
