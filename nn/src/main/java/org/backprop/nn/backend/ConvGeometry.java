package org.backprop.nn.backend;

/**
 * The geometry of a 2-D window sliding over NHWC inputs — convolution and pooling alike: window size,
 * strides, and TensorFlow's padding rules. With "same" padding the output has ceil(in / stride) positions
 * and the padding is split with the smaller half before; with "valid" there is none.
 */
public final class ConvGeometry {
    public final int inHeight;
    public final int inWidth;
    public final int windowHeight;
    public final int windowWidth;
    public final int strideHeight;
    public final int strideWidth;
    public final int outHeight;
    public final int outWidth;
    public final int padTop;
    public final int padLeft;

    private ConvGeometry(int inHeight, int inWidth, int windowHeight, int windowWidth, int strideHeight,
            int strideWidth, boolean same) {
        this.inHeight = inHeight;
        this.inWidth = inWidth;
        this.windowHeight = windowHeight;
        this.windowWidth = windowWidth;
        this.strideHeight = strideHeight;
        this.strideWidth = strideWidth;
        if (same) {
            outHeight = (inHeight + strideHeight - 1) / strideHeight;
            outWidth = (inWidth + strideWidth - 1) / strideWidth;
            padTop = Math.max((outHeight - 1) * strideHeight + windowHeight - inHeight, 0) / 2;
            padLeft = Math.max((outWidth - 1) * strideWidth + windowWidth - inWidth, 0) / 2;
        } else {
            outHeight = inHeight < windowHeight ? 0 : (inHeight - windowHeight) / strideHeight + 1;
            outWidth = inWidth < windowWidth ? 0 : (inWidth - windowWidth) / strideWidth + 1;
            padTop = 0;
            padLeft = 0;
        }
    }

    /**
     * Returns the geometry for inputs {@code inHeight × inWidth}; {@code padding} is Keras's "valid" or
     * "same".
     */
    public static ConvGeometry of(int inHeight, int inWidth, int windowHeight, int windowWidth, int strideHeight,
            int strideWidth, String padding) {
        if (!"valid".equals(padding) && !"same".equals(padding)) {
            throw new IllegalArgumentException("padding must be \"valid\" or \"same\", got \"" + padding + "\"");
        }
        return new ConvGeometry(inHeight, inWidth, windowHeight, windowWidth, strideHeight, strideWidth,
                "same".equals(padding));
    }
}
