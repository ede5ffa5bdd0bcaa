package org.huiqi.profile;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Industrial output (产值) of one quarter. */
@Schema(description = "Industrial output (工业产值) of one quarter, 万元.")
public record QuarterOutput(
        @Schema(description = "Year", example = "2023") @Min(ProfileLimits.MIN_YEAR) @Max(ProfileLimits.MAX_YEAR) Integer year,
        @Schema(description = "Quarter, 1–4", example = "1") @Min(1) @Max(4) Integer quarter,
        @Schema(description = "Output, 万元", example = "6000") @PositiveOrZero BigDecimal output) {
}
