package org.huiqi.profile;

import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Max;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Counts of intellectual-property items held (知识产权), by class. */
@Schema(description = "Counts of intellectual-property items held (知识产权). Class I: invention patents, "
        + "plant varieties, integrated-circuit layouts, new drugs; Class II: utility models, designs, software copyright.")
public record IntellectualProperty(
        @Schema(description = "High-value Class-I items (高价值一类知识产权), count", example = "0") @PositiveOrZero @Max(ProfileLimits.MAX_COUNT) Integer classIHighValue,
        @Schema(description = "Self-developed Class-I items (自主研发一类知识产权), count", example = "2") @PositiveOrZero @Max(ProfileLimits.MAX_COUNT) Integer classISelfDeveloped,
        @Schema(description = "All Class-I items (一类知识产权), count", example = "3") @PositiveOrZero @Max(ProfileLimits.MAX_COUNT) Integer classI,
        @Schema(description = "Class-II items (二类知识产权), count", example = "6") @PositiveOrZero @Max(ProfileLimits.MAX_COUNT) Integer classII,
        @Schema(description = "Class-I items related to the lead product (与主导产品相关的一类知识产权), count", example = "2")
        @PositiveOrZero @Max(ProfileLimits.MAX_COUNT) Integer classIRelatedToLeadProduct) {
}
