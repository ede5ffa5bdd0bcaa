package org.huiqi.api.batch;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.huiqi.profile.ProfileLimits;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.huiqi.profile.EligibilityRequest;
import org.huiqi.profile.Profile;

/** One item of a batch: a single-request body plus the caller's own reference for it. */
@Schema(name = "BatchItem", description = "One item of a batch: the body of a single eligibility request, plus an optional id "
        + "of the caller's choosing that is echoed in the item's result.")
public record BatchItem(
        @Schema(description = "The caller's reference for this item (for example its row key or credit code), echoed in the result",
                example = "row-000123")
        @Size(max = ProfileLimits.MAX_ID_LENGTH, message = "must be at most " + ProfileLimits.MAX_ID_LENGTH + " characters") String id,
        @Schema(description = "Evaluation date, YYYY-MM-DD; default today (Beijing time). Last year (LY) is the calendar year before it.",
                example = "2025-06-01")
        LocalDate asOf,
        @Schema(description = "The enterprise profile", required = true) @NotNull(message = "is required") @Valid Profile profile,
        @Schema(description = "Language of the texts that have one: zh (default) or en", example = "zh")
        EligibilityRequest.Language lang) {
}
