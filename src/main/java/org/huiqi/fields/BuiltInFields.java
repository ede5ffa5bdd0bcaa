package org.huiqi.fields;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huiqi.evaluation.MeasureResult;
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

    private static final Text WAN = Text.of(MeasureResult.Benefit.MONEY_UNIT, "10k CNY");
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
        add("name", "text", "企业名称", "Enterprise name")
                .help("营业执照上的企业全称。只用于打印的结果记录，不影响判定。",
                        "The full name on the business licence. Used only on the printed record; it decides nothing.").done();
        add("creditCode", "code", "统一社会信用代码", "Unified social credit code")
                .help("18 位，见营业执照左上角，如 91450400MA5L00000D。用于核对，不影响判定。",
                        "18 characters, top left of the business licence, such as 91450400MA5L00000D. Used for checking; it decides nothing.").done();
        add("regionCode", "region", "注册地（行政区划）", "Place of registration (GB/T 2260)")
                .readBy("Enterprise.locatedIn", "Project.locatedIn").basic()
                .help("营业执照“住所”所在的省、市、县（区）；只选到市也可以，但县级政策会因此暂时无法判定。",
                        "The province, city and county of the address on the business licence; the city alone is enough, but county measures then stay undecided.").done();
        add("parks", "parks", "所在产业园区", "Industrial park")
                .readBy("Enterprise.inPark")
                .help("企业注册或生产经营所在的产业园区；园区管委会或入园协议可确认。不在园区内请勾选“不在以下园区”；都不勾选表示未知。",
                        "The industrial park the enterprise is registered or operates in (the park committee or the entry agreement confirms it). Tick \"none of these\" if in no park; ticking nothing means unknown.").done();
        add("industryCode", "industry", "行业（GB/T 4754-2017）", "Industry (GB/T 4754-2017)")
                .readBy("Enterprise.industryIn", "Enterprise.manufacturing", "Enterprise.industrial").basic()
                .help("国家统计局给企业定的行业小类（GB/T 4754-2017），见统计登记或“一套表”平台；也可在列表中按关键词查找，如 C4210。",
                        "The industry class the statistics bureau assigned (GB/T 4754-2017), in the statistics registration or its online reporting system; or search the list by keyword, such as C4210.").done();
        add("registrationDate", "date", "成立日期", "Registration date").readBy("Enterprise.yearsSinceRegistration")
                .help("营业执照上的“成立日期”。",
                        "The date of establishment on the business licence.").done();
        add("sme", "bool", "属于中小企业（按《中小企业划型标准规定》）", "Small or medium-sized enterprise (2011 classification)")
                .readBy("Enterprise.sme")
                .help("工业企业（采矿、制造、电力热力燃气水）不用回答：系统按从业人员和营业收入判定。其他行业按《中小企业划型标准规定》中本行业的从业人员、营业收入（部分行业看资产总额）标准自行判断。",
                        "Industrial firms (mining, manufacturing, utilities) need not answer: the service classifies them from employees and revenue. Other industries check the 2011 SME classification's thresholds for their industry (employees, revenue, in some industries total assets).").done();
        add("employees", "int", "从业人员", "Employees").unit(PEOPLE)
                .readBy("Enterprise.employees", "Enterprise.techStaffShare", "Enterprise.rdStaffShare").basic()
                .help("上年末在职职工人数，含劳务派遣和兼职人员；见社保缴费名单或统计报表“从业人员期末人数”。",
                        "Staff at the end of last year, including agency and part-time workers; see the social-insurance list or the statistics return's year-end headcount.").done();
        add("techStaff", "int", "科技人员", "Science and technology staff").unit(PEOPLE).readBy("Enterprise.techStaffShare")
                .help("直接从事研发和相关技术创新活动、以及专门从事上述活动管理和提供直接服务的人员（高企口径），全年累计工作 183 天以上；人事部门可统计。",
                        "Staff doing R&D and technical innovation or directly managing and serving it (high-tech enterprise definition), working 183 days or more in the year; HR can count them.").done();
        add("rdStaff", "int", "研发人员", "R&D staff").unit(PEOPLE).readBy("Enterprise.rdStaffShare")
                .help("直接参与研发项目的人员，见研发费用辅助账的人员明细或统计报表“研究开发人员”。",
                        "Staff working directly on R&D projects, as listed in the R&D expense sub-ledger or the statistics return.").done();
        add("energyStorageManufacturer", "bool", "新型储能制造企业（储能电芯、电池、变流器、电池管理等）",
                "Manufactures new-energy-storage products (cells, batteries, converters, battery management)")
                .readBy("Enterprise.energyStorageManufacturer")
                .help("主营储能电芯、电池、储能变流器、电池管理系统等新型储能产品的生产。",
                        "The main business is making new energy-storage products: cells, batteries, power converters, battery-management systems.").done();

        section = "finance";
        year("operatingRevenue", "营业收入", "Operating revenue", WAN, "FiscalYear.operatingRevenue", "FiscalYear.rdRatio",
                "FiscalYear.mainBusinessShare", "FiscalYear.revenueGrowth", "FiscalYear.highTechRevenueShare",
                "Enterprise.operatingRevenueOver").basic()
                .help("利润表第一行“营业收入”，按年度审计报告或年度财务报表填写。",
                        "The first line of the income statement (operating revenue), from the audited annual accounts.").done();
        year("mainBusinessRevenue", "主营业务收入", "Main-business revenue", WAN, "FiscalYear.mainBusinessRevenue",
                "FiscalYear.mainBusinessShare", "FiscalYear.mainBusinessGrowth", "Enterprise.averageMainBusinessGrowth")
                .help("营业收入中来自主营业务的部分，见审计报告附注“主营业务收入”或统计年报。",
                        "The part of revenue from the main business, in the notes to the audited accounts or the annual statistics return.").done();
        year("rdExpense", "研发费用", "R&D expense", WAN, "FiscalYear.rdExpense", "FiscalYear.rdRatio",
                "FiscalYear.domesticRdShare", "Enterprise.rdExpenseOver", "Enterprise.averageRdExpense")
                .help("利润表“研发费用”，或研发费用加计扣除辅助账的全年合计（含计入成本的研发支出）。",
                        "The income statement's R&D expense line, or the year's total in the R&D super-deduction sub-ledger (including R&D charged to cost).").done();
        year("rdExpenseDomestic", "境内研发费用", "R&D expense in China", WAN, "FiscalYear.rdExpenseDomestic", "FiscalYear.domesticRdShare")
                .help("研发费用中在中国境内发生的部分，见研发费用辅助账；没有境外研发的企业与研发费用相同。",
                        "The part of R&D expense incurred in China, from the R&D sub-ledger; the same as R&D expense when there is no R&D abroad.").done();
        year("highTechRevenue", "高新技术产品（服务）收入", "High-tech products and services revenue", WAN,
                "FiscalYear.highTechRevenue", "FiscalYear.highTechRevenueShare")
                .help("属于《国家重点支持的高新技术领域》的产品（服务）收入，见高企专项审计报告或财务明细。",
                        "Revenue from products and services in the state-supported high-tech fields, from the high-tech special audit report or the accounts.").done();
        year("netProfit", "净利润", "Net profit", WAN, "FiscalYear.netProfit")
                .help("利润表“净利润”；亏损填负数。",
                        "Net profit on the income statement; a loss is negative.").done();
        year("totalAssets", "资产总额", "Total assets", WAN, "FiscalYear.totalAssets", "FiscalYear.assetLiabilityRatio")
                .help("资产负债表年末“资产总计”。",
                        "Total assets at year end on the balance sheet.").done();
        year("totalLiabilities", "负债总额", "Total liabilities", WAN, "FiscalYear.totalLiabilities", "FiscalYear.assetLiabilityRatio")
                .help("资产负债表年末“负债合计”。",
                        "Total liabilities at year end on the balance sheet.").done();
        year("taxableProfit", "应纳税所得额", "Taxable profit", WAN, "FiscalYear.taxableProfit")
                .help("企业所得税年度纳税申报表（A类）主表的“应纳税所得额”；亏损填负数。决定所得税优惠能省多少。",
                        "Taxable income on the annual corporate income-tax return (main form); a loss is negative. It sets how much the income-tax preferences save.").done();
        year("vatPaid", "已缴增值税", "VAT paid", WAN, "FiscalYear.vatPaid")
                .help("全年实际缴纳的增值税，可在电子税务局查缴款记录或开具完税证明。决定增值税即征即退等能退多少。",
                        "VAT actually paid in the year: the payment records or tax-payment certificate in the e-tax bureau. It sets how much a VAT refund returns.").done();
        year("industrialOutput", "工业总产值", "Gross industrial output", WAN, "FiscalYear.industrialOutput",
                "FiscalYear.industrialOutputGrowth")
                .help("统计报表《工业产销总值及主要产品产量》中的“工业总产值（当年价格）”。",
                        "Gross industrial output at current prices, from the industrial output statistics return.").done();
        year("industrialValueAddedGrowth", "工业增加值增速", "Industrial value-added growth", PCT,
                "FiscalYear.industrialValueAddedGrowth")
                .help("由统计部门核算的工业增加值比上年增长的百分比，可为负数；不清楚可向所在地统计局询问。",
                        "Growth of industrial value added over the previous year, computed by the statistics bureau; may be negative. Ask the local statistics bureau if unsure.").expert().done();
        add("equityFinancing.{year}", "dec", "股权融资额", "Equity financing received").unit(WAN)
                .readBy("Enterprise.equityFinancingOver")
                .help("当年实际到账的股权投资（增资扩股、引入投资机构），见验资报告或银行进账单；不含借款。",
                        "Equity investment actually received in the year (capital increases, investors), per the capital-verification report or bank receipts; loans do not count.").done();
        add("quarterlyOutput", "list", "季度工业产值", "Quarterly industrial output").readBy("Enterprise.quarterOutput")
                .help("各季度的工业产值，按统计季报填写；用于判断季度增长的政策。",
                        "Industrial output per quarter from the quarterly statistics return; for measures judged on quarterly growth.").done();
        add("quarterlyOutput[].year", "int", "年份", "Year").readBy("Enterprise.quarterOutput")
                .help("该季度所在的年份，如 2025。",
                        "The year of the quarter, such as 2025.").done();
        add("quarterlyOutput[].quarter", "int", "季度", "Quarter").values(List.of(
                new Field.Choice("1", "第一季度", "Q1"), new Field.Choice("2", "第二季度", "Q2"),
                new Field.Choice("3", "第三季度", "Q3"), new Field.Choice("4", "第四季度", "Q4"))).readBy("Enterprise.quarterOutput")
                .help("第几季度。",
                        "Which quarter.").done();
        add("quarterlyOutput[].output", "dec", "工业产值", "Industrial output").unit(WAN).readBy("Enterprise.quarterOutput")
                .help("该季度的工业总产值（当年价格），见统计季报。",
                        "Gross industrial output of that quarter at current prices, from the quarterly statistics return.").done();

        section = "rd";
        add("ip.classIHighValue", "int", "高价值一类知识产权", "High-value Class-I IP").unit(ITEMS).readBy("IpCounts.classIHighValue")
                .help("一类知识产权中的高价值发明专利：战略性新兴产业的发明专利、在海外有同族专利、维持 10 年以上、质押融资较高或获中国专利奖的发明专利；专利代理机构可帮助核对。",
                        "High-value invention patents: in strategic emerging industries, with family patents abroad, maintained over 10 years, pledged for significant financing, or awarded a China Patent Award; a patent agent can check them.").expert().done();
        add("ip.classISelfDeveloped", "int", "自主研发一类知识产权", "Self-developed Class-I IP").unit(ITEMS).readBy("IpCounts.classISelfDeveloped")
                .help("自己研发取得（不是受让、受赠或并购取得）的一类知识产权件数，见专利证书的发明人和权利人。",
                        "Class-I IP obtained by the enterprise's own R&D (not bought, donated or acquired), per the inventors and owner on the certificates.").done();
        add("ip.classI", "int", "一类知识产权（发明专利等）合计", "All Class-I IP (invention patents etc.)").unit(ITEMS).readBy("IpCounts.classI")
                .help("有效的发明专利（含国防专利）、植物新品种、国家级农作物品种、国家新药、国家一级中药保护品种、集成电路布图设计专有权件数；见证书或国家知识产权局查询。",
                        "Valid invention patents (incl. defence patents), plant varieties, national crop varieties, new drugs, first-grade protected Chinese medicines and IC layout designs; see the certificates or the CNIPA database.").done();
        add("ip.classII", "int", "二类知识产权（实用新型、外观设计、软件著作权等）", "Class-II IP (utility models, designs, software copyright)")
                .unit(ITEMS).readBy("IpCounts.classII")
                .help("有效的实用新型专利、外观设计专利、软件著作权等件数，见证书。",
                        "Valid utility models, designs, software copyrights and the like, per the certificates.").done();
        add("ip.classIRelatedToLeadProduct", "int", "与主导产品相关的一类知识产权", "Class-I IP related to the lead product").unit(ITEMS)
                .readBy("IpCounts.classIRelatedToLeadProduct")
                .help("一类知识产权中用于主导产品的件数（专精特新认定时按主导产品核对）。",
                        "Class-I IP used in the lead product (checked against the lead product for specialised-SME recognition).").done();
        add("ownsCoreIp", "bool", "拥有主要产品的核心自主知识产权", "Owns the core IP of its main products").readBy("Enterprise.ownsCoreIp")
                .help("对主要产品在技术上起核心支持作用的知识产权归企业所有（自主研发、受让、受赠、并购均可），见权属证书。",
                        "The enterprise owns IP that is technically central to its main products (own R&D, purchase, gift or acquisition all count), per the certificates.").done();
        add("rdInstitution", "bool", "自建或与高校、科研机构联合建立了研发机构（不论是否经认定）",
                "Has an own or joint R&D institution (recognised or not)").readBy("Enterprise.hasRdInstitution")
                .help("企业自建或与高校、科研院所共建的研发中心、技术中心、实验室等，不论是否经政府认定。",
                        "An R&D centre, technology centre or laboratory of its own or built with a university or institute, recognised by government or not.").done();
        add("inHiTechField", "bool", "主要产品属于国家重点支持的高新技术领域", "Main products are in a state-supported high-tech field")
                .readBy("Enterprise.inHiTechField")
                .help("主要产品（服务）属于《国家重点支持的高新技术领域》八大领域之一；高企申报中介或科技部门可帮助判断。",
                        "The main products or services fall in one of the eight state-supported high-tech fields; a high-tech application agent or the science bureau can tell.").expert().done();
        add("rdInstitutionLevel", "enum", "最高级别研发机构", "Highest-level R&D institution")
                .values(choices(Profile.RdInstitutionLevel.class, "NONE", "没有", "None", "MUNICIPAL", "市级", "Municipal",
                        "PROVINCIAL", "省级", "Provincial", "NATIONAL", "国家级", "National"))
                .readBy("Enterprise.rdInstitutionAtLeast", "Enterprise.hasRdInstitution")
                .help("经政府认定的最高级别研发机构，如省级企业技术中心、国家级工程研究中心；见认定文件。",
                        "The highest government-recognised R&D institution, such as a provincial enterprise technology centre or a national engineering centre, per the recognition document.").done();
        add("hnteInnovationScore", "dec", "高新技术企业创新能力评价得分（0–100）", "High-tech enterprise innovation score (0–100)").unit(POINTS)
                .readBy("Enterprise.hnteInnovationScore")
                .help("高企认定时专家按知识产权、成果转化、研发管理、成长性打的分（满分 100，71 分以上通过），只有评审后才知道；申报前可请申报中介或科技部门对照评价表预估。",
                        "The score experts give at high-tech recognition for IP, commercialisation, R&D management and growth (of 100; 71 passes). Only known after the review; an application agent or the science bureau can estimate it beforehand.").expert().done();
        add("awards", "list", "获奖情况", "Awards").readBy("Enterprise.awardWithin")
                .help("近年获得的科技奖项或创客中国等大赛名次，见获奖证书。",
                        "Science and technology awards or Maker China rankings of recent years, per the certificates.").done();
        add("awards[].kind", "enum", "奖项类别", "Kind").values(choices(Award.Kind.class,
                "SCIENCE_TECHNOLOGY", "科学技术奖", "Science and technology award", "MAKER_CHINA_TOP500", "创客中国全国500强", "Maker China top 500"))
                .readBy("Enterprise.awardWithin")
                .help("奖项类别。",
                        "The kind of award.").done();
        add("awards[].level", "enum", "级别", "Level").values(choices(Award.Level.class,
                "NATIONAL", "国家级", "National", "PROVINCIAL", "省级", "Provincial")).readBy("Enterprise.awardWithin")
                .help("授奖的级别：国家级或省级。",
                        "The level of the award: national or provincial.").done();
        add("awards[].rank", "int", "等次（一等奖填 1）", "Rank (1 = first prize)").readBy("Enterprise.awardWithin")
                .help("获奖等次，一等奖填 1，二等奖填 2，以此类推。",
                        "The prize rank: 1 for first prize, 2 for second, and so on.").done();
        add("awards[].year", "int", "获奖年份", "Year awarded").readBy("Enterprise.awardWithin")
                .help("证书上的授奖年份。",
                        "The year on the certificate.").done();
        add("yearsInNiche", "int", "从事特定细分市场年限", "Years in its niche market").unit(YEARS).readBy("Enterprise.yearsInNiche")
                .help("从主导产品首次销售起，在该细分市场经营的年数。",
                        "Years in the niche market, counted from the lead product's first sale.").done();
        add("leadProductStrategicEmerging", "bool", "主导产品属于战略性新兴产业", "Lead product is in a strategic emerging industry")
                .readBy("Enterprise.leadProductStrategicEmerging")
                .help("主导产品属于《战略性新兴产业分类（2018）》；可按产品名称在该分类中查找。",
                        "The lead product is in the strategic emerging industries classification (2018); look the product up by name.").expert().done();
        add("nicheMarketSharePct", "dec", "主导产品全国细分市场占有率", "Lead product national niche market share").unit(PCT)
                .readBy("Enterprise.nicheMarketShare")
                .help("主导产品在全国细分市场的占有率；通常来自行业协会、第三方研究报告，需有出处。",
                        "The lead product's national share of its niche market; usually from an industry association or a third-party report, with its source.").expert().done();
        add("ownBrand", "bool", "拥有自主品牌", "Has its own brand").readBy("Enterprise.ownBrand")
                .help("拥有自己的注册商标（见商标注册证）。",
                        "Owns a registered trademark of its own (per the trademark certificate).").done();
        add("managementCertification", "bool", "通过管理体系或市场认证", "Holds a management-system or market certification")
                .readBy("Enterprise.managementCertification")
                .help("通过 ISO 9001 等管理体系认证，或产品取得市场准入、质量认证，见认证证书。",
                        "Holds ISO 9001 or another management-system certificate, or a product market or quality certification, per the certificate.").done();
        add("specializedScore", "dec", "专精特新评分（0–100，省级评分表）", "Specialisation score (0–100, provincial sheet)").unit(POINTS)
                .readBy("Enterprise.specializedScore")
                .help("按省级专精特新中小企业评分表打的分（满分 100）；可对照当年申报通知的评分表自评，最终以工业和信息化主管部门评审为准。",
                        "The score on the provincial specialised-SME sheet (of 100); self-score against the sheet in the year's notice; the industry and IT authority's review decides.").expert().done();

        section = "certs";
        add("certifications", "list", "资质认定", "Recognitions held")
                .readBy("Enterprise.holds", "Enterprise.recognizedIn", "Enterprise.firstRecognizedBetween")
                .help("企业已获得的各项认定（证书上有认定日期）；有效期默认为认定之日起三年。",
                        "Recognitions the enterprise holds (the certificate gives the date); valid three years from recognition unless stated.").done();
        add("certifications[].type", "enum", "认定类型", "Recognition").values(choices(Certification.Type.class,
                "HIGH_TECH_ENTERPRISE", "高新技术企业", "High-tech enterprise", "INNOVATIVE_SME", "创新型中小企业", "Innovative SME",
                "SPECIALIZED_SME", "专精特新中小企业", "Specialized and innovative SME",
                "LITTLE_GIANT", "专精特新“小巨人”企业", "\"Little giant\" enterprise", "SINGLE_CHAMPION", "制造业单项冠军", "Manufacturing single champion",
                "TECH_INNOVATION_DEMO", "国家级技术创新示范企业", "National technology-innovation demonstration enterprise",
                "IP_ADVANTAGE", "知识产权优势企业", "IP advantage enterprise", "IP_DEMO", "知识产权示范企业", "IP demonstration enterprise"))
                .readBy("Enterprise.holds", "Enterprise.recognizedIn", "Enterprise.firstRecognizedBetween")
                .help("认定名称，按证书或公示文件选择。",
                        "The recognition, as named on the certificate or in the published list.").done();
        add("certifications[].recognizedOn", "date", "认定日期", "Date recognised")
                .readBy("Enterprise.holds", "Enterprise.recognizedIn", "Enterprise.firstRecognizedBetween")
                .help("证书或认定公告上的认定日期。",
                        "The recognition date on the certificate or the published list.").done();
        add("certifications[].validUntil", "date", "有效期至（证书注明时填写）", "Valid until (if the certificate says)").readBy("Enterprise.holds")
                .help("证书注明的有效期截止日；没有注明可不填（按认定之日起三年计）。",
                        "The end of validity stated on the certificate; leave empty if none is stated (three years from recognition).").done();

        section = "scale";
        add("firstAboveScaleYear", "int", "首次纳入规上工业统计的年份", "Year first counted above scale").readBy("Enterprise.firstAboveScaleYear", "Enterprise.enteredAboveScaleAfter")
                .basic()
                .help("首次纳入规模以上工业统计（年主营业务收入 2000 万元以上）的年份，如 2024；可问所在地统计局。从未纳入可跳过。",
                        "The year first counted as an above-scale industrial enterprise (main-business revenue of 20 million CNY or more), such as 2024; the local statistics bureau knows. Skip if never.").done();
        add("aboveScaleSince", "date", "纳入规上统计的日期（精确到月即可）", "Date first counted above scale (the month is enough)")
                .readBy("Enterprise.enteredAboveScaleAfter")
                .help("统计部门批准纳入规上统计库的月份，见入库通知或问统计局。",
                        "The month the statistics bureau admitted the enterprise to the above-scale register, per the admission notice.").done();
        add("aboveScaleNow", "bool", "目前是规上工业企业（在规上统计库中）", "Counted above scale now")
                .readBy("Enterprise.aboveScaleNow")
                .help("企业目前仍在统计部门的规上工业统计库中（退库后不算）；不清楚可问统计局。",
                        "The enterprise is still in the statistics bureau's above-scale register (not after leaving it); ask the bureau if unsure.").done();
        add("receivedProvincialXsgAward", "bool", "2018 年以来已获省级小升规奖励", "Received the provincial award since 2018")
                .readBy("Enterprise.receivedProvincialXsgAward")
                .help("2018 年以来是否已领过省级“小升规”奖励（奖励只发一次）。",
                        "Whether the provincial award for becoming above-scale was already received since 2018 (it is paid once).").done();
        add("newPlantEntry", "bool", "以新投产企业直接纳入规上", "Entered directly as a newly commissioned plant").readBy("Enterprise.newPlantEntry")
                .help("新建投产当年即直接纳入规上统计（而不是由规下成长而来）。",
                        "Counted above scale in the year the new plant started production (rather than growing into it).").done();
        add("convertedFromNonIndustrial", "bool", "由非工业企业转为工业企业（非工转工）", "Converted from a non-industrial enterprise")
                .readBy("Enterprise.convertedFromNonIndustrial")
                .help("原来登记为商贸等非工业企业，后转为工业企业纳入统计。",
                        "Was registered as a non-industrial (e.g. trading) enterprise and later counted as industrial.").done();
        add("movedBetweenCities", "bool", "跨地市迁移", "Moved between cities").readBy("Enterprise.movedBetweenCities")
                .help("从其他地级市迁入后纳入本地统计。",
                        "Moved in from another prefecture-level city and was then counted here.").done();

        section = "compliance";
        add("taxCreditRating", "enum", "纳税信用级别", "Tax credit rating").values(choices(Profile.TaxCreditRating.class,
                "A", "A 级", "A", "B", "B 级", "B", "M", "M 级", "M", "C", "C 级", "C", "D", "D 级", "D")).readBy("Enterprise.taxCreditRatingIn")
                .help("税务机关每年评定的纳税信用级别，在电子税务局“纳税信用评价结果”中查询。",
                        "The tax credit rating the tax authority gives each year, shown in the e-tax bureau under the credit evaluation result.").done();
        add("majorIncidentWithin3Years", "bool", "近三年发生重大安全、质量或环境事故", "Major safety, quality or environmental incident in the last 3 years")
                .readBy("Enterprise.majorIncidentWithin3Years")
                .help("近三年是否发生过重大安全、质量事故或严重环境违法（被有关部门认定或处罚）。",
                        "Whether a major safety or quality incident or serious environmental violation (so found or penalised by an authority) occurred in the last three years.").done();
        add("majorIncidentWithin1Year", "bool", "申请前一年内发生重大安全、质量事故或严重环境违法行为",
                "Major safety or quality incident or serious environmental violation in the year before applying")
                .readBy("Enterprise.majorIncidentWithin1Year")
                .help("申请前一年内是否发生重大安全、质量事故或严重环境违法行为。",
                        "Whether a major safety or quality incident or serious environmental violation occurred in the year before applying.").done();
        add("violationWithin6Months", "bool", "近六个月有环保或税收违法行为", "Environmental or tax violation in the last 6 months")
                .readBy("Enterprise.violationWithin6Months")
                .help("近六个月是否因违反环保、税收法律法规受到处罚。",
                        "Whether penalised for an environmental or tax violation in the last six months.").done();
        add("listedAbnormalOrDishonest", "bool", "被列入经营异常名录或严重失信主体名单", "Listed as abnormal-operation or seriously dishonest")
                .readBy("Enterprise.listedAbnormalOrDishonest")
                .help("是否在“信用中国”或国家企业信用信息公示系统中被列入经营异常名录或严重失信主体名单。",
                        "Whether listed as abnormal-operation or seriously dishonest on Credit China or the national enterprise credit information system.").done();
        add("seriousViolationWithin3Years", "bool", "近三年有偷漏税等严重违法违规行为", "Tax evasion or another serious violation in the last 3 years")
                .readBy("Enterprise.seriousViolationWithin3Years")
                .help("近三年是否有偷税、骗取出口退税等严重税收违法或其他严重违法违规行为。",
                        "Whether tax evasion, export-refund fraud or another serious violation occurred in the last three years.").done();
        add("restrictedOrEliminatedProduct", "bool", "产品或工艺属于《产业结构调整指导目录》限制类、淘汰类",
                "Product or process is restricted or to be eliminated under the industrial structure catalogue")
                .readBy("Enterprise.restrictedOrEliminatedProduct")
                .help("产品或工艺是否列在《产业结构调整指导目录》的限制类或淘汰类；可在目录中按产品查找，或问发展改革部门。",
                        "Whether the product or process is in the restricted or eliminated class of the industrial structure catalogue; look it up, or ask the development and reform bureau.").expert().done();
        add("highPollutionProduct", "bool", "产品属于《环境保护综合名录》“高污染、高环境风险”产品或重污染工艺",
                "Product is high-pollution or high-environmental-risk, or made by a heavy-pollution process (environmental protection catalogue)")
                .readBy("Enterprise.highPollutionProduct")
                .help("产品是否属于《环境保护综合名录》的“高污染、高环境风险”产品，或使用重污染工艺；生态环境部门可答复。",
                        "Whether the product is high-pollution or high-environmental-risk in the environmental protection catalogue, or made by a heavy-pollution process; the ecology and environment bureau can tell.").expert().done();

        section = "recycling";
        add("vatGeneralTaxpayer", "bool", "增值税一般纳税人", "General VAT taxpayer").readBy("Enterprise.vatGeneralTaxpayer")
                .help("是否登记为增值税一般纳税人（不是小规模纳税人），见电子税务局的纳税人资格。",
                        "Whether registered as a general VAT taxpayer (not a small-scale one), per the taxpayer status in the e-tax bureau.").done();
        add("sellsCollectedRecycledResources", "bool", "销售自己收购的再生资源，仅进行分拣、清洗、打包、切割、破碎等简单加工",
                "Sells recycled resources it collected itself, with only simple processing (sorting, cleaning, baling, cutting, crushing)")
                .readBy("Enterprise.sellsCollectedRecycledResources")
                .help("销售的是自己收购的废旧物资，只做分拣、清洗、打包、切割、破碎等简单加工，不深加工。",
                        "Sells recycled materials it collected itself, after simple processing only (sorting, cleaning, baling, cutting, crushing).").done();
        add("handlesHazardousWaste", "bool", "从事危险废物收集", "Collects or handles hazardous waste").readBy("Enterprise.handlesHazardousWaste")
                .help("是否收集、经营危险废物（如废铅蓄电池、废矿物油）。",
                        "Whether it collects or trades hazardous waste (such as spent lead batteries or waste mineral oil).").done();
        add("handlesEndOfLifeVehicles", "bool", "从事报废机动车回收", "Collects end-of-life vehicles").readBy("Enterprise.handlesEndOfLifeVehicles")
                .help("是否从事报废机动车回收。",
                        "Whether it collects end-of-life vehicles.").done();
        add("recyclerFiled", "bool", "已办理再生资源回收经营者备案", "Filed as a recycler with the commerce authority").readBy("Enterprise.recyclerFiled")
                .help("是否已在商务部门办理再生资源回收经营者备案，见备案回执。",
                        "Whether filed as a recycler with the commerce bureau, per the filing receipt.").done();
        add("hazardousWasteLicence", "bool", "持有危险废物经营许可证", "Holds a hazardous-waste licence").readBy("Enterprise.hazardousWasteLicence")
                .help("是否持有生态环境部门核发的危险废物经营许可证。",
                        "Whether it holds a hazardous-waste operating licence from the ecology and environment bureau.").done();
        add("elvDismantlingLicence", "bool", "具备报废机动车回收拆解资质", "Holds an end-of-life-vehicle dismantling certificate")
                .readBy("Enterprise.elvDismantlingLicence")
                .help("是否取得报废机动车回收拆解企业资质认定（商务部门）。",
                        "Whether recognised by the commerce bureau as an end-of-life-vehicle dismantler.").done();
        add("rcuVatCategory", "enum", "自产产品在《资源综合利用产品和劳务增值税优惠目录（2022年版）》中的类别",
                "Category of its products in the 2022 resource-reuse VAT catalogue").values(choices(Profile.RcuVatCategory.class,
                "RECYCLED_METAL", "再生金属", "Recycled metal", "RECYCLED_PLASTIC", "再生塑料", "Recycled plastic",
                "WASTE_SLAG_BUILDING_MATERIAL", "废渣建材", "Waste-slag building material", "OTHER", "目录内其他类别", "Another category in the catalogue",
                "NOT_LISTED", "不在目录内", "Not in the catalogue"))
                .readBy("Enterprise.rcuVatCategory", "Enterprise.rcuVatCategoryIn")
                .help("自产产品在《资源综合利用产品和劳务增值税优惠目录（2022年版）》中属于哪一类；按产品和所用原料对照目录，或问主管税务机关。",
                        "Which category of the 2022 resource-reuse VAT catalogue its own products fall in; compare products and raw materials with the catalogue, or ask the tax office.").expert().done();
        add("rcuEitCatalogMaterial", "bool", "主要原材料属于《资源综合利用企业所得税优惠目录（2021年版）》",
                "Main raw material is in the 2021 resource-reuse EIT catalogue").readBy("Enterprise.rcuEitCatalogMaterial")
                .help("主要原材料是否属于《资源综合利用企业所得税优惠目录（2021年版）》，且产品符合目录标准；可问主管税务机关。",
                        "Whether the main raw material is in the 2021 resource-reuse income-tax catalogue and the products meet its standards; the tax office can tell.").expert().done();
        add("recycledInputsInvoiced", "bool", "购进再生资源取得发票或收购凭证（2021年第40号公告）",
                "Recycled inputs bought are covered by invoices or purchase vouchers (2021 notice No. 40)")
                .readBy("Enterprise.recycledInputsInvoiced")
                .help("购进的再生资源是否都取得了发票或收购凭证（财政部 税务总局公告2021年第40号的要求）。",
                        "Whether every recycled input bought is covered by an invoice or purchase voucher (as notice No. 40 of 2021 requires).").done();
        add("westernEncouragedRevenueSharePct", "dec", "西部地区鼓励类产业主营收入占比", "Revenue share from western encouraged industries")
                .unit(PCT).readBy("Enterprise.westernEncouragedRevenueShare")
                .help("《西部地区鼓励类产业目录》所列项目的主营业务收入占收入总额的比例；按财务明细计算，或问主管税务机关。",
                        "The share of total revenue from activities in the western encouraged industries catalogue; compute it from the accounts or ask the tax office.").expert().done();

        section = "projects";
        add("projects", "list", "投资项目", "Investment projects").readBy("Enterprise.projects")
                .help("正在建设或近年投产的投资项目；只在问到项目类政策时需要填写。",
                        "Investment projects under construction or recently in production; only needed for project measures.").done();
        add("projectsElsewhere", "bool", "在外地有投资项目吗（注册地以外）", "Any investment projects outside your place of registration?")
                .help("未填写项目时，项目类措施只列注册地（及所在市、省）的；选“是”则列出各地的项目类措施。填写项目及其所在地最准确。",
                        "Without projects listed, only the project measures of your place (and its city and province) are shown; "
                                + "\"yes\" shows those of every place. Listing the projects and their places is the most precise.")
                .readBy("Project.locatedIn").done();
        add("projects[].id", "text", "项目编号或简称", "Project id or short name").readBy("Project.id")
                .help("自己起的项目简称或备案编号，用来区分多个项目。",
                        "A short name or the filing number, to tell several projects apart.").done();
        add("projects[].regionCode", "region", "项目所在地", "Project location").readBy("Project.locatedIn")
                .help("项目建设地点所在的县（区）；与注册地相同可不填。",
                        "The county where the project is built; leave empty when it is the place of registration.").done();
        add("projects[].kind", "enum", "项目类型", "Project kind").values(choices(ProjectInput.Kind.class,
                "MANUFACTURING", "制造业项目", "Manufacturing", "ENERGY_STORAGE", "储能项目", "Energy storage",
                "ENERGY_STORAGE_DEMO", "储能示范项目", "Energy-storage demonstration", "ENVIRONMENTAL", "环保、节能节水项目",
                "Environmental, energy or water saving", "OTHER", "其他", "Other")).readBy("Project.kindIn")
                .help("项目的主要类型，见项目备案或核准文件。",
                        "The project's main kind, per its filing or approval document.").done();
        add("projects[].totalInvestment", "dec", "计划总投资", "Planned total investment").unit(WAN).readBy("Project.totalInvestment")
                .help("项目备案或核准文件上的计划总投资。",
                        "The planned total investment in the project's filing or approval document.").done();
        add("projects[].newFixedAssetInvestment", "dec", "新增实际固定资产投资", "New actual fixed-asset investment").unit(WAN)
                .readBy("Project.newFixedAssetInvestment")
                .help("项目已实际完成的新增固定资产投资（设备、厂房等），以入账或审计数为准。",
                        "New fixed-asset investment actually made (equipment, buildings), as booked or audited.").done();
        add("projects[].industrialLandByListing", "bool", "通过挂牌出让取得工业用地", "Industrial land acquired by public listing")
                .readBy("Project.industrialLandByListing")
                .help("项目用地是否通过挂牌出让取得，见土地出让合同。",
                        "Whether the project's land was acquired by public listing, per the land-grant contract.").done();
        add("projects[].buildingAreaM2", "dec", "建筑面积", "Building area").unit(M2).readBy("Project.buildingArea")
                .help("规划许可或竣工验收文件上的建筑面积。",
                        "Building area in the planning permit or completion documents.").done();
        add("projects[].buildingType", "enum", "建设内容", "What the project builds").values(choices(ProjectInput.BuildingType.class,
                "STANDARD_FACTORY", "标准厂房", "Standard factory", "GENERAL_WAREHOUSE", "普通仓库", "General warehouse",
                "INNOVATIVE_INDUSTRIAL", "创新型产业用地项目", "Innovative industrial land project", "OTHER", "其他", "Other"))
                .readBy("Project.buildingTypeIn")
                .help("项目主要建设内容，见规划许可。",
                        "What the project mainly builds, per the planning permit.").done();
        add("projects[].storageTechnology", "enum", "储能技术路线", "Storage technology").values(choices(ProjectInput.StorageTechnology.class,
                "LITHIUM_ION", "锂离子", "Lithium-ion", "SODIUM_ION", "钠离子", "Sodium-ion", "FLOW", "液流", "Flow",
                "SOLID_STATE", "固态", "Solid-state", "HYDROGEN", "氢储能", "Hydrogen", "OTHER", "其他", "Other"))
                .readBy("Project.storageTechnologyIn")
                .help("储能项目采用的技术路线。",
                        "The storage technology the project uses.").done();
        add("projects[].firstRevenueYear", "int", "取得第一笔生产经营收入的年度", "Year of first revenue")
                .readBy("Project.firstRevenueYear", "Project.yearSinceFirstRevenue")
                .help("项目取得第一笔生产经营收入的年度（环保、节能节水项目所得“三免三减半”从这一年起算）。",
                        "The year the project earned its first operating revenue (the income-tax holiday of environmental projects counts from it).").done();
        add("projects[].taxableIncomeLastYear", "dec", "项目上一完整年度应纳税所得额", "Project's taxable income in the last full year").unit(WAN).readBy("Project.taxableIncomeLastYear")
                .help("该项目上一完整年度单独核算的应纳税所得额；亏损填负数。",
                        "The project's separately accounted taxable income in the last full year; a loss is negative.").done();
        add("projects[].environmentalCatalog", "bool", "属于环境保护、节能节水项目目录", "In the environmental / energy and water saving catalogue")
                .readBy("Project.environmentalCatalog")
                .help("项目是否属于《环境保护、节能节水项目企业所得税优惠目录》；可问主管税务机关或发展改革部门。",
                        "Whether the project is in the income-tax catalogue of environmental, energy and water saving projects; ask the tax office or the development and reform bureau.").expert().done();
        add("projects[].inProvincialStrategicCluster", "bool", "属于省战略性产业集群（如广东 20 个集群）",
                "Belongs to a provincial strategic industry cluster (e.g. Guangdong's 20 clusters)").readBy("Project.inProvincialStrategicCluster")
                .help("项目是否属于省战略性产业集群（如广东 20 个战略性产业集群），可问工业和信息化主管部门。",
                        "Whether the project belongs to a provincial strategic industry cluster (e.g. Guangdong's 20 clusters); the industry and IT bureau can tell.").expert().done();
        add("projects[].previouslyProvincialFunded", "bool", "已获省级资金支持", "Already received provincial funding")
                .readBy("Project.previouslyProvincialFunded")
                .help("该项目是否已获得过省级财政资金支持。",
                        "Whether this project has already received provincial funding.").done();
        add("projects[].commitmentSystem", "bool", "企业承诺按审批条件建设（承诺制）", "Commits to the approval conditions")
                .readBy("Project.commitmentSystem")
                .help("企业是否书面承诺按审批条件建设（告知承诺制审批）。",
                        "Whether the enterprise has committed in writing to build to the approval conditions (approval by commitment).").done();

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
        private boolean expert;

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

        Def expert() {
            expert = true;
            return this;
        }

        void done() {
            // A manager needs to know what a figure means and where to find it; a field without that is a bug.
            if (help == null) throw new IllegalStateException(path + " has no help");
            FIELDS.add(new Field(path, section, type, label, help, unit, values, readBy, basic, expert));
        }
    }
}
