package org.backprop.nn.applications;

import org.backprop.nn.Tensor;
import org.backprop.nn.models.Model;

/**
 * VGG19 (Simonyan and Zisserman, 2014) as Keras's {@code keras.applications.VGG19} builds it: VGG16's blocks and
 * names ({@link VGG16}) with four convolutions, not three, in the last three blocks ({@code block3_conv4}, {@code
 * block4_conv4}, {@code block5_conv4}). The model is named {@code vgg19}. With the top and 224×224×3 inputs it has
 * 143,667,240 parameters, without the top 20,024,384, as Keras's. Inputs and outputs as VGG16's, preprocessed the
 * same way ({@link #preprocessInput}); weights start freshly initialised, pretrained ones come from a course's
 * published model.
 *
 * <p>Neural style transfer (Deep Learning with Python, 12.3) reads the activations of its convolutions:
 * <pre>
 * Model model = VGG19.builder().includeTop(false).inputShape(64, 64, 3).build();
 * Layer content = model.getLayer("block5_conv2");
 * </pre>
 */
public final class VGG19 {
    private static final int[] CONVOLUTIONS = {2, 2, 4, 4, 4};

    private VGG19() {
    }

    /** Returns a builder with Keras's defaults: the top, 224×224×3 inputs, 1000 classes, softmax, no pooling. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns VGG19 with Keras's defaults (see {@link #builder()}). */
    public static Model build() {
        return builder().build();
    }

    /**
     * Returns {@code images} ({@code [..., 3]}, RGB, values 0 to 255) as VGG19 expects them, as Keras's {@code
     * keras.applications.vgg19.preprocess_input}: the same {@code "caffe"} mode as {@link VGG16#preprocessInput}.
     */
    public static Tensor preprocessInput(Tensor images) {
        return ImageNetPreprocessing.caffe(images);
    }

    /** Keras's {@code VGG19(...)} arguments (see {@link ApplicationBuilder}); inputs at least 32×32. */
    public static final class Builder extends ApplicationBuilder<Builder> {
        private Builder() {
            super(Vgg.DEFAULT_SIDE, Vgg.MIN_SIDE);
        }

        @Override
        Builder self() {
            return this;
        }

        /** Returns the model, built, named {@code vgg19}. */
        @Override
        public Model build() {
            return Vgg.build("vgg19", CONVOLUTIONS, this);
        }
    }
}
