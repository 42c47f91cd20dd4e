package org.backprop.server.submission;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The parts of a submission upload ({@code multipart/form-data}). Files are sent as file parts, with a filename;
 * for the sources the filename is the file's path in the project, e.g. {@code model/Net.java}. The runs handed in
 * are plain {@code run} fields naming runs of the team's experiment log.
 */
public class SubmissionForm {
    @RestForm("source")
    @PartType(MediaType.APPLICATION_OCTET_STREAM)
    @Schema(description = "One part per Java source file, its filename the path such as Main.java or"
            + " model/Net.java; UTF-8; at most 100 files and 512 KiB together")
    public List<FileUpload> sources;

    @RestForm("run")
    @PartType(MediaType.TEXT_PLAIN)
    @Schema(description = "One field per run handed in: the id of a run in the team's experiment log for this"
            + " assignment, e.g. 17; each at most once, at most 200; optional")
    public List<String> runs;

    @RestForm("report")
    @PartType(MediaType.APPLICATION_OCTET_STREAM)
    @Schema(description = "The submitting member's report, Markdown (UTF-8); required")
    public FileUpload report;

    @RestForm("weights")
    @PartType(MediaType.APPLICATION_OCTET_STREAM)
    @Schema(description = "The trained model's weights (binary); optional")
    public FileUpload weights;
}
