package org.huiqi.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huiqi.evaluation.Criteria.anyOf;
import static org.huiqi.evaluation.Criteria.atLeast;
import static org.huiqi.evaluation.Criteria.atMost;
import static org.huiqi.evaluation.Criteria.points;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Map;
import org.huiqi.evaluation.facts.Enterprise;
import org.huiqi.evaluation.facts.Places;
import org.huiqi.profile.Profile;
import org.huiqi.profile.ProfileJson;
import org.junit.jupiter.api.Test;

/**
 * Partly answered figures decide where they can: the profile's constraints say an unanswered R&D
 * expense is not negative and a count not above its limit, so a sum whose answered parts already
 * reach a threshold is MET, and one that cannot reach it at the largest allowed values is NOT_MET.
 * Where the range leaves both answers open, the criterion stays UNKNOWN and names what is missing.
 */
class PartialDecisionTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 1);

    @Test
    void aSumOfAmountsThatCannotBeNegativeIsMetOnceTheAnsweredPartsReachTheThreshold() {
        // 专精特新: 近两年股权融资 ≥ 2000 万元; 2024 alone is 2500, 2023 unanswered.
        Enterprise e = enterprise(Map.of("equityFinancing", Map.of("2024", 2500)));
        Check reached = atLeast(e.equityFinancingOver(2), 2000);
        assertThat(reached.outcome()).isEqualTo(Outcome.MET);
        assertThat(reached.missing()).isEmpty();

        Check open = atLeast(enterprise(Map.of("equityFinancing", Map.of("2024", 1500))).equityFinancingOver(2), 2000);
        assertThat(open.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(open.missing()).containsExactly("equityFinancing.2023");

        // The average of R&D over two years is the sum halved: 2,400 in one year is 1,200 a year at least.
        Enterprise rd = enterprise(Map.of("financials", Map.of("2024", Map.of("rdExpense", 2400))));
        assertThat(atLeast(rd.averageRdExpense(2), 1000).outcome()).isEqualTo(Outcome.MET);
    }

    @Test
    void aSumThatAlreadyPassesACeilingIsNotMetWhateverTheRestIs() {
        // Amounts cannot be negative, so 2024's R&D alone passing the ceiling settles "at most".
        Enterprise e = enterprise(Map.of("financials", Map.of("2024", Map.of("rdExpense", 900))));
        Check passed = atMost(e.rdExpenseOver(3), 800);
        assertThat(passed.outcome()).isEqualTo(Outcome.NOT_MET);
        assertThat(passed.missing()).isEmpty();
        assertThat(atMost(e.rdExpenseOver(3), 1000).outcome()).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void aScoreThatCannotReachItsThresholdEvenAtTheMostPointsLeftIsNotMet() {
        // Two rows of a scoring table: one answered (5 of 40 points), one unknown (at most 15 points).
        Enterprise e = enterprise(Map.of("employees", 20));
        Num staffPoints = points(atLeast(e.employees(), 100), 40, atLeast(e.employees(), 50), 20, 5);
        Num ipPoints = points(atLeast(e.ip().classI(), 5), 15, atLeast(e.ip().classI(), 1), 10, 0);
        Check outOfReach = atLeast(staffPoints.plus(ipPoints), 60);
        assertThat(outOfReach.outcome()).isEqualTo(Outcome.NOT_MET);
        assertThat(outOfReach.missing()).isEmpty();
        // ...while a threshold the best remaining answer could still reach stays open.
        assertThat(atLeast(staffPoints.plus(ipPoints), 20).outcome()).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void aCountIsDecidedByItsAnsweredPartsAndItsLimit() {
        // Class-I plus Class-II IP at least 6: eight Class-II items settle it with Class I unanswered.
        Enterprise e = enterprise(Map.of("ip", Map.of("classII", 8)));
        Check reached = atLeast(e.ip().classI().plus(e.ip().classII()), 6);
        assertThat(reached.outcome()).isEqualTo(Outcome.MET);
        assertThat(reached.missing()).isEmpty();
        // A count is not negative: "no more than 3" fails once 8 are answered.
        assertThat(atMost(e.ip().classI().plus(e.ip().classII()), 3).outcome()).isEqualTo(Outcome.NOT_MET);
        // A share limited to 100% cannot be above 100 however it is answered.
        assertThat(atMost(e.nicheMarketShare(), 100).outcome()).isEqualTo(Outcome.MET);
    }

    @Test
    void anOrIsSettledByOneMetBranchWithTheOthersUnanswered() {
        Enterprise e = enterprise(Map.of("equityFinancing", Map.of("2024", 2500)));
        Check or = anyOf(atLeast(e.averageRdExpense(2), 1000), atLeast(e.equityFinancingOver(2), 2000));
        assertThat(or.outcome()).isEqualTo(Outcome.MET);
        assertThat(or.missing()).isEmpty();
    }

    @Test
    void aFigureWithoutLimitsStaysUnknown() {
        // Taxable profit may be negative and has no ceiling: nothing can be settled without it.
        Enterprise e = enterprise(Map.of());
        assertThat(atLeast(e.lastYear().taxableProfit(), 0).outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(atMost(e.lastYear().taxableProfit(), 1_000_000).outcome()).isEqualTo(Outcome.UNKNOWN);
    }

    private static Enterprise enterprise(Map<String, Object> fields) {
        Profile profile = ProfileJson.configure(new ObjectMapper()).convertValue(fields, Profile.class);
        return new Enterprise(profile, AS_OF, Places.empty());
    }
}
