package org.huiqi.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huiqi.evaluation.MeasureResult.Status;
import org.huiqi.profile.Profile;
import org.huiqi.profile.ProfileJson;
import org.huiqi.rules.RuleFiles;
import org.huiqi.rules.RuleSet;
import org.huiqi.rules.RuleSetCompiler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two 15% corporate income tax rates cannot both be claimed: each result lists the other with
 * its status in the same evaluation and which one suits the profile. Scenario files cannot check
 * conflicts, so this test does, on the project's own rules.
 */
class ConflictTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 1);
    private static RuleSet ruleSet;
    private final Evaluator evaluator = new Evaluator(EvaluationLimits.DEFAULT);

    @BeforeAll
    static void build() {
        ruleSet = new RuleSetCompiler().compile(RuleFiles.read(Path.of("rules")));
    }

    @Test
    void bothEligibleWithTheSameSavingRecommendTheOneWhoseRuleFileGivesAReason() {
        List<MeasureResult> results = evaluate(wuzhouHnteHolder(Map.of("2024", Map.of("taxableProfit", 800))));
        MeasureResult west = result(results, "CN-EIT-WEST15");
        MeasureResult hnte = result(results, "CN-HNTE-EIT15");

        MeasureResult.Conflict fromWest = west.conflicts().get(0);
        MeasureResult.Conflict fromHnte = hnte.conflicts().get(0);
        assertThat(fromWest.measureId()).isEqualTo("CN-HNTE-EIT15");
        assertThat(fromHnte.measureId()).isEqualTo("CN-EIT-WEST15");
        assertThat(fromWest.status()).isEqualTo(Status.ELIGIBLE);
        assertThat(fromHnte.status()).isEqualTo(Status.ELIGIBLE);
        assertThat(fromWest.recommended()).as("both sides give the same advice").isEqualTo("CN-EIT-WEST15");
        assertThat(fromHnte.recommended()).isEqualTo("CN-EIT-WEST15");
        assertThat(fromHnte.recommendation().zh()).contains("估算金额相同", "80");
        assertThat(fromHnte.recommendation().en()).contains("same estimated amount");
    }

    @Test
    void withoutTaxableProfitTheAdviceSaysTheAmountsCannotBeCompared() {
        MeasureResult hnte = result(evaluate(wuzhouHnteHolder(Map.of())), "CN-HNTE-EIT15");
        assertThat(hnte.conflicts().get(0).recommended()).isEqualTo("CN-EIT-WEST15");
        assertThat(hnte.conflicts().get(0).recommendation().en()).contains("lacks the figures");
    }

    @Test
    void whenOnlyOneIsEligibleThatOneIsRecommended() {
        Map<String, Object> profile = new HashMap<>(wuzhouHnteHolder(Map.of("2024", Map.of("taxableProfit", 800))));
        profile.put("westernEncouragedRevenueSharePct", 59);
        List<MeasureResult> results = evaluate(profile);

        MeasureResult.Conflict fromWest = result(results, "CN-EIT-WEST15").conflicts().get(0);
        assertThat(fromWest.status()).isEqualTo(Status.ELIGIBLE);
        assertThat(fromWest.recommended()).isEqualTo("CN-HNTE-EIT15");
        assertThat(result(results, "CN-HNTE-EIT15").conflicts().get(0).status()).isEqualTo(Status.NOT_ELIGIBLE);
    }

    @Test
    void outsideTheWesternRegionTheHiddenWesternRateStillDecidesTheAdvice() {
        Map<String, Object> profile = new HashMap<>(wuzhouHnteHolder(Map.of()));
        profile.put("regionCode", "331123");
        List<MeasureResult> results = evaluate(profile);

        assertThat(results).noneMatch(r -> r.measureId().equals("CN-EIT-WEST15"));
        MeasureResult.Conflict conflict = result(results, "CN-HNTE-EIT15").conflicts().get(0);
        assertThat(conflict.status()).isEqualTo(Status.NOT_ELIGIBLE);
        assertThat(conflict.recommended()).isEqualTo("CN-HNTE-EIT15");
    }

    private static Map<String, Object> wuzhouHnteHolder(Map<String, Object> financials) {
        return Map.of("regionCode", "450400", "westernEncouragedRevenueSharePct", 80,
                "certifications", List.of(Map.of("type", "HIGH_TECH_ENTERPRISE", "recognizedOn", "2024-01-10")),
                "financials", financials);
    }

    private List<MeasureResult> evaluate(Map<String, Object> fields) {
        Profile profile = ProfileJson.configure(new ObjectMapper()).convertValue(fields, Profile.class);
        return evaluator.evaluate(ruleSet, AS_OF, profile, false).results();
    }

    private static MeasureResult result(List<MeasureResult> results, String id) {
        return results.stream().filter(r -> r.measureId().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id + " not listed"));
    }
}
