package org.backprop.server.submission;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.backprop.server.api.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns a multipart body that cannot be parsed (cut off, no closing boundary, broken headers) into a 400
 * that says so, instead of a server error. Other I/O failures stay server errors.
 */
public class UploadProblems {

    @ServerExceptionMapper
    public Response unreadableUpload(IOException error, HttpHeaders headers) {
        MediaType type = headers.getMediaType();
        if (type != null && MediaType.MULTIPART_FORM_DATA_TYPE.isCompatible(type)) {
            return Problem.response(Response.Status.BAD_REQUEST, "The upload could not be read as multipart/form-data"
                    + " (" + error.getMessage() + "). Send it again; if it keeps failing, check that every part has"
                    + " a Content-Disposition header and that the body ends with the closing boundary.");
        }
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, "The server could not read or write a file."
                + " Try again; if it keeps failing, tell your instructor.");
    }
}
