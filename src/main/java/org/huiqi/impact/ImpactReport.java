package org.huiqi.impact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a draft rule set does to a population, against the baseline. Counts are of enterprises:
 * a per-project measure counts an enterprise once, with its best status over its projects and the
 * sum of their amounts. ABSENT: the measure gave the enterprise no result (not in force on the
 * date, outside its region, or not in that rule set).
 */
@Schema(name = "ImpactReport", description = "What a draft rule set changes for a population of enterprises, against the baseline.")
public record ImpactReport(
        @Schema(description = "Items evaluated under both rule sets") long population,
        @Schema(description = "Evaluation date for items that give none") LocalDate asOf,
        Side baseline,
        Side draft,
        @Schema(description = "Lines that could not be evaluated (bad JSON, invalid profile, runaway rule), first 100") List<Rejected> rejected,
        @Schema(description = "How many lines could not be evaluated") long rejectedCount,
        List<MeasureImpact> measures,
        @Schema(description = "Per city (prefecture level) of the enterprise's regionCode") List<RegionImpact> regions,
        @Schema(description = "Enterprise/measure pairs whose status or amount changed, in population order: the first "
                + "policy.impact.max-changes-listed in the service (changeCount minus this many were counted, not listed)") List<Change> changes,
        @Schema(description = "How many changes there are, listed or not (the text and HTML reports list the first 1,000)") long changeCount) {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ImpactStatus", description = "A measure status in an impact report, or ABSENT")
    public enum Status { ELIGIBLE, NEEDS_INFO, NOT_ELIGIBLE, ABSENT }

    @Schema(name = "ImpactSide", description = "One of the two rule sets compared.")
    public record Side(String version,
                       @Schema(description = "Measures in the rule set") int measureCount,
                       @Schema(description = "Scenario failures of the rule set, file:line: reported, not fatal") List<String> scenarioFailures) {
    }

    /**
     * Money (万元) of ELIGIBLE results, in three piles never added together wrongly: confirmed and
     * unconfirmed awards or estimates (unconfirmed: not yet checked against the official text), whose
     * sum is the total; and ceilings (basis UP_TO, 最高…), the most a measure can give, which are not
     * what it will cost and stay out of the total.
     */
    @Schema(name = "ImpactAmounts", description = "Sum of the amounts of ELIGIBLE results, 万元")
    public record Amounts(
            @Schema(description = "confirmed + unconfirmed; ceilings are not in it") BigDecimal total,
            @Schema(description = "Exact or estimated amounts of confirmed measures") BigDecimal confirmed,
            @Schema(description = "Exact or estimated amounts still to be confirmed") BigDecimal unconfirmed,
            @Schema(description = "Ceilings (basis UP_TO): the most the eligible enterprises can receive") BigDecimal ceilings,
            @Schema(description = "ELIGIBLE enterprises whose amount is not known (not computable or not published)") long withoutAmount) {
        public static final Amounts ZERO = new Amounts(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0);

        public Amounts plus(Amounts other) {
            return new Amounts(total.add(other.total), confirmed.add(other.confirmed), unconfirmed.add(other.unconfirmed),
                    ceilings.add(other.ceilings), withoutAmount + other.withoutAmount);
        }

        /** One eligible enterprise's amount (null when unknown). */
        public Amounts plus(BigDecimal amount, boolean isConfirmed, boolean isCeiling) {
            if (amount == null) return new Amounts(total, confirmed, unconfirmed, ceilings, withoutAmount + 1);
            if (isCeiling) return new Amounts(total, confirmed, unconfirmed, ceilings.add(amount), withoutAmount);
            return isConfirmed ? new Amounts(total.add(amount), confirmed.add(amount), unconfirmed, ceilings, withoutAmount)
                    : new Amounts(total.add(amount), confirmed, unconfirmed.add(amount), ceilings, withoutAmount);
        }
    }

    @Schema(name = "MeasureImpact")
    public record MeasureImpact(
            String measureId,
            @Schema(description = "Title in Chinese, from the draft (the baseline for a removed measure)") String title,
            @Schema(description = "ADDED or REMOVED by the draft; null when in both") String presence,
            Map<Status, Long> before,
            Map<Status, Long> after,
            long newlyEligible,
            long noLongerEligible,
            @Schema(description = "Enterprises that entered or left NEEDS_INFO") long needsInfoChanged,
            @Schema(description = "Enterprises with the same status whose amount changed") long amountChanged,
            Amounts amountBefore,
            Amounts amountAfter) {
    }

    @Schema(name = "RegionImpact")
    public record RegionImpact(
            @Schema(example = "450400") String regionCode,
            @Schema(example = "梧州市") String name,
            @Schema(description = "Enterprises of the population in this city") long enterprises,
            @Schema(description = "Eligible enterprise/measure pairs before") long eligibleBefore,
            long eligibleAfter,
            long newlyEligible,
            long noLongerEligible,
            long needsInfoChanged,
            Amounts amountBefore,
            Amounts amountAfter) {
    }

    @Schema(name = "ImpactChange")
    public record Change(
            @Schema(description = "The item's id from the population") String id,
            @Schema(description = "Line of the population file") long line,
            String measureId,
            Status before,
            Status after,
            BigDecimal amountBefore,
            BigDecimal amountAfter) {
    }

    @Schema(name = "ImpactRejected")
    public record Rejected(long line, String id, String error) {
    }
}
