package org.huiqi.evaluation.facts;

import java.math.BigDecimal;
import java.util.function.Function;
import org.huiqi.evaluation.Num;
import org.huiqi.profile.YearFigures;

/**
 * One calendar year of the enterprise's figures, as rules read them: raw figures plus the ratios
 * derived from them (never asked of the user). Every figure knows the profile field it came from.
 */
public final class FiscalYear {
    private final Enterprise enterprise;
    private final int year;
    private final YearFigures figures;

    FiscalYear(Enterprise enterprise, int year, YearFigures figures) {
        this.enterprise = enterprise;
        this.year = year;
        this.figures = figures;
    }

    public int year() {
        return year;
    }

    /**
     * This year's answer to a number input declared {@code perYear: true} beside the rule
     * ({@code profile.inputs.<id>.<year>}), such as the electricity used in 2024: asked by year,
     * like the financials, so the question never depends on the evaluation date.
     */
    public Num input(String id) {
        return enterprise.inputOfYear(id, year);
    }

    /** The year before this one. */
    public FiscalYear previous() {
        return enterprise.year(year - 1);
    }

    public Num operatingRevenue() {
        return figure("operatingRevenue", YearFigures::operatingRevenue);
    }

    public Num mainBusinessRevenue() {
        return figure("mainBusinessRevenue", YearFigures::mainBusinessRevenue);
    }

    public Num rdExpense() {
        return figure("rdExpense", YearFigures::rdExpense);
    }

    public Num rdExpenseDomestic() {
        return figure("rdExpenseDomestic", YearFigures::rdExpenseDomestic);
    }

    public Num highTechRevenue() {
        return figure("highTechRevenue", YearFigures::highTechRevenue);
    }

    public Num netProfit() {
        return figure("netProfit", YearFigures::netProfit);
    }

    public Num totalAssets() {
        return figure("totalAssets", YearFigures::totalAssets);
    }

    public Num totalLiabilities() {
        return figure("totalLiabilities", YearFigures::totalLiabilities);
    }

    public Num taxableProfit() {
        return figure("taxableProfit", YearFigures::taxableProfit);
    }

    public Num vatPaid() {
        return figure("vatPaid", YearFigures::vatPaid);
    }

    /** Gross industrial output (工业总产值), 万元. */
    public Num industrialOutput() {
        return figure("industrialOutput", YearFigures::industrialOutput);
    }

    /** Industrial output growth over the year before, percent. */
    public Num industrialOutputGrowth() {
        return industrialOutput().growthOver(previous().industrialOutput());
    }

    /** Industrial value-added growth over the year before, percent (reported, not derivable). */
    public Num industrialValueAddedGrowth() {
        return figure("industrialValueAddedGrowth", YearFigures::industrialValueAddedGrowth);
    }

    /** R&D expense as a percentage of operating revenue. */
    public Num rdRatio() {
        return rdExpense().percentOf(operatingRevenue());
    }

    /** Main-business revenue as a percentage of operating revenue. */
    public Num mainBusinessShare() {
        return mainBusinessRevenue().percentOf(operatingRevenue());
    }

    /** Main-business revenue growth over the year before, percent. */
    public Num mainBusinessGrowth() {
        return mainBusinessRevenue().growthOver(previous().mainBusinessRevenue());
    }

    /** Operating revenue growth over the year before, percent. */
    public Num revenueGrowth() {
        return operatingRevenue().growthOver(previous().operatingRevenue());
    }

    /** Total liabilities as a percentage of total assets. */
    public Num assetLiabilityRatio() {
        return totalLiabilities().percentOf(totalAssets());
    }

    /** R&D spent in China as a percentage of all R&D expense. */
    public Num domesticRdShare() {
        return rdExpenseDomestic().percentOf(rdExpense());
    }

    /** High-tech products and services revenue as a percentage of operating revenue. */
    public Num highTechRevenueShare() {
        return highTechRevenue().percentOf(operatingRevenue());
    }

    private Num figure(String name, Function<YearFigures, BigDecimal> read) {
        return Num.input(figures == null ? null : read.apply(figures), "financials." + year + "." + name);
    }
}
