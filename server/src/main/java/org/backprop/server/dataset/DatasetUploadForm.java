package org.backprop.server.dataset;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The parts of a dataset upload ({@code multipart/form-data}): the files, then the instructor's choices. */
public class DatasetUploadForm {
    @RestForm("file")
    @PartType(MediaType.APPLICATION_OCTET_STREAM)
    @Schema(description = "A zip, tar or tar.gz archive; for IDX also the IDX files themselves (repeated),"
            + " e.g. train-images-idx3-ubyte.gz")
    public List<FileUpload> files;

    @RestForm
    @Schema(description = "idx, tfds or image-folder", required = true)
    public String format;

    @RestForm
    @Schema(description = "The name programs load it by, e.g. fashion_mnist; optional for TFDS, which names itself")
    public String name;

    @RestForm
    @Schema(description = "e.g. 3.0.1; optional for TFDS")
    public String version;

    @RestForm
    @Schema(description = "Resize every image to this height (with width), cropping to the aspect ratio as Keras's"
            + " Resizing(crop_to_aspect_ratio=True); without it every image must have the same size")
    public Integer height;

    @RestForm
    @Schema(description = "Resize every image to this width (with height)")
    public Integer width;

    @RestForm
    @Schema(description = "1 (grey) or 3 (RGB); by default that of the first image")
    public Integer channels;

    @RestForm
    @Schema(description = "The split only the grader evaluates on, e.g. test; none if absent")
    public String hiddenSplit;

    @RestForm
    @Schema(description = "For IDX: the class names, comma-separated, label 0 first; the digits 0-9 if absent")
    public String classNames;
}
