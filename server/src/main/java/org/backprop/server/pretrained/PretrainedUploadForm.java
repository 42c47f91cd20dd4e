package org.backprop.server.pretrained;

import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The parts of a pretrained model upload ({@code multipart/form-data}). */
public class PretrainedUploadForm {
    @RestForm("file")
    @PartType(MediaType.APPLICATION_OCTET_STREAM)
    @Schema(description = "The model: a Backprop saved model (.bpm, what model.save writes)", required = true)
    public FileUpload file;

    @RestForm
    @Schema(description = "The name programs load it by, e.g. vgg16", required = true)
    public String name;

    @RestForm
    @Schema(description = "e.g. 1.0.0; a published version never changes", required = true)
    public String version;
}
