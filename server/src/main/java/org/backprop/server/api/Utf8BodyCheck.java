package org.backprop.server.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Refuses JSON and CSV bodies that are not valid UTF-8. Without this check the bytes would be decoded
 * leniently and a student's non-UTF-8 file, or a roster saved by a spreadsheet in a legacy encoding such
 * as CP949, would turn into replacement characters or a confusing JSON error.
 * Bodies are already capped by {@link RequestSizeFilter}, so reading one into memory is bounded.
 */
@Provider
public class Utf8BodyCheck implements ReaderInterceptor {
    private static final MediaType CSV = MediaType.valueOf("text/csv");

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())
                && !CSV.isCompatible(context.getMediaType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw new WebApplicationException(Problem.response(Response.Status.BAD_REQUEST,
                    "The request body is not valid UTF-8 text. Save your files as UTF-8 and try again."));
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}
