package org.backprop.server.dataset;

import org.backprop.nn.data.images.Bilinear;

/**
 * Brings every image of a dataset to one shape {@code [height, width, channels]} as uint8 pixels. With a size
 * chosen, it resizes as Keras's {@code Resizing(height, width, crop_to_aspect_ratio=True)} does: the largest
 * centred window of the target's aspect ratio, then bilinear with half-pixel centres ({@link Bilinear}), the
 * result rounded to the nearest grey level. Without one, the first image decides the size and every other image
 * must have it. Channels: the chosen number, else the first image's; grey becomes RGB by repeating the level and
 * RGB becomes grey with {@code tf.image.rgb_to_grayscale}'s weights. Not thread-safe.
 */
final class ImageShaper {
    private int height;
    private int width;
    private int channels;
    private final boolean resize;

    ImageShaper(Integer height, Integer width, Integer channels) {
        this.resize = height != null;
        this.height = height == null ? 0 : height;
        this.width = width == null ? 0 : width;
        this.channels = channels == null ? 0 : channels;
    }

    /** Returns the image's pixels in the dataset's shape; {@code where} names the file and record for errors. */
    byte[] shape(DecodedImage image, String where) {
        if (height == 0) {
            height = image.height();
            width = image.width();
        }
        if (channels == 0) {
            channels = image.channels();
        }
        if (!resize && (image.height() != height || image.width() != width)) {
            throw new DatasetImportException(where + ": the image is " + image.height() + "x" + image.width()
                    + " but the images before it are " + height + "x" + width + ". Choose an image height and width"
                    + " to resize every image to.");
        }
        float[] pixels = withChannels(image);
        float[] sized = image.height() == height && image.width() == width ? pixels
                : resized(pixels, image.height(), image.width());
        byte[] bytes = new byte[sized.length];
        for (int i = 0; i < sized.length; i++) {
            bytes[i] = (byte) Math.min(255, Math.max(0, Math.round(sized[i])));
        }
        return bytes;
    }

    int height() {
        return height;
    }

    int width() {
        return width;
    }

    int channels() {
        return channels;
    }

    private float[] withChannels(DecodedImage image) {
        float[] in = image.pixels();
        if (image.channels() == channels) {
            return in;
        }
        int pixels = image.height() * image.width();
        float[] out = new float[pixels * channels];
        for (int p = 0; p < pixels; p++) {
            if (channels == 3) {
                out[3 * p] = in[p];
                out[3 * p + 1] = in[p];
                out[3 * p + 2] = in[p];
            } else {
                out[p] = 0.2989f * in[3 * p] + 0.5870f * in[3 * p + 1] + 0.1140f * in[3 * p + 2];
            }
        }
        return out;
    }

    /** Crops the centred window of the target's aspect ratio, with Keras's integer rounding, then resizes it. */
    private float[] resized(float[] pixels, int inHeight, int inWidth) {
        int cropHeight = Math.min(inHeight, (int) ((double) inWidth * height / width));
        int cropWidth = Math.min(inWidth, (int) ((double) inHeight * width / height));
        int top = (inHeight - cropHeight) / 2;
        int left = (inWidth - cropWidth) / 2;
        float[] crop = new float[cropHeight * cropWidth * channels];
        for (int y = 0; y < cropHeight; y++) {
            System.arraycopy(pixels, ((top + y) * inWidth + left) * channels, crop, y * cropWidth * channels,
                    cropWidth * channels);
        }
        float[] out = new float[height * width * channels];
        Bilinear.resize(crop, 0, cropHeight, cropWidth, channels, out, 0, height, width);
        return out;
    }
}
