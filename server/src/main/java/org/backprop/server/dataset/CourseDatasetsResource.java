package org.backprop.server.dataset;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import org.backprop.server.api.ApiError;
import org.backprop.server.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** A course's datasets: importing them (staff) and reading what they hold (members). */
@Path("/api/courses/{courseId}/datasets")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Datasets")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not a member of the course, or not staff (import)")
public class CourseDatasetsResource {
    @Inject
    DatasetService datasets;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Import a dataset", description = "For instructors and TAs. Parts: \"file\" (a zip, tar or"
            + " tar.gz archive of a TFDS prepared-data folder or of class folders; or IDX files), \"format\" (idx,"
            + " tfds, image-folder), \"name\", \"version\", \"height\" and \"width\" (resize), \"channels\","
            + " \"hiddenSplit\", \"classNames\" (IDX). Stored as immutable shards; answers with what was imported.")
    @APIResponse(responseCode = "201", description = "Imported")
    @APIResponse(responseCode = "400", description = "A missing or malformed field")
    @APIResponse(responseCode = "409", description = "The course already has this name and version")
    @APIResponse(responseCode = "413", description = "The upload is over the limit")
    @APIResponse(responseCode = "422", description = "The data cannot be imported; the detail names file and record")
    public Response upload(@PathParam("courseId") long courseId, @BeanParam DatasetUploadForm form) {
        if (form.files == null || form.files.isEmpty()) {
            throw ApiError.badRequest("The upload has no \"file\" part: send the archive (or the IDX files) as"
                    + " \"file\".");
        }
        ImportSettings settings;
        try {
            settings = new ImportSettings(DatasetFormat.parse(form.format), form.name, form.version, form.height,
                    form.width, form.channels, blankToNull(form.hiddenSplit), classNames(form.classNames));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        List<DatasetService.Upload> uploads = form.files.stream()
                .map((FileUpload file) -> new DatasetService.Upload(file.uploadedFile(), file.fileName())).toList();
        return Response.status(Response.Status.CREATED).entity(datasets.importUpload(courseId, settings, uploads))
                .build();
    }

    @GET
    @Operation(summary = "List the datasets", description = "For members: splits, counts, class names, which split"
            + " is hidden.")
    public List<DatasetView> list(@PathParam("courseId") long courseId) {
        return datasets.list(courseId);
    }

    @GET
    @Path("/{name}/{version}/manifest")
    @Operation(summary = "Get a dataset's manifest", description = "For members: the Backprop dataset manifest with"
            + " each split's shards (SHA-256, bytes, examples), which GET /api/datasets/shards/{sha256} serves. For"
            + " students the hidden split lists no shards.")
    @APIResponse(responseCode = "404", description = "No such dataset")
    public String manifest(@PathParam("courseId") long courseId, @PathParam("name") String name,
            @PathParam("version") String version) {
        return datasets.manifest(courseId, name, version);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static List<String> classNames(String value) {
        return value == null || value.isBlank() ? List.of()
                : Arrays.stream(value.split(",")).map(String::strip).toList();
    }
}
