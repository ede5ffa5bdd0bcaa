package org.huiqi.rules;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.huiqi.evaluation.Text;

/**
 * A support measure as its rule file declares it: what it is, what it gives, where it comes from,
 * when it is in force, and the criteria that decide it.
 */
@Schema(description = "A support measure in the catalog, as declared in its rule file.")
public record Measure(
        @Schema(required = true, description = "Stable measure id", example = "CN-MIIT-SPECIALIZED-SME") String id,
        Text title,
        @Schema(description = "Benefit kind: CASH, TAX, STATUS (recognition) or SERVICE") BenefitKind benefitKind,
        @Schema(description = "What the benefit is") Text benefit,
        @Schema(description = "How the amount is computed, when it is") Text amountRule,
        Citation citation,
        @Schema(description = "First day in force", example = "2022-06-01") LocalDate validFrom,
        @Schema(description = "Last day in force; null when open-ended", example = "2026-01-16") LocalDate validTo,
        @Schema(description = "False when the measure or its amount is not confirmed against the official text")
        boolean confirmed,
        @Schema(description = "Last evaluation date the text is confirmed for; later evaluations (a yearly round whose notice "
                + "is not yet published) are unconfirmed. Null when the whole period is as confirmed says", example = "2025-12-31")
        LocalDate confirmedUntil,
        @Schema(description = "EXACT: the amount is the award; UP_TO: a ceiling (最高, 不超过), never the award itself; "
                + "ESTIMATE: computed from figures the caller gave, such as a tax saving") Basis basis,
        @Schema(description = "What replaced or will replace the measure, when its rule file says; null otherwise")
        Successor successor,
        @Schema(description = "True when the measure gives one result per project") boolean perProject,
        @Schema(description = "Measures that cannot be claimed together with this one") List<String> conflicts,
        @Schema(description = "Why to choose this measure over a conflicting one when both are eligible and give the same; "
                + "null when the rule file gives no reason") Text preference,
        @Schema(description = "Region and folder of the rule file", example = "national/miit") String jurisdiction,
        @Schema(description = "Rule file, relative to the rules directory", example = "national/miit/specialized-sme.drl") String file,
        @Schema(required = true) HowToClaim howToClaim,
        @Schema(description = "True for a classification or status the enterprise holds or meets (firm size, the 规上 threshold), "
                + "shown apart from support it can claim") boolean enterpriseStatus,
        List<Criterion> criteria) {

    public enum BenefitKind { CASH, TAX, STATUS, SERVICE }

    /** How to read an amount: the award, a ceiling, or an estimate from the caller's figures. */
    public enum Basis { EXACT, UP_TO, ESTIMATE }

    @Schema(description = "What replaced a measure: an encoded measure, a note, or both.")
    public record Successor(
            @Schema(description = "Id of the measure that replaces it, when encoded", example = "CN-MIIT-SPECIALIZED-SME-2026")
            String measureId,
            @Schema(description = "What replaced it, in words (e.g. a revision not yet encoded: ask the issuing office)") Text note) {
    }

    @Schema(description = "The legal source of a measure.")
    public record Citation(
            @Schema(example = "优质中小企业梯度培育管理暂行办法") String document,
            @Schema(example = "工信部企业〔2022〕63号") String number,
            @Schema(example = "工业和信息化部") String issuer,
            @Schema(description = "The issuer's name in English, for the English view; null when the rule file gives none",
                    example = "Ministry of Industry and Information Technology") String issuerEn,
            @Schema(example = "第十条") String article,
            @Schema(description = "Public address of the text, when known") String url) {
    }

    @Schema(description = "A named criterion of a measure.")
    public record Criterion(@Schema(required = true, example = "rd-expense") String id, Text description,
                            @Schema(description = "True when the criterion is settled by past facts (an entry year, an earlier award): "
                                    + "failing it is never a near miss") boolean fixed,
                            @Schema(description = "True when it says whom the measure is for, which most enterprises do not meet "
                                    + "(rule file: @askFirst): the guided self-check asks for its fields first") boolean askFirst) {
    }

    /** Confirmed against the official text for an evaluation on {@code date}. */
    public boolean confirmedOn(LocalDate date) {
        return confirmed && (confirmedUntil == null || !date.isAfter(confirmedUntil));
    }

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }
}
