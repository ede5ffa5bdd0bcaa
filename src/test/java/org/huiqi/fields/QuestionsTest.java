package org.huiqi.fields;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.huiqi.evaluation.MeasureResult;
import org.huiqi.evaluation.MeasureResult.Status;
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

    private static MeasureResult result(String id, Status status, BigDecimal amount, BigDecimal cap, String... missing) {
        MeasureResult.Benefit benefit = new MeasureResult.Benefit(null, null, amount, cap, true, null, null, null);
        return new MeasureResult(id, null, Text.of(id, id), status, false, benefit, List.of(),
                status == Status.NEEDS_INFO ? List.of(missing) : List.of(), List.of(), List.of(), null, null, null, null, null,
                new HowToClaim(HowToClaim.Mode.APPLY, Text.of("受理部门", "office"), null, null, null, true), false);
    }
}
