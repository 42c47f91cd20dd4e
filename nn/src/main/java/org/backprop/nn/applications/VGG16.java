package org.backprop.nn.applications;

import org.backprop.nn.Tensor;
import org.backprop.nn.models.Model;

/**
 * VGG16 (Simonyan and Zisserman, 2014) as Keras's {@code keras.applications.VGG16} builds it, layer for layer and
 * name for name: five blocks of 3×3 {@code relu} convolutions with {@code same} padding ({@code block1_conv1} …
 * {@code block5_conv3}: 64, 128, 256, 512 and 512 filters; two convolutions in the first two blocks, three in the
 * others), each closed by a 2×2 max pooling ({@code block1_pool} … {@code block5_pool}); with the top, {@code
 * flatten}, {@code fc1} and {@code fc2} (4096 {@code relu} units each) and {@code predictions}. The model is named
 * {@code vgg16} and its input {@code input_layer}, so the names match a Keras 3 {@code .keras} file of VGG16.
 *
 * <p>Inputs {@code [batch, height, width, 3]} in BGR with the ImageNet means subtracted ({@link #preprocessInput});
 * outputs {@code [batch, classes]} with the top, {@code [batch, h/32, w/32, 512]} without it, {@code [batch, 512]}
 * with {@code pooling} {@code "avg"} or {@code "max"}. With the top and 224×224×3 inputs it has 138,357,544
 * parameters, without the top 14,714,688, as Keras's. Weights start freshly initialised: pretrained ones come from
 * a course's published model.
 *
 * <pre>
 * Model convBase = VGG16.builder().includeTop(false).inputShape(180, 180, 3).build();
 * convBase.setTrainable(false);
 * </pre>
 */
public final class VGG16 {
    private static final int[] CONVOLUTIONS = {2, 2, 3, 3, 3};

    private VGG16() {
    }

    /** Returns a builder with Keras's defaults: the top, 224×224×3 inputs, 1000 classes, softmax, no pooling. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns VGG16 with Keras's defaults (see {@link #builder()}). */
    public static Model build() {
        return builder().build();
    }

    /**
     * Returns {@code images} ({@code [..., 3]}, RGB, values 0 to 255) as VGG16 expects them, as Keras's {@code
     * keras.applications.vgg16.preprocess_input} ({@code "caffe"} mode): channels reversed to BGR and the ImageNet
     * mean of each subtracted, without scaling. Returns a new tensor of the same shape.
     */
    public static Tensor preprocessInput(Tensor images) {
        return ImageNetPreprocessing.caffe(images);
    }

    /**
     * Keras's {@code VGG16(...)} arguments (see {@link ApplicationBuilder}); inputs at least 32×32. {@code weights}
     * has no counterpart (see the class comment).
     */
    public static final class Builder extends ApplicationBuilder<Builder> {
        private Builder() {
            super(Vgg.DEFAULT_SIDE, Vgg.MIN_SIDE);
        }

        @Override
        Builder self() {
            return this;
        }

        /** Returns the model, built, named {@code vgg16}. */
        @Override
        public Model build() {
            return Vgg.build("vgg16", CONVOLUTIONS, this);
        }
    }
}
