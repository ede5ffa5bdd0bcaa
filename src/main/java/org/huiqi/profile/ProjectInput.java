package org.huiqi.profile;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An investment project of the enterprise; per-project measures give one result per project. */
@Schema(description = "An investment project (项目). Per-project measures give one result per project.")
public record ProjectInput(
        @Schema(description = "Caller's project id, echoed as projectId in results", example = "p1") String id,
        @Schema(description = "GB/T 2260 code of the project's location", example = "450400")
        @Pattern(regexp = "\\d{6}", message = "must be a six-digit GB/T 2260 code") String regionCode,
        @Schema(description = "Project kind", example = "MANUFACTURING") Kind kind,
        @Schema(description = "Planned total investment (计划总投资), 万元", example = "30000") @PositiveOrZero BigDecimal totalInvestment,
        @Schema(description = "New actual fixed-asset investment (新增实际固定资产投资), 万元", example = "12000")
        @PositiveOrZero BigDecimal newFixedAssetInvestment,
        @Schema(description = "Industrial land acquired by public listing (挂牌出让工业用地)", example = "true") Boolean industrialLandByListing,
        @Schema(description = "Building area (建筑面积), m²", example = "24000") @PositiveOrZero BigDecimal buildingAreaM2,
        @Schema(description = "Energy-storage technology, for storage projects", example = "LITHIUM_ION") StorageTechnology storageTechnology,
        @Schema(description = "Year of the project's first revenue (取得第一笔生产经营收入的年度)", example = "2024")
        @Min(1949) @Max(2100) Integer firstRevenueYear,
        @Schema(description = "Project is in the environmental-protection / energy- and water-saving catalogue", example = "false")
        Boolean environmentalCatalog,
        @Schema(description = "Project already received provincial funding", example = "false") Boolean previouslyProvincialFunded,
        @Schema(description = "Enterprise commits to the approval conditions (承诺制)", example = "true") Boolean commitmentSystem) {

    public enum Kind { MANUFACTURING, ENERGY_STORAGE, ENERGY_STORAGE_DEMO, ENVIRONMENTAL, OTHER }

    public enum StorageTechnology { LITHIUM_ION, SODIUM_ION, FLOW, SOLID_STATE, HYDROGEN, OTHER }
}
