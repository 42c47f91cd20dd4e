package org.backprop.server.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.backprop.server.account.AccountView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who is signed in, and for a browser session the token its state-changing requests must echo. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionView(
        AccountView account,
        @Schema(description = "Send in the X-CSRF-Token header of every POST, PUT, PATCH and DELETE that uses"
                + " the session cookie; absent for API tokens") String csrfToken) {
}
