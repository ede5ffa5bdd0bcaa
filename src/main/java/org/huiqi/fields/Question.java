package org.huiqi.fields;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.huiqi.evaluation.Text;

@Schema(description = "An unanswered field that would decide at least one NEEDS_INFO result, or compute the amount of an "
        + "ELIGIBLE one. Set that path in the profile and evaluate again to move on.")
public record Question(
        @Schema(description = "JSON path under profile, exactly as in missingFields", example = "financials.2024.rdExpense") String field,
        @Schema(description = "The field in GET /api/v1/reference/fields that describes it (type, unit, allowed values)",
                example = "financials.{year}.rdExpense") String catalogField,
        Text label,
        @Schema(description = "Ids of the NEEDS_INFO measures this field helps decide, and of the ELIGIBLE ones whose amount it sets", example = "[\"CN-MIIT-SPECIALIZED-SME\"]")
        List<String> decides,
        @Schema(description = "Sum of the amounts (or, where none is computed, the caps) of those measures, 万元; "
                + "null when none of them states a figure", example = "20") BigDecimal amountAtStake,
        @Schema(description = "True when this answer alone decides an open criterion, so it can settle a measure: asked "
                + "before fields that only narrow one") boolean settles,
        @Schema(description = "True when only an assessment panel, a catalogue or an authority can tell (the field's help "
                + "says who): asked last") boolean expert) {
}
