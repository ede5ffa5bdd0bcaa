package org.huiqi.fields;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.huiqi.evaluation.MeasureResult;
import org.huiqi.evaluation.MeasureResult.Status;
import org.huiqi.evaluation.Outcome;
import org.huiqi.evaluation.Text;
import org.huiqi.rules.HowToClaim;
import org.junit.jupiter.api.Test;

/** Ranking of the next questions, from finished results. */
class QuestionsTest {
    private final FieldCatalog catalog = FieldCatalog.builtIn();

    @Test
    void rankedByResultsDecidedThenByMoneyAndOnlyFromNeedsInfo() {
        List<MeasureResult> results = List.of(
                result("A", Status.NEEDS_INFO, null, null, "sme", "employees"),
                result("B", Status.NEEDS_INFO, new BigDecimal("5"), null, "employees", "financials.2024.rdExpense"),
                result("C", Status.NEEDS_INFO, null, new BigDecimal("600"), "projects[0].totalInvestment"),
                // its unknowns cannot change its status: it already fails
                result("D", Status.NOT_ELIGIBLE, null, new BigDecimal("1000"), "ownBrand"));
        List<Question> questions = Questions.of(results, catalog);
        assertThat(questions).extracting(Question::field)
                .containsExactly("employees", "projects[0].totalInvestment", "financials.2024.rdExpense", "sme");
        Question employees = questions.get(0);
        assertThat(employees.decides()).containsExactly("A", "B");
        assertThat(employees.amountAtStake()).isEqualByComparingTo("5");
        assertThat(questions.get(1).amountAtStake()).as("a cap counts where no amount is computed").isEqualByComparingTo("600");
        assertThat(questions.get(1).label()).isEqualTo(Text.of("投资项目 1：计划总投资", "Investment projects 1: Planned total investment"));
        assertThat(questions.get(1).catalogField()).isEqualTo("projects[].totalInvestment");
        assertThat(questions.get(3).amountAtStake()).as("no figure: unknown, not zero").isNull();
    }

    @Test
    void aFieldThatAloneDecidesACriterionComesBeforeOnesThatOnlyNarrowItAndExpertFieldsComeLast() {
        // A: its R&D criterion waits for two figures (each only narrows it); its SME criterion waits for one.
        // B: the panel's score alone would decide it, but only an assessor knows it.
        MeasureResult a = result("A", Status.NEEDS_INFO, null, new BigDecimal("100"), List.of(
                        unknown("rd-ratio", "financials.2024.rdExpense", "financials.2024.operatingRevenue"),
                        unknown("sme", "sme")),
                "financials.2024.rdExpense", "financials.2024.operatingRevenue", "sme");
        MeasureResult b = result("B", Status.NEEDS_INFO, null, new BigDecimal("500"), List.of(
                unknown("score", "hnteInnovationScore"), unknown("revenue", "financials.2024.operatingRevenue")),
                "hnteInnovationScore", "financials.2024.operatingRevenue");
        List<Question> questions = Questions.of(List.of(a, b), catalog);
        assertThat(questions).extracting(Question::field).containsExactly(
                "financials.2024.operatingRevenue", "sme", "financials.2024.rdExpense", "hnteInnovationScore");
        assertThat(questions).extracting(Question::settles).containsExactly(true, true, false, true);
        assertThat(questions.get(3).expert()).isTrue();
        assertThat(catalog.find("hnteInnovationScore").orElseThrow().help().zh()).as("says who can tell").contains("评审");
    }

    @Test
    void whomAMeasureIsForIsAskedFirstAndASecondQuestionAboutAMeasureWaitsForOneAboutAnother() {
        // A: a refund for recyclers. Most enterprises answer no to "sells recycled resources it collected"
        // (@askFirst), which settles A without asking its compliance questions.
        MeasureResult a = result("A", Status.NEEDS_INFO, null, new BigDecimal("50"), List.of(
                        unknown("general-taxpayer", "vatGeneralTaxpayer"), unknown("tax-credit", "taxCreditRating"),
                        askFirst("sells-collected", "sellsCollectedRecycledResources")),
                "vatGeneralTaxpayer", "taxCreditRating", "sellsCollectedRecycledResources");
        MeasureResult b = result("B", Status.NEEDS_INFO, null, new BigDecimal("5"), List.of(unknown("niche", "yearsInNiche")),
                "yearsInNiche");
        List<Question> questions = Questions.of(List.of(a, b), catalog);
        assertThat(questions).extracting(Question::field).as("after the one about A, B's question before A's others")
                .containsExactly("sellsCollectedRecycledResources", "yearsInNiche", "taxCreditRating", "vatGeneralTaxpayer");
    }

    private static MeasureResult.CriterionResult unknown(String id, String... missing) {
        return new MeasureResult.CriterionResult(id, Outcome.UNKNOWN, null, null, null, List.of(missing), List.of(missing), List.of(), false, false);
    }

    private static MeasureResult.CriterionResult askFirst(String id, String... missing) {
        return new MeasureResult.CriterionResult(id, Outcome.UNKNOWN, null, null, null, List.of(missing), List.of(missing), List.of(), false, true);
    }

    private static MeasureResult result(String id, Status status, BigDecimal amount, BigDecimal cap, String... missing) {
        return result(id, status, amount, cap, List.of(), missing);
    }

    private static MeasureResult result(String id, Status status, BigDecimal amount, BigDecimal cap,
                                        List<MeasureResult.CriterionResult> criteria, String... missing) {
        MeasureResult.Benefit benefit = new MeasureResult.Benefit(null, null, amount, cap, true, null, null, null, List.of());
        return new MeasureResult(id, null, Text.of(id, id), status, false, benefit, criteria,
                status == Status.NEEDS_INFO ? List.of(missing) : List.of(), List.of(), List.of(), null, null, null, null, null,
                new HowToClaim(HowToClaim.Mode.APPLY, Text.of("受理部门", "office"), null, null, null, true), false);
    }
}
