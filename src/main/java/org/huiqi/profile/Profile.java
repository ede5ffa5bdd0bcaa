package org.huiqi.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an enterprise tells us about itself. Every field is optional: an absent (or null) field is
 * unknown, and a criterion that needs it is UNKNOWN — never read as zero or "no".
 */
@Schema(description = "Enterprise profile. Every field is optional: absent or null means unknown, never zero or false.")
public record Profile(
        @Schema(description = "Enterprise name", example = "梧州市某再生金属有限公司")
        @Size(max = ProfileLimits.MAX_NAME_LENGTH) String name,
        @Schema(description = "Unified social credit code (统一社会信用代码), 18 characters, GB 32100-2015 check character",
                example = "91450400MA5L00000D") @CreditCode String creditCode,
        @Schema(description = "GB/T 2260 six-digit code of the city or county where the enterprise is registered", example = "450400")
        @Pattern(regexp = "\\d{6}", message = "must be a six-digit GB/T 2260 code, such as 450400") String regionCode,
        @Schema(description = "Ids of the industrial parks the enterprise is located in", example = "[\"wuzhou-circular-economy-park\"]")
        @Size(max = ProfileLimits.MAX_PARKS) List<@Size(max = ProfileLimits.MAX_PARK_ID_LENGTH)
        @Pattern(regexp = "[a-z0-9-]+", message = "must be a park id such as wuzhou-circular-economy-park") String> parks,
        @Schema(description = "Registration date (成立日期)", example = "2016-05-10") LocalDate registrationDate,
        @Schema(description = "GB/T 4754-2017 industry code: section letter plus up to four digits", example = "C4210")
        @Pattern(regexp = "[A-T](\\d{2}(\\d{1,2})?)?", message = "must be a GB/T 4754-2017 code such as C4210") String industryCode,
        @Schema(description = "Is a small or medium-sized enterprise (中小企业) under the 2011 classification", example = "true") Boolean sme,
        @Schema(description = "Employees, headcount", example = "180") @PositiveOrZero @Max(ProfileLimits.MAX_COUNT) Integer employees,
        @Schema(description = "Science and technology staff (科技人员), headcount", example = "25") @PositiveOrZero @Max(ProfileLimits.MAX_COUNT) Integer techStaff,
        @Schema(description = "R&D staff (研发人员), headcount", example = "20") @PositiveOrZero @Max(ProfileLimits.MAX_COUNT) Integer rdStaff,
        @Schema(description = "Yearly figures keyed by four-digit year") @YearKeys @Size(max = ProfileLimits.MAX_YEARS) Map<String, @Valid YearFigures> financials,
        @Schema(description = "Equity financing received (股权融资) per year, 万元, keyed by four-digit year", example = "{\"2024\": 0, \"2025\": 0}")
        @YearKeys @Size(max = ProfileLimits.MAX_YEARS) Map<String, @PositiveOrZero BigDecimal> equityFinancing,
        @Valid IntellectualProperty ip,
        @Schema(description = "Owns the core IP of its main products (拥有核心自主知识产权)", example = "true") Boolean ownsCoreIp,
        @Schema(description = "Main products are in a 国家重点支持的高新技术领域 field", example = "false") Boolean inHiTechField,
        @Schema(description = "Highest level of R&D institution (研发机构) the enterprise has", example = "MUNICIPAL") RdInstitutionLevel rdInstitutionLevel,
        @Schema(description = "Has an R&D institution of its own, or built jointly with a university or research institute, "
                + "recognised or not (自建或与高校、科研机构联合建立研发机构)", example = "true") Boolean rdInstitution,
        @Schema(description = "Awards received") @Size(max = ProfileLimits.MAX_AWARDS) List<@Valid Award> awards,
        @Schema(description = "Years in its niche market (从事特定细分市场年限)", example = "6") @PositiveOrZero @Max(200) Integer yearsInNiche,
        @Schema(description = "Lead product is in a strategic emerging industry (战略性新兴产业)", example = "true") Boolean leadProductStrategicEmerging,
        @Schema(description = "Lead product's national niche market share, percent", example = "4") @PositiveOrZero @DecimalMax("100") BigDecimal nicheMarketSharePct,
        @Schema(description = "Has its own brand (自主品牌)", example = "true") Boolean ownBrand,
        @Schema(description = "Holds a management-system or market certification (管理体系认证)", example = "true") Boolean managementCertification,
        @Schema(description = "专精特新 specialisation score, 0–100, from the provincial scoring sheet", example = "72")
        @PositiveOrZero @DecimalMax("100") BigDecimal specializedScore,
        @Schema(description = "High-tech enterprise innovation assessment score, 0–100", example = "75")
        @PositiveOrZero @DecimalMax("100") BigDecimal hnteInnovationScore,
        @Schema(description = "Recognitions held, with dates") @Size(max = ProfileLimits.MAX_CERTIFICATIONS) List<@Valid Certification> certifications,
        @Schema(description = "Year first counted in the above-scale (规上) statistics", example = "2019") @Min(ProfileLimits.MIN_YEAR) @Max(ProfileLimits.MAX_YEAR) Integer firstAboveScaleYear,
        @Schema(description = "Date first counted in the above-scale (规上) statistics (纳入规上统计的时间); month precision is enough. "
                + "Needed when firstAboveScaleYear alone cannot say whether it entered before or after a quarter's end", example = "2022-07-01")
        LocalDate aboveScaleSince,
        @Schema(description = "Counted in the above-scale (规上) industrial statistics now (在库规上工业企业)", example = "true") Boolean aboveScaleNow,
        @Schema(description = "Already received the provincial 小升规 award since 2018", example = "false") Boolean receivedProvincialXsgAward,
        @Schema(description = "Entered 规上 directly as a newly commissioned plant (新投产)", example = "false") Boolean newPlantEntry,
        @Schema(description = "Converted from a non-industrial enterprise (非工转工)", example = "false") Boolean convertedFromNonIndustrial,
        @Schema(description = "Moved between cities (跨市迁移)", example = "false") Boolean movedBetweenCities,
        @Schema(description = "Tax credit rating (纳税信用级别)", example = "A") TaxCreditRating taxCreditRating,
        @Schema(description = "Major safety, quality or environmental incident in the last 3 years", example = "false") Boolean majorIncidentWithin3Years,
        @Schema(description = "Major safety, quality or environmental incident in the year before applying (申请前一年内发生重大安全、质量事故或严重环境违法行为)",
                example = "false") Boolean majorIncidentWithin1Year,
        @Schema(description = "Environmental or tax violation in the last 6 months", example = "false") Boolean violationWithin6Months,
        @Schema(description = "Listed in the 经营异常名录 or as a 严重失信主体 (abnormal-operation list or seriously dishonest entity)",
                example = "false") Boolean listedAbnormalOrDishonest,
        @Schema(description = "Tax evasion or another serious violation of law in the last 3 years (近三年偷漏税或其他严重违法违规行为)",
                example = "false") Boolean seriousViolationWithin3Years,
        @Schema(description = "Is a general VAT taxpayer (增值税一般纳税人)", example = "true") Boolean vatGeneralTaxpayer,
        @Schema(description = "Sells recycled resources it collected itself, with only simple processing such as sorting, cleaning, "
                + "baling, cutting or crushing (销售自己收购的再生资源，仅进行简单加工)", example = "true") Boolean sellsCollectedRecycledResources,
        @Schema(description = "Collects or handles hazardous waste (从事危险废物收集)", example = "false") Boolean handlesHazardousWaste,
        @Schema(description = "Collects end-of-life vehicles (从事报废机动车回收)", example = "false") Boolean handlesEndOfLifeVehicles,
        @Schema(description = "Filed as a recycler with the commerce authority (再生资源回收经营者备案)", example = "true") Boolean recyclerFiled,
        @Schema(description = "Holds a hazardous-waste operating licence (危险废物经营许可证)", example = "false") Boolean hazardousWasteLicence,
        @Schema(description = "Holds an end-of-life-vehicle dismantling certificate (报废机动车回收拆解资质)", example = "false") Boolean elvDismantlingLicence,
        @Schema(description = "Category of its self-produced products in the 资源综合利用产品和劳务增值税优惠目录 (2022), or NOT_LISTED", example = "RECYCLED_METAL") RcuVatCategory rcuVatCategory,
        @Schema(description = "Main raw material is in the 2021 资源综合利用 EIT catalogue", example = "true") Boolean rcuEitCatalogMaterial,
        @Schema(description = "Recycled inputs it buys are covered by invoices or purchase vouchers as the 2021 No. 40 notice requires "
                + "(购进再生资源取得发票或收购凭证)", example = "true") Boolean recycledInputsInvoiced,
        @Schema(description = "Its product or process is restricted or to be eliminated under the 产业结构调整指导目录 (限制类、淘汰类)",
                example = "false") Boolean restrictedOrEliminatedProduct,
        @Schema(description = "Its product is listed as high-pollution or high-environmental-risk, or made with a heavy-pollution process, "
                + "in the 环境保护综合名录", example = "false") Boolean highPollutionProduct,
        @Schema(description = "Manufactures new-energy-storage products: storage cells and batteries, converters, battery management "
                + "and other key components (新型储能制造企业)", example = "true") Boolean energyStorageManufacturer,
        @Schema(description = "Revenue share from 西部地区鼓励类产业, percent", example = "80")
        @PositiveOrZero @DecimalMax("100") BigDecimal westernEncouragedRevenueSharePct,
        @Schema(description = "Industrial output by quarter") @Size(max = ProfileLimits.MAX_QUARTERS) List<@Valid QuarterOutput> quarterlyOutput,
        @Schema(description = "Investment projects") @Size(max = ProfileLimits.MAX_PROJECTS) List<@Valid ProjectInput> projects,
        @Schema(description = "Has investment projects outside its place of registration (在外地有投资项目). Only read when "
                + "projects is absent: absent or false, the per-project measures of the enterprise's own place are listed "
                + "(the answer's projectPlaces says which places were assumed); true, those of every place are listed, "
                + "asking for the projects", example = "false") Boolean projectsElsewhere,
        @Schema(description = "Answers to inputs that measures declare in *.inputs.yaml beside their rule files, "
                + "keyed by input id: a number, true/false, or one of the input's choices (never a list); an input declared "
                + "perYear is answered by year like financials: {\"electricityUse\": {\"2024\": 1200}}",
                example = "{\"copperOutputTonnes\": 1200}")
        @Size(max = ProfileLimits.MAX_INPUTS) @JsonDeserialize(using = InputAnswers.class) Map<String, JsonNode> inputs) {

    public enum RdInstitutionLevel { NONE, MUNICIPAL, PROVINCIAL, NATIONAL }

    public enum TaxCreditRating { A, B, M, C, D }

    /** OTHER: in the catalogue, another category; NOT_LISTED: no product of it is in the catalogue. */
    public enum RcuVatCategory { RECYCLED_METAL, RECYCLED_PLASTIC, WASTE_SLAG_BUILDING_MATERIAL, OTHER, NOT_LISTED }
}
