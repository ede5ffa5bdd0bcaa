package org.huiqi.profile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One eligibility question: this profile, on this date. */
@Schema(description = "Evaluate one enterprise profile against the measures in force on asOf.")
public record EligibilityRequest(
        @Schema(description = "Evaluation date; default today. Last year (LY) is the calendar year before it.", example = "2026-11-22")
        LocalDate asOf,
        @Schema(description = "The enterprise profile", required = true) @NotNull(message = "is required") @Valid Profile profile,
        @Schema(description = "Language of the texts that have one: zh (default) or en", example = "zh") Language lang) {

    public enum Language { zh, en }
}
