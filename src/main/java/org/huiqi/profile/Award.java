package org.huiqi.profile;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An award the enterprise has received. */
@Schema(description = "An award the enterprise has received (获奖).")
public record Award(
        @Schema(description = "Kind of award", example = "SCIENCE_TECHNOLOGY") Kind kind,
        @Schema(description = "Level of the awarding body", example = "PROVINCIAL") Level level,
        @Schema(description = "Rank (1 = first prize), if ranked", example = "2") @Min(1) Integer rank,
        @Schema(description = "Year awarded", example = "2024") @Min(ProfileLimits.MIN_YEAR) @Max(ProfileLimits.MAX_YEAR) Integer year) {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "AwardKind", description = "The kind of an award")
    public enum Kind { SCIENCE_TECHNOLOGY, MAKER_CHINA_TOP500 }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "AwardLevel", description = "The level of an award")
    public enum Level { NATIONAL, PROVINCIAL }
}
