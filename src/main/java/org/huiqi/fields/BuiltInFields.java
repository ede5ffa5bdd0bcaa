package org.huiqi.fields;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huiqi.evaluation.Text;
import org.huiqi.profile.Award;
import org.huiqi.profile.Certification;
import org.huiqi.profile.Profile;
import org.huiqi.profile.ProjectInput;

/**
 * The profile's fields, described once, in the order the form shows them. Written in Java next to
 * the records (not in a data file) so that enum values come from the enums themselves: a constant
 * added to an enum without a label stops the service at start-up, and FieldCatalogTest checks that
 * every record component and every fact reader is described here.
 */
final class BuiltInFields {
    private BuiltInFields() {
    }

    private static final Text WAN = Text.of("万元", "10k CNY");
    private static final Text PCT = Text.of("%", "%");
    private static final Text M2 = Text.of("m²", "m²");
    private static final Text PEOPLE = Text.of("人", "people");
    private static final Text ITEMS = Text.of("项", "items");
    private static final Text POINTS = Text.of("分", "points");
    private static final Text YEARS = Text.of("年", "years");

    private static final List<Field> FIELDS = new ArrayList<>();
    private static String section;

    static final FieldCatalog CATALOG;

    static {
        List<Section> sections = List.of(
                new Section("basic", "基本信息", "Basic information"),
                new Section("finance", "财务", "Financials"),
                new Section("rd", "研发与知识产权", "R&D and intellectual property"),
                new Section("certs", "资质认定", "Recognitions held"),
                new Section("scale", "规上统计（小升规）", "Above-scale statistics"),
                new Section("compliance", "合规", "Compliance"),
                new Section("recycling", "资源循环", "Resource recycling"),
                new Section("projects", "项目", "Projects"));

        section = "basic";
        add("name", "text", "企业名称", "Enterprise name").done();
        add("creditCode", "code", "统一社会信用代码", "Unified social credit code")
                .help("18 位，见营业执照，如 91450400MA5L00000D", "18 characters, on the business licence, such as 91450400MA5L00000D").done();
        add("regionCode", "region", "注册地（行政区划）", "Place of registration (GB/T 2260)")
                .help("按注册地选择省、市、县；只选到市也可以。", "Pick the province, city and county of registration; the city alone is enough.")
                .readBy("Enterprise.locatedIn", "Project.locatedIn").basic().done();
        add("parks", "parks", "所在产业园区", "Industrial park")
                .help("不在园区内请勾选“不在以下园区”；都不勾选表示未知。", "Tick \"none of these\" if you are in no park; ticking nothing means unknown.")
                .readBy("Enterprise.inPark").done();
        add("industryCode", "industry", "行业（GB/T 4754-2017）", "Industry (GB/T 4754-2017)")
                .help("在列表中选择，或直接填写代码，如 C4210。", "Pick from the list or type the code, such as C4210.")
                .readBy("Enterprise.industryIn", "Enterprise.manufacturing", "Enterprise.industrial").basic().done();
        add("registrationDate", "date", "成立日期", "Registration date").readBy("Enterprise.yearsSinceRegistration").done();
        add("sme", "bool", "属于中小企业（按《中小企业划型标准规定》）", "Small or medium-sized enterprise (2011 classification)")
                .readBy("Enterprise.sme").done();
        add("employees", "int", "从业人员", "Employees").unit(PEOPLE)
                .readBy("Enterprise.employees", "Enterprise.techStaffShare", "Enterprise.rdStaffShare").basic().done();
        add("techStaff", "int", "科技人员", "Science and technology staff").unit(PEOPLE).readBy("Enterprise.techStaffShare").done();
        add("rdStaff", "int", "研发人员", "R&D staff").unit(PEOPLE).readBy("Enterprise.rdStaffShare").done();
        add("energyStorageManufacturer", "bool", "新型储能制造企业（储能电芯、电池、变流器、电池管理等）",
                "Manufactures new-energy-storage products (cells, batteries, converters, battery management)")
                .readBy("Enterprise.energyStorageManufacturer").done();

        section = "finance";
        year("operatingRevenue", "营业收入", "Operating revenue", WAN, "FiscalYear.operatingRevenue", "FiscalYear.rdRatio",
                "FiscalYear.mainBusinessShare", "FiscalYear.revenueGrowth", "FiscalYear.highTechRevenueShare",
                "Enterprise.operatingRevenueOver").basic().done();
        year("mainBusinessRevenue", "主营业务收入", "Main-business revenue", WAN, "FiscalYear.mainBusinessRevenue",
                "FiscalYear.mainBusinessShare", "FiscalYear.mainBusinessGrowth", "Enterprise.averageMainBusinessGrowth").done();
        year("rdExpense", "研发费用", "R&D expense", WAN, "FiscalYear.rdExpense", "FiscalYear.rdRatio",
                "FiscalYear.domesticRdShare", "Enterprise.rdExpenseOver", "Enterprise.averageRdExpense").done();
        year("rdExpenseDomestic", "境内研发费用", "R&D expense in China", WAN, "FiscalYear.rdExpenseDomestic", "FiscalYear.domesticRdShare").done();
        year("highTechRevenue", "高新技术产品（服务）收入", "High-tech products and services revenue", WAN,
                "FiscalYear.highTechRevenue", "FiscalYear.highTechRevenueShare").done();
        year("netProfit", "净利润", "Net profit", WAN, "FiscalYear.netProfit").help("亏损填负数", "a loss is negative").done();
        year("totalAssets", "资产总额", "Total assets", WAN, "FiscalYear.totalAssets", "FiscalYear.assetLiabilityRatio").done();
        year("totalLiabilities", "负债总额", "Total liabilities", WAN, "FiscalYear.totalLiabilities", "FiscalYear.assetLiabilityRatio").done();
        year("taxableProfit", "应纳税所得额", "Taxable profit", WAN, "FiscalYear.taxableProfit").help("亏损填负数", "a loss is negative").done();
        year("vatPaid", "已缴增值税", "VAT paid", WAN, "FiscalYear.vatPaid").done();
        year("industrialOutput", "工业总产值", "Gross industrial output", WAN, "FiscalYear.industrialOutput",
                "FiscalYear.industrialOutputGrowth").done();
        year("industrialValueAddedGrowth", "工业增加值增速", "Industrial value-added growth", PCT,
                "FiscalYear.industrialValueAddedGrowth").help("可为负数", "may be negative").done();
        add("equityFinancing.{year}", "dec", "股权融资额", "Equity financing received").unit(WAN)
                .readBy("Enterprise.equityFinancingOver").done();
        add("quarterlyOutput", "list", "季度工业产值", "Quarterly industrial output").readBy("Enterprise.quarterOutput").done();
        add("quarterlyOutput[].year", "int", "年份", "Year").readBy("Enterprise.quarterOutput").done();
        add("quarterlyOutput[].quarter", "int", "季度", "Quarter").values(List.of(
                new Field.Choice("1", "第一季度", "Q1"), new Field.Choice("2", "第二季度", "Q2"),
                new Field.Choice("3", "第三季度", "Q3"), new Field.Choice("4", "第四季度", "Q4"))).readBy("Enterprise.quarterOutput").done();
        add("quarterlyOutput[].output", "dec", "工业产值", "Industrial output").unit(WAN).readBy("Enterprise.quarterOutput").done();

        section = "rd";
        add("ip.classIHighValue", "int", "高价值一类知识产权", "High-value Class-I IP").unit(ITEMS).readBy("IpCounts.classIHighValue").done();
        add("ip.classISelfDeveloped", "int", "自主研发一类知识产权", "Self-developed Class-I IP").unit(ITEMS).readBy("IpCounts.classISelfDeveloped").done();
        add("ip.classI", "int", "一类知识产权（发明专利等）合计", "All Class-I IP (invention patents etc.)").unit(ITEMS)
                .help("发明专利、植物新品种、集成电路布图设计、新药等", "invention patents, plant varieties, IC layouts, new drugs").readBy("IpCounts.classI").done();
        add("ip.classII", "int", "二类知识产权（实用新型、外观设计、软件著作权等）", "Class-II IP (utility models, designs, software copyright)")
                .unit(ITEMS).readBy("IpCounts.classII").done();
        add("ip.classIRelatedToLeadProduct", "int", "与主导产品相关的一类知识产权", "Class-I IP related to the lead product").unit(ITEMS)
                .readBy("IpCounts.classIRelatedToLeadProduct").done();
        add("ownsCoreIp", "bool", "拥有主要产品的核心自主知识产权", "Owns the core IP of its main products").readBy("Enterprise.ownsCoreIp").done();
        add("rdInstitution", "bool", "自建或与高校、科研机构联合建立了研发机构（不论是否经认定）",
                "Has an own or joint R&D institution (recognised or not)").readBy("Enterprise.hasRdInstitution").done();
        add("inHiTechField", "bool", "主要产品属于国家重点支持的高新技术领域", "Main products are in a state-supported high-tech field")
                .readBy("Enterprise.inHiTechField").done();
        add("rdInstitutionLevel", "enum", "最高级别研发机构", "Highest-level R&D institution")
                .values(choices(Profile.RdInstitutionLevel.class, "NONE", "没有", "None", "MUNICIPAL", "市级", "Municipal",
                        "PROVINCIAL", "省级", "Provincial", "NATIONAL", "国家级", "National"))
                .readBy("Enterprise.rdInstitutionAtLeast", "Enterprise.hasRdInstitution").done();
        add("hnteInnovationScore", "dec", "高新技术企业创新能力评价得分（0–100）", "High-tech enterprise innovation score (0–100)").unit(POINTS)
                .readBy("Enterprise.hnteInnovationScore").done();
        add("awards", "list", "获奖情况", "Awards").readBy("Enterprise.awardWithin").done();
        add("awards[].kind", "enum", "奖项类别", "Kind").values(choices(Award.Kind.class,
                "SCIENCE_TECHNOLOGY", "科学技术奖", "Science and technology award", "MAKER_CHINA_TOP500", "创客中国全国500强", "Maker China top 500"))
                .readBy("Enterprise.awardWithin").done();
        add("awards[].level", "enum", "级别", "Level").values(choices(Award.Level.class,
                "NATIONAL", "国家级", "National", "PROVINCIAL", "省级", "Provincial")).readBy("Enterprise.awardWithin").done();
        add("awards[].rank", "int", "等次（一等奖填 1）", "Rank (1 = first prize)").readBy("Enterprise.awardWithin").done();
        add("awards[].year", "int", "获奖年份", "Year awarded").readBy("Enterprise.awardWithin").done();
        add("yearsInNiche", "int", "从事特定细分市场年限", "Years in its niche market").unit(YEARS).readBy("Enterprise.yearsInNiche").done();
        add("leadProductStrategicEmerging", "bool", "主导产品属于战略性新兴产业", "Lead product is in a strategic emerging industry")
                .readBy("Enterprise.leadProductStrategicEmerging").done();
        add("nicheMarketSharePct", "dec", "主导产品全国细分市场占有率", "Lead product national niche market share").unit(PCT)
                .readBy("Enterprise.nicheMarketShare").done();
        add("ownBrand", "bool", "拥有自主品牌", "Has its own brand").readBy("Enterprise.ownBrand").done();
        add("managementCertification", "bool", "通过管理体系或市场认证", "Holds a management-system or market certification")
                .readBy("Enterprise.managementCertification").done();
        add("specializedScore", "dec", "专精特新评分（0–100，省级评分表）", "Specialisation score (0–100, provincial sheet)").unit(POINTS)
                .readBy("Enterprise.specializedScore").done();

        section = "certs";
        add("certifications", "list", "资质认定", "Recognitions held")
                .help("勾选所持有的认定并填写认定日期；有效期默认为认定之日起三年。", "Tick each recognition held with its date; valid three years from recognition unless stated.")
                .readBy("Enterprise.holds", "Enterprise.recognizedIn", "Enterprise.firstRecognizedBetween").done();
        add("certifications[].type", "enum", "认定类型", "Recognition").values(choices(Certification.Type.class,
                "HIGH_TECH_ENTERPRISE", "高新技术企业", "High-tech enterprise", "INNOVATIVE_SME", "创新型中小企业", "Innovative SME",
                "SPECIALIZED_SME", "专精特新中小企业", "Specialized and innovative SME",
                "LITTLE_GIANT", "专精特新“小巨人”企业", "\"Little giant\" enterprise", "SINGLE_CHAMPION", "制造业单项冠军", "Manufacturing single champion",
                "TECH_INNOVATION_DEMO", "国家级技术创新示范企业", "National technology-innovation demonstration enterprise",
                "IP_ADVANTAGE", "知识产权优势企业", "IP advantage enterprise", "IP_DEMO", "知识产权示范企业", "IP demonstration enterprise"))
                .readBy("Enterprise.holds", "Enterprise.recognizedIn", "Enterprise.firstRecognizedBetween").done();
        add("certifications[].recognizedOn", "date", "认定日期", "Date recognised")
                .readBy("Enterprise.holds", "Enterprise.recognizedIn", "Enterprise.firstRecognizedBetween").done();
        add("certifications[].validUntil", "date", "有效期至（证书注明时填写）", "Valid until (if the certificate says)").readBy("Enterprise.holds").done();

        section = "scale";
        add("firstAboveScaleYear", "int", "首次纳入规上工业统计的年份", "Year first counted above scale")
                .help("如 2024；从未纳入可跳过", "such as 2024; skip if never").readBy("Enterprise.firstAboveScaleYear", "Enterprise.enteredAboveScaleAfter")
                .basic().done();
        add("aboveScaleSince", "date", "纳入规上统计的日期（精确到月即可）", "Date first counted above scale (the month is enough)")
                .readBy("Enterprise.enteredAboveScaleAfter").done();
        add("receivedProvincialXsgAward", "bool", "2018 年以来已获省级小升规奖励", "Received the provincial award since 2018")
                .readBy("Enterprise.receivedProvincialXsgAward").done();
        add("newPlantEntry", "bool", "以新投产企业直接纳入规上", "Entered directly as a newly commissioned plant").readBy("Enterprise.newPlantEntry").done();
        add("convertedFromNonIndustrial", "bool", "由非工业企业转为工业企业（非工转工）", "Converted from a non-industrial enterprise")
                .readBy("Enterprise.convertedFromNonIndustrial").done();
        add("movedBetweenCities", "bool", "跨地市迁移", "Moved between cities").readBy("Enterprise.movedBetweenCities").done();

        section = "compliance";
        add("taxCreditRating", "enum", "纳税信用级别", "Tax credit rating").values(choices(Profile.TaxCreditRating.class,
                "A", "A 级", "A", "B", "B 级", "B", "M", "M 级", "M", "C", "C 级", "C", "D", "D 级", "D")).readBy("Enterprise.taxCreditRatingIn").done();
        add("majorIncidentWithin3Years", "bool", "近三年发生重大安全、质量或环境事故", "Major safety, quality or environmental incident in the last 3 years")
                .readBy("Enterprise.majorIncidentWithin3Years").done();
        add("majorIncidentWithin1Year", "bool", "申请前一年内发生重大安全、质量事故或严重环境违法行为",
                "Major safety or quality incident or serious environmental violation in the year before applying")
                .readBy("Enterprise.majorIncidentWithin1Year").done();
        add("violationWithin6Months", "bool", "近六个月有环保或税收违法行为", "Environmental or tax violation in the last 6 months")
                .readBy("Enterprise.violationWithin6Months").done();
        add("listedAbnormalOrDishonest", "bool", "被列入经营异常名录或严重失信主体名单", "Listed as abnormal-operation or seriously dishonest")
                .readBy("Enterprise.listedAbnormalOrDishonest").done();
        add("seriousViolationWithin3Years", "bool", "近三年有偷漏税等严重违法违规行为", "Tax evasion or another serious violation in the last 3 years")
                .readBy("Enterprise.seriousViolationWithin3Years").done();
        add("restrictedOrEliminatedProduct", "bool", "产品或工艺属于《产业结构调整指导目录》限制类、淘汰类",
                "Product or process is restricted or to be eliminated under the industrial structure catalogue")
                .readBy("Enterprise.restrictedOrEliminatedProduct").done();
        add("highPollutionProduct", "bool", "产品属于《环境保护综合名录》“高污染、高环境风险”产品或重污染工艺",
                "Product is high-pollution or high-environmental-risk, or made by a heavy-pollution process (environmental protection catalogue)")
                .readBy("Enterprise.highPollutionProduct").done();

        section = "recycling";
        add("vatGeneralTaxpayer", "bool", "增值税一般纳税人", "General VAT taxpayer").readBy("Enterprise.vatGeneralTaxpayer").done();
        add("sellsCollectedRecycledResources", "bool", "销售自己收购的再生资源，仅进行分拣、清洗、打包、切割、破碎等简单加工",
                "Sells recycled resources it collected itself, with only simple processing (sorting, cleaning, baling, cutting, crushing)")
                .readBy("Enterprise.sellsCollectedRecycledResources").done();
        add("handlesHazardousWaste", "bool", "从事危险废物收集", "Collects or handles hazardous waste").readBy("Enterprise.handlesHazardousWaste").done();
        add("handlesEndOfLifeVehicles", "bool", "从事报废机动车回收", "Collects end-of-life vehicles").readBy("Enterprise.handlesEndOfLifeVehicles").done();
        add("recyclerFiled", "bool", "已办理再生资源回收经营者备案", "Filed as a recycler with the commerce authority").readBy("Enterprise.recyclerFiled").done();
        add("hazardousWasteLicence", "bool", "持有危险废物经营许可证", "Holds a hazardous-waste licence").readBy("Enterprise.hazardousWasteLicence").done();
        add("elvDismantlingLicence", "bool", "具备报废机动车回收拆解资质", "Holds an end-of-life-vehicle dismantling certificate")
                .readBy("Enterprise.elvDismantlingLicence").done();
        add("rcuVatCategory", "enum", "自产产品在《资源综合利用产品和劳务增值税优惠目录（2022年版）》中的类别",
                "Category of its products in the 2022 resource-reuse VAT catalogue").values(choices(Profile.RcuVatCategory.class,
                "RECYCLED_METAL", "再生金属", "Recycled metal", "RECYCLED_PLASTIC", "再生塑料", "Recycled plastic",
                "WASTE_SLAG_BUILDING_MATERIAL", "废渣建材", "Waste-slag building material", "OTHER", "目录内其他类别", "Another category in the catalogue",
                "NOT_LISTED", "不在目录内", "Not in the catalogue"))
                .readBy("Enterprise.rcuVatCategory", "Enterprise.rcuVatCategoryIn").done();
        add("rcuEitCatalogMaterial", "bool", "主要原材料属于《资源综合利用企业所得税优惠目录（2021年版）》",
                "Main raw material is in the 2021 resource-reuse EIT catalogue").readBy("Enterprise.rcuEitCatalogMaterial").done();
        add("recycledInputsInvoiced", "bool", "购进再生资源取得发票或收购凭证（2021年第40号公告）",
                "Recycled inputs bought are covered by invoices or purchase vouchers (2021 notice No. 40)")
                .readBy("Enterprise.recycledInputsInvoiced").done();
        add("westernEncouragedRevenueSharePct", "dec", "西部地区鼓励类产业主营收入占比", "Revenue share from western encouraged industries")
                .unit(PCT).readBy("Enterprise.westernEncouragedRevenueShare").done();

        section = "projects";
        add("projects", "list", "投资项目", "Investment projects").readBy("Enterprise.projects").done();
        add("projectsElsewhere", "bool", "在外地有投资项目吗（注册地以外）", "Any investment projects outside your place of registration?")
                .help("未填写项目时，项目类措施只列注册地（及所在市、省）的；选“是”则列出各地的项目类措施。填写项目及其所在地最准确。",
                        "Without projects listed, only the project measures of your place (and its city and province) are shown; "
                                + "\"yes\" shows those of every place. Listing the projects and their places is the most precise.")
                .readBy("Project.locatedIn").done();
        add("projects[].id", "text", "项目编号或简称", "Project id or short name").readBy("Project.id").done();
        add("projects[].regionCode", "region", "项目所在地", "Project location")
                .help("与注册地相同可不填", "leave empty when it is the place of registration").readBy("Project.locatedIn").done();
        add("projects[].kind", "enum", "项目类型", "Project kind").values(choices(ProjectInput.Kind.class,
                "MANUFACTURING", "制造业项目", "Manufacturing", "ENERGY_STORAGE", "储能项目", "Energy storage",
                "ENERGY_STORAGE_DEMO", "储能示范项目", "Energy-storage demonstration", "ENVIRONMENTAL", "环保、节能节水项目",
                "Environmental, energy or water saving", "OTHER", "其他", "Other")).readBy("Project.kindIn").done();
        add("projects[].totalInvestment", "dec", "计划总投资", "Planned total investment").unit(WAN).readBy("Project.totalInvestment").done();
        add("projects[].newFixedAssetInvestment", "dec", "新增实际固定资产投资", "New actual fixed-asset investment").unit(WAN)
                .readBy("Project.newFixedAssetInvestment").done();
        add("projects[].industrialLandByListing", "bool", "通过挂牌出让取得工业用地", "Industrial land acquired by public listing")
                .readBy("Project.industrialLandByListing").done();
        add("projects[].buildingAreaM2", "dec", "建筑面积", "Building area").unit(M2).readBy("Project.buildingArea").done();
        add("projects[].buildingType", "enum", "建设内容", "What the project builds").values(choices(ProjectInput.BuildingType.class,
                "STANDARD_FACTORY", "标准厂房", "Standard factory", "GENERAL_WAREHOUSE", "普通仓库", "General warehouse",
                "INNOVATIVE_INDUSTRIAL", "创新型产业用地项目", "Innovative industrial land project", "OTHER", "其他", "Other"))
                .readBy("Project.buildingTypeIn").done();
        add("projects[].storageTechnology", "enum", "储能技术路线", "Storage technology").values(choices(ProjectInput.StorageTechnology.class,
                "LITHIUM_ION", "锂离子", "Lithium-ion", "SODIUM_ION", "钠离子", "Sodium-ion", "FLOW", "液流", "Flow",
                "SOLID_STATE", "固态", "Solid-state", "HYDROGEN", "氢储能", "Hydrogen", "OTHER", "其他", "Other"))
                .readBy("Project.storageTechnologyIn").done();
        add("projects[].firstRevenueYear", "int", "取得第一笔生产经营收入的年度", "Year of first revenue")
                .readBy("Project.firstRevenueYear", "Project.yearSinceFirstRevenue").done();
        add("projects[].taxableIncomeLastYear", "dec", "项目上一完整年度应纳税所得额", "Project's taxable income in the last full year").unit(WAN)
                .help("亏损填负数", "a loss is negative").readBy("Project.taxableIncomeLastYear").done();
        add("projects[].environmentalCatalog", "bool", "属于环境保护、节能节水项目目录", "In the environmental / energy and water saving catalogue")
                .readBy("Project.environmentalCatalog").done();
        add("projects[].inProvincialStrategicCluster", "bool", "属于省战略性产业集群（如广东 20 个集群）",
                "Belongs to a provincial strategic industry cluster (e.g. Guangdong's 20 clusters)").readBy("Project.inProvincialStrategicCluster").done();
        add("projects[].previouslyProvincialFunded", "bool", "已获省级资金支持", "Already received provincial funding")
                .readBy("Project.previouslyProvincialFunded").done();
        add("projects[].commitmentSystem", "bool", "企业承诺按审批条件建设（承诺制）", "Commits to the approval conditions")
                .readBy("Project.commitmentSystem").done();

        CATALOG = new FieldCatalog(sections, FIELDS);
    }

    private static Def add(String path, String type, String zh, String en) {
        return new Def(path, type, zh, en);
    }

    private static Def year(String name, String zh, String en, Text unit, String... readBy) {
        return add("financials.{year}." + name, "dec", zh, en).unit(unit).readBy(readBy);
    }

    /** The labels of every constant of {@code type}, given as value, zh, en triples; a constant left out is an error. */
    private static List<Field.Choice> choices(Class<? extends Enum<?>> type, String... triples) {
        Map<String, Field.Choice> byValue = new LinkedHashMap<>();
        for (int i = 0; i < triples.length; i += 3) byValue.put(triples[i], new Field.Choice(triples[i], triples[i + 1], triples[i + 2]));
        List<String> constants = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        if (!byValue.keySet().equals(new java.util.LinkedHashSet<>(constants))) {
            throw new IllegalStateException(type.getName() + " has " + constants + " but labels are given for " + byValue.keySet());
        }
        return constants.stream().map(byValue::get).toList();
    }

    private static final class Def {
        private final String path;
        private final String type;
        private final Text label;
        private Text help;
        private Text unit;
        private List<Field.Choice> values = List.of();
        private List<String> readBy = List.of();
        private boolean basic;

        Def(String path, String type, String zh, String en) {
            this.path = path;
            this.type = type;
            this.label = Text.of(zh, en);
        }

        Def help(String zh, String en) {
            help = Text.of(zh, en);
            return this;
        }

        Def unit(Text u) {
            unit = u;
            return this;
        }

        Def values(List<Field.Choice> v) {
            values = v;
            return this;
        }

        Def readBy(String... readers) {
            readBy = List.of(readers);
            return this;
        }

        Def basic() {
            basic = true;
            return this;
        }

        void done() {
            FIELDS.add(new Field(path, section, type, label, help, unit, values, readBy, basic));
        }
    }
}
