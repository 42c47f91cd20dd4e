package org.backprop.server.assignment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new due time and late-credit timeline. */
@Schema(example = "{\"dueAt\": \"2026-12-14T14:59:00Z\", \"lateCredit\": [{\"until\": \"24h\", \"credit\": 80},"
        + " {\"until\": \"72h\", \"credit\": 50}]}")
public record DeadlineRequest(
        @NotNull(message = "is required (an ISO-8601 instant such as 2026-12-14T14:59:00Z)") Instant dueAt,
        @NotNull(message = "is required (an empty list closes the assignment at the due time)")
        @Size(max = 20, message = "may have at most 20 steps")
        List<@Valid @NotNull(message = "must not hold null steps") Step> lateCredit) {

    /** Up to {@code until} after the due time (24h, 3d, 90m), a submission earns {@code credit} percent. */
    public record Step(
            @NotBlank(message = "is required, e.g. 24h") String until,
            @NotNull(message = "is required") @Min(value = 0, message = "must be 0 to 100")
            @Max(value = 100, message = "must be 0 to 100") Integer credit) {
    }
}
