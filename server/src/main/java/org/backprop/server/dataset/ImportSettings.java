package org.backprop.server.dataset;

import java.util.List;

/**
 * What the instructor chose for one import. {@code name} and {@code version} may be null for TFDS, which names
 * itself in {@code dataset_info.json}; {@code height} and {@code width} (both or neither) resize every image as
 * Keras's {@code Resizing(height, width, crop_to_aspect_ratio=True)} does, and without them every image must have
 * the size of the first; {@code channels} (1 or 3, or null for the first image's) converts grey and colour;
 * {@code hiddenSplit} (or null) is the split only the grader sees; {@code classNames} (or empty) names IDX labels.
 */
public record ImportSettings(DatasetFormat format, String name, String version, Integer height, Integer width,
        Integer channels, String hiddenSplit, List<String> classNames) {

    public ImportSettings {
        if (format == null) {
            throw new IllegalArgumentException("format must not be null");
        }
        if ((height == null) != (width == null)) {
            throw new IllegalArgumentException("Give both the image height and width, or neither.");
        }
        if (height != null && (height < 1 || width < 1 || height > 1024 || width > 1024)) {
            throw new IllegalArgumentException("The image height and width must be between 1 and 1024, got "
                    + height + "x" + width + ".");
        }
        if (channels != null && channels != 1 && channels != 3) {
            throw new IllegalArgumentException("The channels must be 1 (grey) or 3 (RGB), got " + channels + ".");
        }
        classNames = classNames == null ? List.of() : List.copyOf(classNames);
    }
}
