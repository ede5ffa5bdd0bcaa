package org.huiqi.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.huiqi.rules.HowToClaim;
import org.huiqi.rules.Measure;

/** How one measure came out for the enterprise (or for one of its projects). */
@Schema(description = "How one measure came out for the enterprise, or for one project (projectId set).")
public record MeasureResult(
        @Schema(required = true, example = "CN-MIIT-SPECIALIZED-SME") String measureId,
        @Schema(description = "The project this result is for; null for enterprise measures") String projectId,
        @Schema(required = true) Text title,
        @Schema(required = true, description = "ELIGIBLE: every criterion MET; NEEDS_INFO: none NOT_MET, some UNKNOWN; NOT_ELIGIBLE: some NOT_MET; "
                + "ERROR: the measure could not be evaluated this time (a fault in its rules, shown to staff): treat it as not known, "
                + "neither eligible nor not; error says so, criteria is empty")
        Status status,
        @Schema(required = true, description = "True when exactly one criterion is NOT_MET and it can still change "
                + "(not one settled by past facts, such as an entry year)") boolean nearMiss,
        @Schema(required = true) Benefit benefit,
        @Schema(required = true) List<CriterionResult> criteria,
        @Schema(required = true, description = "Profile fields (JSON paths under profile) that would decide a NEEDS_INFO result",
                example = "[\"financials.2025.rdExpense\"]") List<String> missingFields,
        @Schema(required = true, description = "Ids of the criteria that are NOT_MET") List<String> failedCriteria,
        @Schema(required = true, description = "Measures that cannot be claimed together with this one") List<Conflict> conflicts,
        Measure.Citation citation,
        @Schema(description = "Region and folder of the rule file", example = "national/miit") String jurisdiction,
        LocalDate validFrom,
        LocalDate validTo,
        @Schema(description = "Days from asOf to the last day in force, when that is within " + ENDING_SOON_DAYS
                + " days; null otherwise", example = "27") Integer daysLeft,
        @Schema(required = true) HowToClaim howToClaim,
        @Schema(required = true, description = "True for a classification or status the enterprise holds or meets (firm size, "
                + "the 规上 threshold): shown apart, not counted as support to claim") boolean enterpriseStatus,
        @Schema(description = "For ERROR only: that the measure could not be evaluated, for the enterprise to read")
        @JsonInclude(JsonInclude.Include.NON_NULL) Text error,
        @Schema(hidden = true) @JsonIgnore RuleFault fault) {

    /** How near the end of a measure's period (or a held title's validity) is worth a warning. */
    public static final int ENDING_SOON_DAYS = 90;

    @Schema(name = "MeasureStatus", description = "The status of a measure result; ERROR: could not be evaluated, treat as not known")
    public enum Status { ELIGIBLE, NEEDS_INFO, NOT_ELIGIBLE, ERROR }

    public MeasureResult(String measureId, String projectId, Text title, Status status, boolean nearMiss, Benefit benefit,
                         List<CriterionResult> criteria, List<String> missingFields, List<String> failedCriteria,
                         List<Conflict> conflicts, Measure.Citation citation, String jurisdiction, LocalDate validFrom,
                         LocalDate validTo, Integer daysLeft, HowToClaim howToClaim, boolean enterpriseStatus) {
        this(measureId, projectId, title, status, nearMiss, benefit, criteria, missingFields, failedCriteria, conflicts,
                citation, jurisdiction, validFrom, validTo, daysLeft, howToClaim, enterpriseStatus, null, null);
    }

    @Schema(description = "What the measure gives. Money in 万元.")
    public record Benefit(
            @Schema(required = true) Measure.BenefitKind kind,
            @Schema(description = "How to read amount: EXACT the award; UP_TO a ceiling (最高, 不超过), never the award itself; "
                    + "ESTIMATE computed from the figures given (e.g. a tax saving)") Measure.Basis basis,
            @Schema(description = "Computed amount, 万元; null when not computable from the profile or not published", example = "20")
            BigDecimal amount,
            @Schema(description = "Upper limit of the amount, 万元", example = "100") BigDecimal cap,
            @Schema(required = true, description = "False when the measure or its amount is not confirmed against the official text") boolean confirmed,
            Text description,
            @Schema(description = "How the amount is computed") Text amountRule,
            @Schema(description = "Why there is no amount, or that it is still to be confirmed") Text amountNote,
            @Schema(description = "Profile fields (JSON paths under profile) that would compute the amount of a result that is "
                    + "not NOT_ELIGIBLE; empty when the amount is known or not computed from the profile",
                    example = "[\"financials.2024.vatPaid\"]") List<String> missingFields) {
        /** The unit of every amount and cap, and of the money a profile gives: 万元 (10,000 CNY). */
        public static final String MONEY_UNIT = "万元";
    }

    /** The same result with its conflicts, which can only be judged once every result of the evaluation exists. */
    MeasureResult withConflicts(List<Conflict> found) {
        return new MeasureResult(measureId, projectId, title, status, nearMiss, benefit, criteria, missingFields,
                failedCriteria, found, citation, jurisdiction, validFrom, validTo, daysLeft, howToClaim, enterpriseStatus, error, fault);
    }

    @Schema(description = "A measure that cannot be claimed together with this one, how it came out in the same evaluation, "
            + "and which of the two suits this profile better where the results allow.")
    public record Conflict(
            @Schema(required = true, example = "CN-EIT-WEST15") String measureId,
            Text note,
            @Schema(description = "The other measure's status in this evaluation; null when it is not in force on asOf")
            Status status,
            @Schema(description = "Id of the measure recommended of the two; null when the results do not decide",
                    example = "CN-EIT-WEST15") String recommended,
            @Schema(description = "Why that one, or why neither can be recommended yet") Text recommendation) {
    }

    @Schema(description = "One criterion's outcome with what was seen and what was required.")
    public record CriterionResult(
            @Schema(required = true, example = "rd-expense") String id,
            @Schema(required = true) Outcome outcome,
            Text description,
            @Schema(description = "The value seen in (or derived from) the profile", example = "400") Object actual,
            @Schema(description = "What the criterion requires", example = ">= 100") String required,
            @Schema(description = "Profile fields read", example = "[\"financials.2025.rdExpense\"]") List<String> fields,
            @Schema(description = "Absent fields that would decide it, when UNKNOWN") List<String> missingFields,
            @Schema(description = "Parts of a composite criterion, each with its own outcome") List<Part> parts,
            @Schema(description = "True when settled by past facts (an entry year, an earlier award): failing it is never a near miss")
            boolean fixed,
            @Schema(description = "True when it says whom the measure is for, which most enterprises do not meet: the guided "
                    + "self-check asks for its missing fields first, since a no settles the measure at once")
            boolean askFirst) {
    }

    @Schema(description = "A part of a composite criterion.")
    public record Part(Text label, Outcome outcome, Object actual, String required, List<String> fields, List<Part> parts) {
        static Part of(Check check) {
            return new Part(check.label(), check.outcome(), check.actual(), check.required(), check.fields(),
                    check.parts().stream().map(Part::of).toList());
        }
    }
}
