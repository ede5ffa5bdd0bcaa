package org.huiqi.profile;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One fiscal year's figures. Money in 万元 (10,000 CNY); absent means unknown. */
@Schema(description = "One fiscal year's figures. Money in 万元 (10,000 CNY); an absent figure is unknown, never zero.")
public record YearFigures(
        @Schema(description = "Operating revenue (营业收入), 万元", example = "12000") @PositiveOrZero BigDecimal operatingRevenue,
        @Schema(description = "Main-business revenue (主营业务收入), 万元", example = "11000") @PositiveOrZero BigDecimal mainBusinessRevenue,
        @Schema(description = "R&D expense (研发费用), 万元", example = "400") @PositiveOrZero BigDecimal rdExpense,
        @Schema(description = "R&D expense spent in China (境内研发费用), 万元", example = "400") @PositiveOrZero BigDecimal rdExpenseDomestic,
        @Schema(description = "Revenue from high-tech products and services (高新技术产品收入), 万元", example = "0") @PositiveOrZero BigDecimal highTechRevenue,
        @Schema(description = "Net profit (净利润), 万元; may be negative", example = "700") BigDecimal netProfit,
        @Schema(description = "Total assets (资产总额), 万元", example = "20000") @PositiveOrZero BigDecimal totalAssets,
        @Schema(description = "Total liabilities (负债总额), 万元", example = "11000") @PositiveOrZero BigDecimal totalLiabilities,
        @Schema(description = "Taxable profit (应纳税所得额), 万元; may be negative", example = "800") BigDecimal taxableProfit,
        @Schema(description = "VAT paid (已缴增值税), 万元", example = "300") @PositiveOrZero BigDecimal vatPaid,
        @Schema(description = "Gross industrial output (工业总产值), 万元", example = "120000") @PositiveOrZero BigDecimal industrialOutput,
        @Schema(description = "Industrial value-added growth (工业增加值增速), percent; may be negative", example = "12")
        @DecimalMin("-100") @DecimalMax("1000") BigDecimal industrialValueAddedGrowth) {
}
