package org.huiqi.profile;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An investment project of the enterprise; per-project measures give one result per project. */
@Schema(description = "An investment project (项目). Per-project measures give one result per project.")
public record ProjectInput(
        @Schema(description = "Caller's project id, echoed as projectId in results", example = "p1")
        @Size(max = ProfileLimits.MAX_ID_LENGTH) String id,
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
        @Min(ProfileLimits.MIN_YEAR) @Max(ProfileLimits.MAX_YEAR) Integer firstRevenueYear,
        @Schema(description = "Project is in the environmental-protection / energy- and water-saving catalogue", example = "false")
        Boolean environmentalCatalog,
        @Schema(description = "Taxable income (应纳税所得额) of the project in the last full year, 万元; may be negative", example = "400")
        BigDecimal taxableIncomeLastYear,
        @Schema(description = "Project already received provincial funding", example = "false") Boolean previouslyProvincialFunded,
        @Schema(description = "Project belongs to one of the province's strategic industry clusters (省战略性产业集群, e.g. Guangdong's 20 clusters)",
                example = "true") Boolean inProvincialStrategicCluster,
        @Schema(description = "What the project builds, for approval fast tracks: STANDARD_FACTORY (标准厂房), GENERAL_WAREHOUSE "
                + "(普通仓库), INNOVATIVE_INDUSTRIAL (创新型产业用地项目), OTHER", example = "STANDARD_FACTORY") BuildingType buildingType,
        @Schema(description = "Enterprise commits to the approval conditions (承诺制)", example = "true") Boolean commitmentSystem) {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ProjectKind", description = "The kind of a project")
    public enum Kind { MANUFACTURING, ENERGY_STORAGE, ENERGY_STORAGE_DEMO, ENVIRONMENTAL, OTHER }

    public enum BuildingType { STANDARD_FACTORY, GENERAL_WAREHOUSE, INNOVATIVE_INDUSTRIAL, OTHER }

    public enum StorageTechnology { LITHIUM_ION, SODIUM_ION, FLOW, SOLID_STATE, HYDROGEN, OTHER }
}
