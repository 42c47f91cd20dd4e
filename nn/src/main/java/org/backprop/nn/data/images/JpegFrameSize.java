package org.backprop.nn.data.images;

/** The size of a JPEG frame in pixels, its largest sampling factors, and so its number of MCUs. */
record JpegFrameSize(int width, int height, int maxHorizontal, int maxVertical) {
    int mcusPerLine() {
        return JpegComponent.ceilDiv(width, 8 * maxHorizontal);
    }

    int mcusPerColumn() {
        return JpegComponent.ceilDiv(height, 8 * maxVertical);
    }
}
