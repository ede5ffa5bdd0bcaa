/*
 * 惠企政策自查 — the self-check form. Plain ES5 (no build step, no framework, no outside
 * resources) so it runs on old office browsers and on intranets without internet access.
 *
 * The form is rendered from SECTIONS below. Every input carries data-path, the JSON path of its
 * field under "profile" (financials.2024.rdExpense, projects[0].totalInvestment), so an error or
 * a missing field named by the API finds its input. An empty input means "unknown" and is left
 * out of the request. Input is kept in localStorage only.
 */
(function () {
  'use strict';

  var STORE = 'huiqi.form.v1';
  var LANG_KEY = 'huiqi.lang';
  var API = 'api/v1/';

  // ---------------------------------------------------------------------------------------------
  // Texts
  var T = {
    skip: ['跳到表单', 'Skip to the form'],
    title: ['惠企政策自查', 'Business support self-check'],
    introTitle: ['说明', 'About'],
    intro1: ['填写您了解的企业情况，系统会列出您可以申请的惠企政策、还需补充的信息和政策出处。',
      'Fill in what you know about your enterprise. The service lists the support measures you can apply for, what is still missing, and where each comes from.'],
    intro2: ['每一项都可以留空。留空表示“不知道”，不会被当作 0 或“否”。',
      'Every field may be left empty. Empty means "unknown": it is never read as zero or "no".'],
    intro3: ['您填写的内容只保存在本浏览器中，不会保存在服务器上；评估时仅发送给本服务计算结果。',
      'What you enter is kept in this browser only, never stored on the server; it is sent to this service only to compute the result.'],
    loading: ['正在加载…', 'Loading…'],
    submit: ['开始自查', 'Check eligibility'],
    clear: ['清除我的数据', 'Clear my data'],
    clearConfirm: ['确定清除本浏览器中保存的全部填写内容吗？', 'Clear everything you entered from this browser?'],
    cleared: ['已清除。', 'Cleared.'],
    busy: ['正在评估，请稍候…', 'Checking, please wait…'],
    results: ['自查结果', 'Results'],
    footer: ['结果仅供参考，以发文单位的审核为准。', 'For reference only; the issuing office decides.'],
    staffLink: ['规则集信息（工作人员）', 'Rule set (staff)'],
    unknown: ['未知', 'Unknown'],
    yes: ['是', 'Yes'],
    no: ['否', 'No'],
    emptyHint: ['留空 = 未知', 'empty = unknown'],
    province: ['省（自治区、直辖市）', 'Province'],
    city: ['市', 'City'],
    county: ['县（区）', 'County or district'],
    choose: ['— 请选择（未知）—', '— choose (unknown) —'],
    wholeCity: ['— 全市 / 未知 —', '— whole city / unknown —'],
    regionCode: ['行政区划代码', 'Region code'],
    regionHint: ['按注册地选择省、市、县；只选到市也可以。', 'Pick the province, city and county of registration; the city alone is enough.'],
    parks: ['所在产业园区', 'Industrial park'],
    parksHint: ['不在园区内请勾选“不在以下园区”；都不勾选表示未知。', 'Tick "none of these" if you are in no park; ticking nothing means unknown.'],
    noPark: ['不在以下园区', 'None of these parks'],
    industrySearch: ['搜索行业（名称或代码）', 'Search industries (name or code)'],
    industryList: ['行业（GB/T 4754-2017）', 'Industry (GB/T 4754-2017)'],
    industryCode: ['行业代码', 'Industry code'],
    industryHint: ['在列表中选择，或直接填写代码，如 C4210。', 'Pick from the list or type the code, such as C4210.'],
    noMatch: ['没有匹配的行业', 'No matching industry'],
    year: ['年度', 'Year'],
    yearCol: ['{y}年', '{y}'],
    finHint: ['按评估日期的前三个年度填写；“上年”为 {y} 年。金额单位为万元。', 'The three years before the evaluation date; "last year" is {y}. Money in 万元 (10,000 CNY).'],
    addRow: ['添加', 'Add'],
    removeRow: ['删除', 'Remove'],
    rowN: ['第 {n} 项', 'Item {n}'],
    listUnknown: ['未填写（未知）', 'Not answered (unknown)'],
    listNone: ['没有', 'None'],
    listSome: ['有，填写如下', 'Yes, listed below'],
    held: ['持有', 'Held'],
    recognizedOn: ['认定日期', 'Date recognised'],
    validUntil: ['有效期至（证书注明时填写）', 'Valid until (if the certificate says)'],
    certHint: ['选择“持有以下认定”后勾选所持有的认定；有效期默认为认定之日起三年。', 'Choose "held as ticked" and tick each recognition held; valid three years from recognition unless stated.'],
    certsAnswer: ['是否持有资质认定', 'Recognitions held'],
    certsSome: ['持有以下勾选的认定', 'Held as ticked below'],
    recyclingShow: ['显示资源循环相关问题', 'Show resource-recycling questions'],
    recyclingHint: ['适用于再生资源回收、资源综合利用企业和西部地区企业。', 'For recyclers, resource-reuse enterprises and enterprises in the western region.'],
    asOfHint: ['按此日期判断政策是否在有效期内；默认今天。', 'Measures are checked as in force on this date; default today.'],
    invalidNumber: ['请填写数字', 'Enter a number'],
    invalidInt: ['请填写整数', 'Enter a whole number'],
    invalidDate: ['请填写日期，格式 YYYY-MM-DD', 'Enter a date as YYYY-MM-DD'],
    fixErrors: ['请修改以下 {n} 处错误后再提交：', 'Please correct {n} problem(s) before submitting:'],
    serverErrors: ['服务器发现 {n} 处填写错误：', 'The service found {n} problem(s) in the input:'],
    requestFailed: ['请求失败：{m}。您填写的内容已保留，请稍后重试。', 'The request failed: {m}. Your input is kept; please try again.'],
    networkDown: ['无法连接到服务', 'the service could not be reached'],
    loadFailed: ['无法加载行政区划和行业列表：{m}。仍可直接填写代码。', 'Could not load the region and industry lists: {m}. You can still type the codes.'],
    evalId: ['评估编号', 'Evaluation id'],
    evalDate: ['评估日期', 'Evaluation date'],
    rulesetVersion: ['规则集版本', 'Rule set version'],
    print: ['打印 / 保存为 PDF', 'Print / save as PDF'],
    gEligible: ['可申请', 'Eligible'],
    gNeeds: ['需补充信息', 'More information needed'],
    gNear: ['差一点', 'Near misses'],
    gNot: ['不符合', 'Not eligible'],
    gConflicts: ['不能同时享受的政策', 'Measures that cannot be combined'],
    none: ['无', 'None'],
    showNot: ['展开 {n} 项不符合的政策', 'Show {n} measures not met'],
    amount: ['金额', 'Amount'],
    wan: ['万元', '10k CNY'],
    upTo: ['最高 {c} 万元', 'up to {c} × 10k CNY'],
    estimate: ['约 {a} 万元（估算）', 'about {a} × 10k CNY (estimate)'],
    gNotInForce: ['已到期/尚未施行', 'Ended or not yet in force'],
    nifIntro: ['以下政策在评估日期不在有效期内，仅供参考：近24个月内到期或6个月内将施行。', 'Not in force on the evaluation date, for reference: ended in the last 24 months or starting in the next 6.'],
    nifEnded: ['已于 {d} 到期', 'ended on {d}'],
    nifNotYet: ['将于 {d} 起施行', 'in force from {d}'],
    nifReplacedBy: ['已由“{m}”取代', 'replaced by "{m}"'],
    amountByOffice: ['金额由发文单位核定', 'amount set by the issuing office'],
    unconfirmed: ['未经官方原文确认，请向发文单位核实', 'not confirmed against the official text; check with the issuing office'],
    unconfirmedTag: ['待确认', 'to be confirmed'],
    benefit: ['政策内容', 'Benefit'],
    citation: ['政策依据', 'Source'],
    issuer: ['发文单位', 'Issuer'],
    validity: ['有效期', 'In force'],
    openEnded: ['长期', 'open-ended'],
    project: ['项目', 'Project'],
    missing: ['请补充：', 'Please give:'],
    failed: ['未满足：', 'Not met:'],
    actual: ['实际', 'actual'],
    required: ['要求', 'required'],
    notGiven: ['未填写', 'not given'],
    conflictWith: ['不能与“{m}”同时享受', 'cannot be combined with "{m}"'],
    noResults: ['评估日期内没有适用于该地区的政策。', 'No measure in force applies to this region on that date.'],
    summary: ['共 {n} 项政策：可申请 {e} 项，需补充信息 {i} 项，差一点 {m} 项，不符合 {x} 项。',
      '{n} measures: {e} eligible, {i} need information, {m} near misses, {x} not eligible.'],
    fieldError: ['{m}', '{m}']
  };

  var UNITS = {
    wan: ['万元', '10k CNY'], pct: ['%', '%'], m2: ['m²', 'm²'], people: ['人', 'people'],
    items: ['项', 'items'], points: ['分', 'points'], years: ['年', 'years']
  };

  var SECTIONS = [
    { id: 'evaluation', zh: '评估日期', en: 'Evaluation date', fields: [
      { p: 'asOf', t: 'date', zh: '评估日期', en: 'Evaluation date', hint: 'asOfHint', request: true }
    ] },
    { id: 'basic', zh: '基本信息', en: 'Basic information', fields: [
      { p: 'name', t: 'text', zh: '企业名称', en: 'Enterprise name' },
      { p: 'creditCode', t: 'code', zh: '统一社会信用代码', en: 'Unified social credit code', hintText: ['18 位，如 91450400MA5L00000D', '18 characters, such as 91450400MA5L00000D'] },
      { custom: 'region' },
      { custom: 'parks' },
      { custom: 'industry' },
      { p: 'registrationDate', t: 'date', zh: '成立日期', en: 'Registration date' },
      { p: 'sme', t: 'bool', zh: '属于中小企业（按《中小企业划型标准规定》）', en: 'Small or medium-sized enterprise (2011 classification)' },
      { p: 'employees', t: 'int', u: 'people', zh: '从业人员', en: 'Employees' },
      { p: 'techStaff', t: 'int', u: 'people', zh: '科技人员', en: 'Science and technology staff' },
      { p: 'rdStaff', t: 'int', u: 'people', zh: '研发人员', en: 'R&D staff' }
    ] },
    { id: 'finance', zh: '财务', en: 'Financials', fields: [{ custom: 'years' }, { custom: 'quarters' }] },
    { id: 'rd', zh: '研发与知识产权', en: 'R&D and intellectual property', fields: [
      { p: 'ip.classIHighValue', t: 'int', u: 'items', zh: '高价值一类知识产权', en: 'High-value Class-I IP' },
      { p: 'ip.classISelfDeveloped', t: 'int', u: 'items', zh: '自主研发一类知识产权', en: 'Self-developed Class-I IP' },
      { p: 'ip.classI', t: 'int', u: 'items', zh: '一类知识产权（发明专利等）合计', en: 'All Class-I IP (invention patents etc.)' },
      { p: 'ip.classII', t: 'int', u: 'items', zh: '二类知识产权（实用新型、外观设计、软件著作权等）', en: 'Class-II IP (utility models, designs, software copyright)' },
      { p: 'ip.classIRelatedToLeadProduct', t: 'int', u: 'items', zh: '与主导产品相关的一类知识产权', en: 'Class-I IP related to the lead product' },
      { p: 'ownsCoreIp', t: 'bool', zh: '拥有主要产品的核心自主知识产权', en: 'Owns the core IP of its main products' },
      { p: 'rdInstitution', t: 'bool', zh: '自建或与高校、科研机构联合建立了研发机构（不论是否经认定）', en: 'Has an own or joint R&D institution (recognised or not)' },
      { p: 'inHiTechField', t: 'bool', zh: '主要产品属于国家重点支持的高新技术领域', en: 'Main products are in a state-supported high-tech field' },
      { p: 'rdInstitutionLevel', t: 'enum', zh: '最高级别研发机构', en: 'Highest-level R&D institution',
        options: [['NONE', '没有', 'None'], ['MUNICIPAL', '市级', 'Municipal'], ['PROVINCIAL', '省级', 'Provincial'], ['NATIONAL', '国家级', 'National']] },
      { p: 'hnteInnovationScore', t: 'dec', u: 'points', zh: '高新技术企业创新能力评价得分（0–100）', en: 'High-tech enterprise innovation score (0–100)' },
      { custom: 'awards' },
      { p: 'yearsInNiche', t: 'int', u: 'years', zh: '从事特定细分市场年限', en: 'Years in its niche market' },
      { p: 'leadProductStrategicEmerging', t: 'bool', zh: '主导产品属于战略性新兴产业', en: 'Lead product is in a strategic emerging industry' },
      { p: 'nicheMarketSharePct', t: 'dec', u: 'pct', zh: '主导产品全国细分市场占有率', en: 'Lead product national niche market share' },
      { p: 'ownBrand', t: 'bool', zh: '拥有自主品牌', en: 'Has its own brand' },
      { p: 'managementCertification', t: 'bool', zh: '通过管理体系或市场认证', en: 'Holds a management-system or market certification' },
      { p: 'specializedScore', t: 'dec', u: 'points', zh: '专精特新评分（0–100，省级评分表）', en: 'Specialisation score (0–100, provincial sheet)' }
    ] },
    { id: 'certs', zh: '资质认定', en: 'Recognitions held', fields: [{ custom: 'certs' }] },
    { id: 'scale', zh: '规上统计（小升规）', en: 'Above-scale statistics', fields: [
      { p: 'firstAboveScaleYear', t: 'int', zh: '首次纳入规上工业统计的年份', en: 'Year first counted above scale', hintText: ['如 2024', 'such as 2024'] },
      { p: 'receivedProvincialXsgAward', t: 'bool', zh: '2018 年以来已获省级小升规奖励', en: 'Received the provincial award since 2018' },
      { p: 'newPlantEntry', t: 'bool', zh: '以新投产企业直接纳入规上', en: 'Entered directly as a newly commissioned plant' },
      { p: 'convertedFromNonIndustrial', t: 'bool', zh: '由非工业企业转为工业企业（非工转工）', en: 'Converted from a non-industrial enterprise' },
      { p: 'movedBetweenCities', t: 'bool', zh: '跨地市迁移', en: 'Moved between cities' }
    ] },
    { id: 'compliance', zh: '合规', en: 'Compliance', fields: [
      { p: 'taxCreditRating', t: 'enum', zh: '纳税信用级别', en: 'Tax credit rating',
        options: [['A', 'A', 'A'], ['B', 'B', 'B'], ['M', 'M', 'M'], ['C', 'C', 'C'], ['D', 'D', 'D']] },
      { p: 'majorIncidentWithin3Years', t: 'bool', zh: '近三年发生重大安全、质量或环境事故', en: 'Major safety, quality or environmental incident in the last 3 years' },
      { p: 'violationWithin6Months', t: 'bool', zh: '近六个月有环保或税收违法行为', en: 'Environmental or tax violation in the last 6 months' },
      { p: 'listedAbnormalOrDishonest', t: 'bool', zh: '被列入经营异常名录或严重失信主体名单', en: 'Listed as abnormal-operation or seriously dishonest' },
      { p: 'seriousViolationWithin3Years', t: 'bool', zh: '近三年有偷漏税等严重违法违规行为', en: 'Tax evasion or another serious violation in the last 3 years' },
      { p: 'restrictedOrEliminatedProduct', t: 'bool', zh: '产品属于《产业结构调整指导目录》限制类或淘汰类', en: 'Product in the restricted or eliminated classes' }
    ] },
    { id: 'recycling', zh: '资源循环', en: 'Resource recycling', conditional: true, fields: [
      { p: 'vatGeneralTaxpayer', t: 'bool', zh: '增值税一般纳税人', en: 'General VAT taxpayer' },
      { p: 'recyclerFiled', t: 'bool', zh: '已办理再生资源回收经营者备案', en: 'Filed as a recycler with the commerce authority' },
      { p: 'hazardousWasteLicence', t: 'bool', zh: '持有危险废物经营许可证', en: 'Holds a hazardous-waste licence' },
      { p: 'elvDismantlingLicence', t: 'bool', zh: '具备报废机动车回收拆解资质', en: 'Holds an end-of-life-vehicle dismantling certificate' },
      { p: 'rcuVatCategory', t: 'enum', zh: '产品在《资源综合利用产品和劳务增值税优惠目录（2022年版）》中的类别', en: 'Product category in the 2022 resource-reuse VAT catalogue',
        options: [['RECYCLED_METAL', '再生金属', 'Recycled metal'], ['RECYCLED_PLASTIC', '再生塑料', 'Recycled plastic'],
          ['WASTE_SLAG_BUILDING_MATERIAL', '废渣建材', 'Waste-slag building material'], ['OTHER', '其他', 'Other']] },
      { p: 'rcuEitCatalogMaterial', t: 'bool', zh: '主要原材料属于《资源综合利用企业所得税优惠目录（2021年版）》', en: 'Main raw material is in the 2021 resource-reuse EIT catalogue' },
      { p: 'westernEncouragedRevenueSharePct', t: 'dec', u: 'pct', zh: '西部地区鼓励类产业主营收入占比', en: 'Revenue share from western encouraged industries' }
    ] },
    { id: 'projects', zh: '项目', en: 'Projects', fields: [{ custom: 'projects' }] }
  ];

  var YEAR_FIELDS = [
    ['operatingRevenue', 'wan', '营业收入', 'Operating revenue'],
    ['mainBusinessRevenue', 'wan', '主营业务收入', 'Main-business revenue'],
    ['rdExpense', 'wan', '研发费用', 'R&D expense'],
    ['rdExpenseDomestic', 'wan', '境内研发费用', 'R&D expense in China'],
    ['highTechRevenue', 'wan', '高新技术产品（服务）收入', 'High-tech products and services revenue'],
    ['netProfit', 'wan', '净利润', 'Net profit'],
    ['totalAssets', 'wan', '资产总额', 'Total assets'],
    ['totalLiabilities', 'wan', '负债总额', 'Total liabilities'],
    ['taxableProfit', 'wan', '应纳税所得额', 'Taxable profit'],
    ['vatPaid', 'wan', '已缴增值税', 'VAT paid'],
    ['industrialValueAddedGrowth', 'pct', '工业增加值增速', 'Industrial value-added growth']
  ];
  var SIGNED = { netProfit: true, taxableProfit: true, industrialValueAddedGrowth: true };

  var CERT_TYPES = [
    ['HIGH_TECH_ENTERPRISE', '高新技术企业', 'High-tech enterprise'],
    ['INNOVATIVE_SME', '创新型中小企业', 'Innovative SME'],
    ['SPECIALIZED_SME', '专精特新中小企业', 'Specialized and innovative SME'],
    ['LITTLE_GIANT', '专精特新“小巨人”企业', '"Little giant" enterprise'],
    ['SINGLE_CHAMPION', '制造业单项冠军', 'Manufacturing single champion'],
    ['TECH_INNOVATION_DEMO', '国家级技术创新示范企业', 'National technology-innovation demonstration enterprise'],
    ['IP_ADVANTAGE', '知识产权优势企业', 'IP advantage enterprise'],
    ['IP_DEMO', '知识产权示范企业', 'IP demonstration enterprise']
  ];

  var LISTS = {
    awards: { zh: '获奖情况', en: 'Awards', answer: true, fields: [
      { f: 'kind', t: 'enum', zh: '奖项类别', en: 'Kind', options: [['SCIENCE_TECHNOLOGY', '科学技术奖', 'Science and technology award'], ['MAKER_CHINA_TOP500', '创客中国全国500强', 'Maker China top 500']] },
      { f: 'level', t: 'enum', zh: '级别', en: 'Level', options: [['NATIONAL', '国家级', 'National'], ['PROVINCIAL', '省级', 'Provincial']] },
      { f: 'rank', t: 'int', zh: '等次（一等奖填 1）', en: 'Rank (1 = first prize)' },
      { f: 'year', t: 'int', zh: '获奖年份', en: 'Year' }
    ] },
    quarterlyOutput: { zh: '季度工业产值', en: 'Quarterly industrial output', fields: [
      { f: 'year', t: 'int', zh: '年份', en: 'Year' },
      { f: 'quarter', t: 'enum', zh: '季度', en: 'Quarter', options: [['1', '第一季度', 'Q1'], ['2', '第二季度', 'Q2'], ['3', '第三季度', 'Q3'], ['4', '第四季度', 'Q4']], num: true },
      { f: 'output', t: 'dec', u: 'wan', zh: '产值', en: 'Output' }
    ] },
    projects: { zh: '投资项目', en: 'Investment projects', fields: [
      { f: 'id', t: 'text', zh: '项目编号或简称', en: 'Project id or short name' },
      { f: 'regionCode', t: 'region', zh: '项目所在地', en: 'Project location' },
      { f: 'kind', t: 'enum', zh: '项目类型', en: 'Kind', options: [['MANUFACTURING', '制造业项目', 'Manufacturing'], ['ENERGY_STORAGE', '储能项目', 'Energy storage'],
        ['ENERGY_STORAGE_DEMO', '储能示范项目', 'Energy-storage demonstration'], ['ENVIRONMENTAL', '环保、节能节水项目', 'Environmental, energy or water saving'], ['OTHER', '其他', 'Other']] },
      { f: 'totalInvestment', t: 'dec', u: 'wan', zh: '计划总投资', en: 'Planned total investment' },
      { f: 'newFixedAssetInvestment', t: 'dec', u: 'wan', zh: '新增实际固定资产投资', en: 'New actual fixed-asset investment' },
      { f: 'buildingAreaM2', t: 'dec', u: 'm2', zh: '建筑面积', en: 'Building area' },
      { f: 'industrialLandByListing', t: 'bool', zh: '通过挂牌出让取得工业用地', en: 'Industrial land acquired by public listing' },
      { f: 'storageTechnology', t: 'enum', zh: '储能技术路线', en: 'Storage technology', options: [['LITHIUM_ION', '锂离子', 'Lithium-ion'], ['SODIUM_ION', '钠离子', 'Sodium-ion'],
        ['FLOW', '液流', 'Flow'], ['SOLID_STATE', '固态', 'Solid-state'], ['HYDROGEN', '氢储能', 'Hydrogen'], ['OTHER', '其他', 'Other']] },
      { f: 'firstRevenueYear', t: 'int', zh: '取得第一笔生产经营收入的年度', en: 'Year of first revenue' },
      { f: 'environmentalCatalog', t: 'bool', zh: '属于环境保护、节能节水项目目录', en: 'In the environmental / energy and water saving catalogue' },
      { f: 'previouslyProvincialFunded', t: 'bool', zh: '已获省级资金支持', en: 'Already received provincial funding' },
      { f: 'commitmentSystem', t: 'bool', zh: '企业承诺按审批条件建设（承诺制）', en: 'Commits to the approval conditions' }
    ] }
  };

  // ---------------------------------------------------------------------------------------------
  // State
  var lang = readLang();
  var saved = load();
  var ref = { provinces: [], regionsByCode: {}, industries: [], parks: [] };
  var lastResult = null;
  var errorsShown = [];

  function readLang() {
    try { return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh'; } catch (e) { return 'zh'; }
  }

  function load() {
    try {
      var s = JSON.parse(localStorage.getItem(STORE) || '{}');
      if (!s || typeof s !== 'object') s = {};
      s.values = s.values || {};
      s.lists = s.lists || {};
      return s;
    } catch (e) {
      return { values: {}, lists: {} };
    }
  }

  function persist() {
    try { localStorage.setItem(STORE, JSON.stringify(saved)); } catch (e) { /* private mode: keep going */ }
  }

  // ---------------------------------------------------------------------------------------------
  // Small helpers (no framework; old browsers have no closest(), NodeList.forEach, etc.)
  function t(key, vars) {
    var pair = T[key];
    var s = pair ? pair[lang === 'en' ? 1 : 0] : key;
    if (vars) for (var k in vars) if (vars.hasOwnProperty(k)) s = s.split('{' + k + '}').join(vars[k]);
    return s;
  }
  function L(obj) { return obj ? (lang === 'en' ? (obj.en || obj.zh) : (obj.zh || obj.en)) : ''; }
  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) {
      if (!attrs.hasOwnProperty(k) || attrs[k] == null || attrs[k] === false) continue;
      if (k === 'text') e.appendChild(document.createTextNode(attrs[k]));
      else if (k === 'className') e.className = attrs[k];
      else e.setAttribute(k, attrs[k] === true ? '' : attrs[k]);
    }
    if (children) for (var i = 0; i < children.length; i++) {
      var c = children[i];
      if (c == null) continue;
      e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return e;
  }
  function each(list, fn) { for (var i = 0; i < list.length; i++) fn(list[i], i); }
  function closest(node, selectorTest) {
    while (node && node.nodeType === 1) { if (selectorTest(node)) return node; node = node.parentNode; }
    return null;
  }
  function idFor(path) { return 'f-' + path.replace(/[^A-Za-z0-9_-]/g, '-'); }
  function pad(n) { return n < 10 ? '0' + n : '' + n; }
  function today() {
    var d = new Date();
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
  }
  function asOfValue() {
    var v = saved.values.asOf;
    return /^\d{4}-\d{2}-\d{2}$/.test(v || '') ? v : today();
  }
  function lastYear() { return parseInt(asOfValue().substring(0, 4), 10) - 1; }

  // ---------------------------------------------------------------------------------------------
  // Rendering the form
  function unitEl(u) { return u ? el('span', { className: 'unit', text: UNITS[u][lang === 'en' ? 1 : 0] }) : null; }

  function hintEl(id, text) { return text ? el('span', { className: 'hint', id: id, text: text }) : null; }

  /** One input for a field definition; data-path is its JSON path under profile. */
  function inputFor(def, path, labelText, value) {
    var id = idFor(path);
    var common = { id: id, name: path, 'data-path': path, 'data-type': def.t };
    var input;
    if (def.t === 'bool' || def.t === 'enum') {
      input = el('select', common);
      input.appendChild(el('option', { value: '', text: t('unknown') }));
      var opts = def.t === 'bool' ? [['true', t('yes')], ['false', t('no')]] : [];
      if (def.t === 'enum') each(def.options, function (o) { opts.push([o[0], lang === 'en' ? o[2] : o[1]]); });
      each(opts, function (o) { input.appendChild(el('option', { value: o[0], text: o[1] })); });
      if (def.num) input.setAttribute('data-num', '1');
    } else if (def.t === 'region') {
      input = el('select', common);
      input.appendChild(el('option', { value: '', text: t('unknown') }));
      each(flatRegions(), function (r) { input.appendChild(el('option', { value: r.code, text: r.label })); });
    } else {
      common.type = def.t === 'date' ? 'date' : 'text';
      if (def.t === 'int') { common.inputmode = 'numeric'; common.autocomplete = 'off'; }
      if (def.t === 'dec') { common.inputmode = 'decimal'; common.autocomplete = 'off'; }
      if (def.t === 'code') { common.autocomplete = 'off'; common.spellcheck = 'false'; common.maxlength = '18'; common.className = 'code'; }
      if (labelText) common['aria-label'] = labelText;
      input = el('input', common);
    }
    var v = value !== undefined ? value : valueFor(path);
    if (v != null) input.value = v;
    if (input.tagName === 'SELECT' && v && input.value !== v) input.value = '';
    return input;
  }

  function valueFor(path) {
    if (path === 'asOf') return asOfValue();
    return saved.values.hasOwnProperty(path) ? saved.values[path] : null;
  }

  function field(def) {
    var path = def.p;
    var input = inputFor(def, path);
    var hintId = input.id + '-hint';
    var hint = def.hint ? t(def.hint) : def.hintText ? def.hintText[lang === 'en' ? 1 : 0] : null;
    if (hint) input.setAttribute('aria-describedby', hintId);
    return el('div', { className: 'field' }, [
      el('label', { 'for': input.id, text: L(def) }),
      el('span', { className: 'control' }, [input, unitEl(def.u)]),
      hintEl(hintId, hint)
    ]);
  }

  function render() {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    document.title = t('title');
    each(document.querySelectorAll('[data-i18n]'), function (n) { n.textContent = t(n.getAttribute('data-i18n')); });
    var sw = $('lang-switch');
    sw.textContent = lang === 'en' ? '中文' : 'English';
    sw.setAttribute('lang', lang === 'en' ? 'zh-CN' : 'en');
    sw.setAttribute('aria-label', lang === 'en' ? '切换到中文' : 'Switch to English');

    var root = $('form-sections');
    root.innerHTML = '';
    each(SECTIONS, function (s) {
      var fs = el('fieldset', { id: 'sec-' + s.id, className: 'section' }, [el('legend', { text: L(s) })]);
      if (s.conditional) {
        var relevant = recyclingRelevant();
        var toggle = el('label', { className: 'inline' }, [
          el('input', { type: 'checkbox', id: 'show-recycling', checked: relevant ? 'checked' : null }), ' ' + t('recyclingShow')]);
        fs.appendChild(el('p', { className: 'hint' }, [t('recyclingHint')]));
        fs.appendChild(toggle);
      }
      var body = el('div', { className: 'grid', id: 'body-' + s.id });
      each(s.fields, function (f) {
        if (f.custom) body.appendChild(CUSTOM[f.custom]());
        else body.appendChild(field(f));
      });
      if (s.conditional && !recyclingRelevant()) body.setAttribute('hidden', 'hidden');
      fs.appendChild(body);
      root.appendChild(fs);
    });
    certifications();
    if (lastResult) renderResults(lastResult, true);
  }

  function recyclingRelevant() {
    var v = saved.values;
    if (saved.showRecycling === true) return true;
    if (saved.showRecycling === false) return false;
    var code = v.industryCode || '';
    if (/^C42/.test(code) || /^(F51|N77)/.test(code)) return true;
    if (/^45/.test(v.regionCode || '')) return true;
    for (var i = 0; i < SECTIONS.length; i++) if (SECTIONS[i].conditional) {
      for (var j = 0; j < SECTIONS[i].fields.length; j++) if (v[SECTIONS[i].fields[j].p]) return true;
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // Custom parts of the form
  var CUSTOM = {
    region: function () {
      var code = saved.values.regionCode || '';
      var wrap = el('div', { className: 'field wide', role: 'group', 'aria-labelledby': 'region-label' }, [
        el('span', { className: 'label', id: 'region-label', text: lang === 'en' ? 'Region (GB/T 2260)' : '注册地（行政区划）' })
      ]);
      var prov = el('select', { id: 'region-province', 'aria-describedby': 'region-hint' });
      var city = el('select', { id: 'region-city' });
      var county = el('select', { id: 'region-county' });
      var codeInput = el('input', { id: idFor('regionCode'), 'data-path': 'regionCode', 'data-type': 'text', type: 'text',
        inputmode: 'numeric', maxlength: '6', className: 'code short', autocomplete: 'off', value: code });
      function fill(select, items, blank, selected) {
        select.innerHTML = '';
        select.appendChild(el('option', { value: '', text: blank }));
        each(items, function (r) { select.appendChild(el('option', { value: r.code, text: L(r) })); });
        select.value = selected || '';
        if (select.value !== (selected || '')) select.value = '';
        select.disabled = items.length === 0 && select !== prov;
      }
      function sync(fromCode) {
        var p = null, c = null;
        each(ref.provinces, function (x) { if (fromCode && x.code.substring(0, 2) === fromCode.substring(0, 2)) p = x; });
        fill(prov, ref.provinces, t('choose'), p && p.code);
        var cities = p ? p.children : [];
        each(cities, function (x) { if (fromCode && x.code.substring(0, 4) === fromCode.substring(0, 4)) c = x; });
        fill(city, cities, t('choose'), c && c.code);
        var counties = c ? c.children : [];
        fill(county, counties, t('wholeCity'), fromCode);
      }
      sync(code);
      function pick(value) {
        codeInput.value = value;
        setValue('regionCode', value);
        sync(value);
        updateRecycling();
      }
      prov.onchange = function () { pick(prov.value); };
      city.onchange = function () { pick(city.value || prov.value); };
      county.onchange = function () { pick(county.value || city.value); };
      codeInput.oninput = function () { if (/^\d{6}$/.test(codeInput.value) || codeInput.value === '') sync(codeInput.value); };
      var row = el('div', { className: 'triple' }, [
        el('span', { className: 'sub' }, [el('label', { 'for': 'region-province', text: t('province') }), prov]),
        el('span', { className: 'sub' }, [el('label', { 'for': 'region-city', text: t('city') }), city]),
        el('span', { className: 'sub' }, [el('label', { 'for': 'region-county', text: t('county') }), county]),
        el('span', { className: 'sub' }, [el('label', { 'for': codeInput.id, text: t('regionCode') }), codeInput])
      ]);
      wrap.appendChild(row);
      wrap.appendChild(hintEl('region-hint', t('regionHint')));
      return wrap;
    },

    parks: function () {
      var chosen = saved.lists.parks;
      var box = el('fieldset', { className: 'field wide sub-fieldset', id: idFor('parks'), 'data-path': 'parks', 'data-type': 'parks', tabindex: '-1' },
        [el('legend', { text: t('parks') })]);
      var none = el('input', { type: 'checkbox', id: 'park-none', value: '', checked: chosen && chosen.length === 0 ? 'checked' : null });
      box.appendChild(el('label', { className: 'inline' }, [none, ' ' + t('noPark')]));
      each(ref.parks, function (p) {
        var cb = el('input', { type: 'checkbox', id: 'park-' + p.id, value: p.id, 'data-park': p.id,
          checked: chosen && chosen.indexOf(p.id) >= 0 ? 'checked' : null });
        var where = ref.regionsByCode[p.regionCode];
        box.appendChild(el('label', { className: 'inline' }, [cb, ' ' + L(p) + (where ? '（' + L(where) + '）' : '')]));
      });
      box.appendChild(el('span', { className: 'hint', text: t('parksHint') }));
      box.onchange = function (ev) {
        var target = ev.target;
        if (target === none && none.checked) each(box.querySelectorAll('[data-park]'), function (c) { c.checked = false; });
        if (target !== none && target.checked) none.checked = false;
        var ids = [];
        each(box.querySelectorAll('[data-park]'), function (c) { if (c.checked) ids.push(c.value); });
        saved.lists.parks = none.checked ? [] : ids.length ? ids : null;
        persist();
      };
      return box;
    },

    industry: function () {
      var code = saved.values.industryCode || '';
      var search = el('input', { id: 'industry-search', type: 'search', autocomplete: 'off', 'aria-controls': 'industry-list' });
      var list = el('select', { id: 'industry-list', size: '6', 'aria-describedby': 'industry-hint' });
      var codeInput = el('input', { id: idFor('industryCode'), 'data-path': 'industryCode', 'data-type': 'code', type: 'text',
        maxlength: '5', className: 'code short', autocomplete: 'off', spellcheck: 'false', value: code });
      function fill(q) {
        list.innerHTML = '';
        q = (q || '').toLowerCase();
        var n = 0;
        each(ref.industries, function (s) {
          var group = el('optgroup', { label: s.code + ' ' + L(s) });
          function add(item, indent) {
            var text = item.code + ' ' + L(item);
            if (q && text.toLowerCase().indexOf(q) < 0 && (s.code + ' ' + L(s)).toLowerCase().indexOf(q) < 0) return;
            group.appendChild(el('option', { value: item.code, text: indent + text }));
            n++;
          }
          each(s.divisions, function (d) {
            add(d, '');
            each(d.classes || [], function (c) { add(c, '\u00a0\u00a0'); });
          });
          if (group.childNodes.length) list.appendChild(group);
        });
        if (!n) list.appendChild(el('option', { value: '', disabled: 'disabled', text: t('noMatch') }));
        list.value = codeInput.value;
      }
      fill('');
      search.oninput = function () { fill(search.value); };
      function choose() {
        if (!list.value) return;
        codeInput.value = list.value;
        setValue('industryCode', list.value);
        updateRecycling();
      }
      list.onchange = choose;
      list.onkeydown = function (e) { if (e.keyCode === 13) { e.preventDefault(); choose(); codeInput.focus(); } };
      codeInput.onchange = function () { codeInput.value = codeInput.value.toUpperCase(); setValue('industryCode', codeInput.value); fill(search.value); updateRecycling(); };
      return el('div', { className: 'field wide' }, [
        el('span', { className: 'label', text: t('industryList') }),
        el('div', { className: 'industry' }, [
          el('span', { className: 'sub' }, [el('label', { 'for': 'industry-search', text: t('industrySearch') }), search]),
          el('span', { className: 'sub' }, [el('label', { 'for': 'industry-list', text: t('industryList') }), list]),
          el('span', { className: 'sub' }, [el('label', { 'for': codeInput.id, text: t('industryCode') }), codeInput])
        ]),
        hintEl('industry-hint', t('industryHint'))
      ]);
    },

    years: function () {
      var ly = lastYear();
      var years = [ly - 2, ly - 1, ly];
      each(saved.extraYears || [], function (y) { if (years.indexOf(y) < 0) years.push(y); });
      years.sort();
      var head = el('tr', null, [el('th', { scope: 'col', text: lang === 'en' ? 'Item' : '项目' })]);
      each(years, function (y) { head.appendChild(el('th', { scope: 'col', text: t('yearCol', { y: y }) })); });
      head.appendChild(el('th', { scope: 'col', text: lang === 'en' ? 'Unit' : '单位' }));
      var body = el('tbody');
      var rows = YEAR_FIELDS.concat([['equityFinancing', 'wan', '股权融资额', 'Equity financing received']]);
      each(rows, function (r) {
        var name = lang === 'en' ? r[3] : r[2];
        var tr = el('tr', null, [el('th', { scope: 'row', text: name })]);
        each(years, function (y) {
          var path = r[0] === 'equityFinancing' ? 'equityFinancing.' + y : 'financials.' + y + '.' + r[0];
          var input = inputFor({ t: 'dec' }, path, t('yearCol', { y: y }) + ' ' + name + (lang === 'en' ? ' (' : '（') + UNITS[r[1]][lang === 'en' ? 1 : 0] + (lang === 'en' ? ')' : '）'));
          if (SIGNED[r[0]]) input.setAttribute('data-signed', '1');
          tr.appendChild(el('td', null, [input]));
        });
        tr.appendChild(el('td', { className: 'unit', text: UNITS[r[1]][lang === 'en' ? 1 : 0] }));
        body.appendChild(tr);
      });
      return el('div', { className: 'wide' }, [
        el('p', { className: 'hint', id: 'fin-hint', text: t('finHint', { y: ly }) }),
        el('div', { className: 'table-scroll' }, [el('table', { className: 'years', 'aria-describedby': 'fin-hint' }, [el('thead', null, [head]), body])])
      ]);
    },

    quarters: function () { return listEditor('quarterlyOutput'); },
    awards: function () { return listEditor('awards'); },
    projects: function () { return listEditor('projects'); },

    certs: function () {
      var state = saved.certs || {};
      var answer = el('select', { id: idFor('certifications'), 'data-path': 'certifications', 'data-type': 'answer', 'aria-describedby': 'certs-hint' }, [
        el('option', { value: '', text: t('listUnknown') }),
        el('option', { value: 'none', text: t('listNone') }),
        el('option', { value: 'some', text: t('certsSome') })
      ]);
      answer.value = state.answer || '';
      var table = el('div', { className: 'certs' });
      each(CERT_TYPES, function (c, i) {
        var s = (state.types || {})[c[0]] || {};
        var name = lang === 'en' ? c[2] : c[1];
        var held = el('input', { type: 'checkbox', id: 'cert-' + c[0], 'data-cert': c[0], checked: s.held ? 'checked' : null });
        var on = el('input', { type: 'date', id: 'cert-' + c[0] + '-on', 'data-cert-on': c[0], value: s.recognizedOn || '', 'aria-label': name + ' ' + t('recognizedOn') });
        var until = el('input', { type: 'date', id: 'cert-' + c[0] + '-until', 'data-cert-until': c[0], value: s.validUntil || '', 'aria-label': name + ' ' + t('validUntil') });
        table.appendChild(el('div', { className: 'cert-row' }, [
          el('label', { className: 'inline' }, [held, ' ' + name]),
          el('span', { className: 'sub' }, [el('span', { className: 'small', text: t('recognizedOn') }), on]),
          el('span', { className: 'sub' }, [el('span', { className: 'small', text: t('validUntil') }), until])
        ]));
      });
      if (answer.value !== 'some') table.setAttribute('hidden', 'hidden');
      function save() {
        var types = {};
        each(CERT_TYPES, function (c) {
          types[c[0]] = { held: $('cert-' + c[0]).checked, recognizedOn: $('cert-' + c[0] + '-on').value, validUntil: $('cert-' + c[0] + '-until').value };
        });
        saved.certs = { answer: answer.value, types: types };
        persist();
      }
      answer.onchange = function () { if (answer.value === 'some') table.removeAttribute('hidden'); else table.setAttribute('hidden', 'hidden'); save(); };
      table.onchange = save;
      table.oninput = save;
      return el('div', { className: 'field wide' }, [
        el('label', { 'for': answer.id, text: t('certsAnswer') }), answer,
        hintEl('certs-hint', t('certHint')), table
      ]);
    }
  };

  /** Rows of a list (awards, quarterly output, projects): add and remove, paths renumbered. */
  function listEditor(name) {
    var spec = LISTS[name];
    var rows = saved.lists[name] || [];
    var wrap = el('div', { className: 'field wide list', id: 'list-' + name });
    var titleId = 'list-' + name + '-title';
    wrap.appendChild(el('h3', { id: titleId, text: L(spec) }));
    var answer = null;
    if (spec.answer) {
      answer = el('select', { id: idFor(name), 'data-path': name, 'data-type': 'answer' }, [
        el('option', { value: '', text: t('listUnknown') }),
        el('option', { value: 'none', text: t('listNone') }),
        el('option', { value: 'some', text: t('listSome') })
      ]);
      answer.value = (saved.answers || {})[name] || '';
      wrap.appendChild(el('span', { className: 'sub' }, [el('label', { 'for': answer.id, text: L(spec) }), answer]));
    }
    var holder = el('div', { className: 'rows' });
    wrap.appendChild(holder);
    var add = el('button', { type: 'button', className: 'secondary', id: 'add-' + name, text: t('addRow') + '：' + L(spec) });
    wrap.appendChild(add);

    function draw() {
      holder.innerHTML = '';
      each(rows, function (row, i) {
        var box = el('fieldset', { className: 'row' }, [el('legend', { text: L(spec) + ' · ' + t('rowN', { n: i + 1 }) })]);
        var grid = el('div', { className: 'grid' });
        each(spec.fields, function (f) {
          var path = name + '[' + i + '].' + f.f;
          var input = inputFor(f, path, null, row[f.f] == null ? '' : row[f.f]);
          input.setAttribute('data-row', i);
          input.setAttribute('data-field', f.f);
          if (f.num) input.setAttribute('data-num', '1');
          grid.appendChild(el('div', { className: 'field' }, [
            el('label', { 'for': input.id, text: L(f) }), el('span', { className: 'control' }, [input, unitEl(f.u)])
          ]));
        });
        box.appendChild(grid);
        var remove = el('button', { type: 'button', className: 'link-button', text: t('removeRow') + ' ' + t('rowN', { n: i + 1 }) });
        remove.onclick = function () { rows.splice(i, 1); store(); draw(); (rows.length ? holder.querySelector('select, input') : add).focus(); };
        box.appendChild(remove);
        holder.appendChild(box);
      });
      var show = !answer || answer.value === 'some';
      if (show) { holder.removeAttribute('hidden'); add.removeAttribute('hidden'); } else { holder.setAttribute('hidden', 'hidden'); add.setAttribute('hidden', 'hidden'); }
    }
    function store() { saved.lists[name] = rows; persist(); }
    add.onclick = function () {
      rows.push({});
      store();
      draw();
      var inputs = holder.querySelectorAll('[data-row="' + (rows.length - 1) + '"]');
      if (inputs.length) inputs[0].focus();
    };
    holder.oninput = holder.onchange = function (ev) {
      var target = ev.target;
      if (!target.hasAttribute('data-row')) return;
      rows[+target.getAttribute('data-row')][target.getAttribute('data-field')] = target.value;
      store();
    };
    if (answer) answer.onchange = function () {
      saved.answers = saved.answers || {};
      saved.answers[name] = answer.value;
      if (answer.value === 'some' && !rows.length) rows.push({});
      store();
      draw();
    };
    draw();
    return wrap;
  }

  function flatRegions() {
    var out = [];
    each(ref.provinces, function (p) {
      out.push({ code: p.code, label: L(p) });
      each(p.children, function (c) {
        out.push({ code: c.code, label: '\u00a0\u00a0' + L(c) });
        each(c.children, function (k) { out.push({ code: k.code, label: '\u00a0\u00a0\u00a0\u00a0' + L(k) }); });
      });
    });
    return out;
  }

  function setValue(path, value) {
    if (value === '' || value == null) delete saved.values[path]; else saved.values[path] = value;
    persist();
  }

  function updateRecycling() {
    var body = $('body-recycling');
    var box = $('show-recycling');
    if (!body || !box || saved.showRecycling != null) return;
    var on = recyclingRelevant();
    box.checked = on;
    if (on) body.removeAttribute('hidden'); else body.setAttribute('hidden', 'hidden');
  }

  // ---------------------------------------------------------------------------------------------
  // Reading the form into a request
  function parseNumber(raw, type, signed) {
    var s = String(raw).replace(/[,，\s]/g, '');
    if (!/^-?\d+(\.\d+)?$/.test(s)) return { error: type === 'int' ? t('invalidInt') : t('invalidNumber') };
    if (type === 'int' && s.indexOf('.') >= 0) return { error: t('invalidInt') };
    return { value: parseFloat(s) };
  }

  function setPath(obj, path, value) {
    var parts = path.split('.');
    var o = obj;
    for (var i = 0; i < parts.length - 1; i++) {
      if (!o[parts[i]] || typeof o[parts[i]] !== 'object') o[parts[i]] = {};
      o = o[parts[i]];
    }
    o[parts[parts.length - 1]] = value;
  }

  /** The request body, with only answered fields; errors for inputs that cannot be read. */
  function collect() {
    var profile = {};
    var errors = [];
    var asOf = null;
    var form = $('profile-form');
    function read(input) {
      var raw = input.value == null ? '' : String(input.value).replace(/^\s+|\s+$/g, '');
      var type = input.getAttribute('data-type');
      if (raw === '') return { skip: true };
      if (type === 'int' || type === 'dec') return parseNumber(raw, type);
      if (type === 'bool') return { value: raw === 'true' };
      if (type === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(raw) ? { value: raw } : { error: t('invalidDate') };
      if (type === 'code') return { value: raw.toUpperCase() };
      if (input.hasAttribute('data-num')) return { value: parseInt(raw, 10) };
      return { value: raw };
    }
    each(form.querySelectorAll('[data-path]'), function (input) {
      var path = input.getAttribute('data-path');
      if (input.hasAttribute('data-row')) return;
      var type = input.getAttribute('data-type');
      if (type === 'answer' || type === 'parks') return;
      var r = read(input);
      if (r.error) { errors.push({ input: input, message: r.error }); return; }
      if (r.skip) return;
      if (path === 'asOf') asOf = r.value; else setPath(profile, path, r.value);
    });
    // lists
    each(['awards', 'quarterlyOutput', 'projects'], function (name) {
      var spec = LISTS[name];
      var answer = spec.answer ? ((saved.answers || {})[name] || '') : 'some';
      if (answer === 'none') { profile[name] = []; return; }
      if (answer !== 'some') return;
      var rows = [];
      var inputs = form.querySelectorAll('#list-' + name + ' [data-row]');
      each(inputs, function (input) {
        var i = +input.getAttribute('data-row');
        rows[i] = rows[i] || {};
        var r = read(input);
        if (r.error) errors.push({ input: input, message: r.error });
        else if (!r.skip) rows[i][input.getAttribute('data-field')] = r.value;
      });
      if (rows.length || spec.answer) profile[name] = rows;
    });
    if (saved.lists.parks) profile.parks = saved.lists.parks.slice(0);
    // certifications: the held ones, in order; each input learns the path the server will use
    var certs = certifications();
    if (certs) profile.certifications = certs;
    var body = { profile: profile, lang: lang };
    if (asOf) body.asOf = asOf;
    return { body: body, errors: errors };
  }

  /**
   * The certifications held, in order, or null when unanswered. Each held type's inputs learn
   * (data-alias) the path the service will use for them: certifications[1].recognizedOn.
   */
  function certifications() {
    var certs = saved.certs || {};
    var list = [];
    each(CERT_TYPES, function (c) {
      var s = (certs.types || {})[c[0]];
      var held = certs.answer === 'some' && s && s.held;
      var ids = [['cert-' + c[0], ''], ['cert-' + c[0] + '-on', '.recognizedOn'], ['cert-' + c[0] + '-until', '.validUntil']];
      each(ids, function (pair) {
        var input = $(pair[0]);
        if (!input) return;
        if (held) input.setAttribute('data-alias', 'certifications[' + list.length + ']' + pair[1]);
        else input.removeAttribute('data-alias');
      });
      if (!held) return;
      var item = { type: c[0] };
      if (s.recognizedOn) item.recognizedOn = s.recognizedOn;
      if (s.validUntil) item.validUntil = s.validUntil;
      list.push(item);
    });
    if (certs.answer === 'none') return [];
    return certs.answer === 'some' ? list : null;
  }

  // ---------------------------------------------------------------------------------------------
  // Finding the input of a path (an error's field or a missing field)
  function inputForPath(path, addYear) {
    var form = $('profile-form');
    var p = path;
    while (p) {
      var found = form.querySelector('[data-path="' + p + '"]') || form.querySelector('[data-alias="' + p + '"]');
      if (found) return found;
      var m = /^financials\.(\d{4})\./.exec(p) || /^equityFinancing\.(\d{4})$/.exec(p);
      if (m && p === path) {
        if (!addYear) return null;
        // a year outside the three shown: add its column, then look again
        var y = parseInt(m[1], 10);
        saved.extraYears = saved.extraYears || [];
        if (saved.extraYears.indexOf(y) < 0) { saved.extraYears.push(y); persist(); render(); return inputForPath(path, false); }
      }
      var cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut > 0 ? p.substring(0, cut) : '';
    }
    return null;
  }

  function labelOf(path) {
    var input = inputForPath(path, false);
    var m = /^(?:financials\.(\d{4})\.(\w+)|(equityFinancing)\.(\d{4}))$/.exec(path);
    if (m && (!input || input.getAttribute('data-path') !== path)) {
      // a year the table does not show (yet): name it the way the table would
      var key = m[2] || m[3];
      var rows = YEAR_FIELDS.concat([['equityFinancing', 'wan', '股权融资额', 'Equity financing received']]);
      for (var i = 0; i < rows.length; i++) if (rows[i][0] === key) return t('yearCol', { y: m[1] || m[4] }) + ' ' + rows[i][lang === 'en' ? 3 : 2];
    }
    if (!input) return path;
    if (input.getAttribute('aria-label')) return input.getAttribute('aria-label');
    var label = input.id ? document.querySelector('label[for="' + input.id + '"]') : null;
    if (label) {
      var row = closest(input, function (n) { return n.tagName === 'FIELDSET' && n.className.indexOf('row') >= 0; });
      var legend = row ? row.getElementsByTagName('legend')[0] : null;
      return (legend ? legend.textContent + ' — ' : '') + label.textContent;
    }
    var legend2 = input.getElementsByTagName && input.getElementsByTagName('legend')[0];
    return legend2 ? legend2.textContent : path;
  }

  /** Shows the input, scrolls to it and puts the keyboard focus there. */
  function focusPath(path) {
    var input = inputForPath(path, true);
    if (!input) return false;
    var hidden = closest(input, function (n) { return n.hasAttribute && n.hasAttribute('hidden'); });
    if (hidden && hidden.id === 'body-recycling') {
      saved.showRecycling = true; persist();
      hidden.removeAttribute('hidden');
      $('show-recycling').checked = true;
    } else if (hidden) {
      hidden.removeAttribute('hidden');
    }
    if (input.scrollIntoView) input.scrollIntoView(true);
    if (!input.hasAttribute('tabindex') && !/^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(input.tagName)) input.setAttribute('tabindex', '-1');
    input.focus();
    return true;
  }

  function clearFieldErrors() {
    each(errorsShown, function (n) { if (n.parentNode) n.parentNode.removeChild(n); });
    errorsShown = [];
    each(document.querySelectorAll('[aria-invalid="true"]'), function (n) {
      n.removeAttribute('aria-invalid');
      var d = (n.getAttribute('aria-describedby') || '').replace(/\s*err-[^\s]+/g, '');
      if (d) n.setAttribute('aria-describedby', d); else n.removeAttribute('aria-describedby');
    });
    $('error-summary').setAttribute('hidden', 'hidden');
  }

  var MESSAGES_ZH = [
    [/unified social credit code/, '统一社会信用代码无效：应为 18 位，且校验码正确'],
    [/greater than or equal to 0/, '不能为负数'],
    [/less than or equal to (\S+)/, '不能大于 $1'],
    [/greater than or equal to (\S+)/, '不能小于 $1'],
    [/six-digit GB\/T 2260/, '应为 6 位行政区划代码，如 450400'],
    [/GB\/T 4754-2017 code/, '应为国民经济行业代码，如 C4210'],
    [/whole number/, '应为整数'],
    [/is not a valid date|date \(YYYY-MM-DD\)/, '日期格式应为 YYYY-MM-DD']
  ];
  function translate(message) {
    if (lang === 'en') return message;
    for (var i = 0; i < MESSAGES_ZH.length; i++) {
      var m = MESSAGES_ZH[i][0].exec(message);
      if (m) return MESSAGES_ZH[i][1].replace('$1', m[1] || '');
    }
    return message;
  }

  /** Puts a message beside the input (or the closest input named by the path) and returns a summary link. */
  function showFieldError(input, path, message) {
    var text = translate(message);
    var target = input || inputForPath(path, true);
    var li = el('li');
    if (!target) { li.appendChild(document.createTextNode(path + '：' + text)); return li; }
    var id = 'err-' + (target.id || idFor(path));
    var note = el('span', { className: 'field-error', id: id, text: text });
    var anchor = closest(target, function (n) { return n.className && /(^|\s)(control|sub|cert-row)(\s|$)/.test(n.className); }) || target;
    if (target.tagName === 'INPUT' && anchor === target && target.parentNode.tagName === 'TD') target.parentNode.appendChild(note);
    else anchor.parentNode.insertBefore(note, anchor.nextSibling);
    errorsShown.push(note);
    target.setAttribute('aria-invalid', 'true');
    target.setAttribute('aria-describedby', ((target.getAttribute('aria-describedby') || '') + ' ' + id).replace(/^\s+/, ''));
    var link = el('a', { href: '#' + (target.id || ''), text: labelOf(path || target.getAttribute('data-path')) + '：' + text });
    link.onclick = function (e) { e.preventDefault(); focusPath(path || target.getAttribute('data-path')) || target.focus(); };
    li.appendChild(link);
    return li;
  }

  function showErrorSummary(title, items) {
    var box = $('error-summary');
    box.innerHTML = '';
    box.appendChild(el('p', { text: title }));
    var ul = el('ul');
    each(items, function (li) { ul.appendChild(li); });
    box.appendChild(ul);
    box.removeAttribute('hidden');
    box.focus();
  }

  // ---------------------------------------------------------------------------------------------
  // Calling the service
  function request(method, url, body, done) {
    var xhr = new XMLHttpRequest();
    xhr.open(method, url, true);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    if (body) xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.timeout = 60000;
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) return;
      var data = null;
      try { data = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch (e) { data = null; }
      done(xhr.status, data);
    };
    xhr.send(body ? JSON.stringify(body) : null);
  }

  function submit(e) {
    if (e) e.preventDefault();
    clearFieldErrors();
    $('load-error').setAttribute('hidden', 'hidden');
    var c = collect();
    if (c.errors.length) {
      var items = [];
      each(c.errors, function (x) { items.push(showFieldError(x.input, x.input.getAttribute('data-path'), x.message)); });
      showErrorSummary(t('fixErrors', { n: c.errors.length }), items);
      return;
    }
    setBusy(true);
    request('POST', API + 'eligibility', c.body, function (status, data) {
      setBusy(false);
      if (status === 200 && data && data.results) {
        lastResult = data;
        renderResults(data);
        var results = $('results');
        results.focus();
        if (results.scrollIntoView) results.scrollIntoView(true);
        return;
      }
      if (status === 400 && data && data.errors && data.errors.length) {
        var items = [];
        each(data.errors, function (er) {
          var path = (er.field || '').replace(/^profile\.?/, '');
          items.push(showFieldError(null, path, er.message));
        });
        showErrorSummary(t('serverErrors', { n: data.errors.length }), items);
        return;
      }
      var what = status === 0 ? t('networkDown') : (status + ' ' + ((data && (data.detail || data.title)) || ''));
      var box = $('error-summary');
      box.innerHTML = '';
      box.appendChild(el('p', { text: t('requestFailed', { m: what.replace(/\s+$/, '') }) }));
      box.removeAttribute('hidden');
      box.focus();
    });
  }

  function setBusy(on) {
    var button = $('submit');
    button.disabled = on;
    $('profile-form').setAttribute('aria-busy', on ? 'true' : 'false');
    $('busy').innerHTML = '';
    if (on) $('busy').appendChild(el('span', { className: 'spinner', 'aria-hidden': 'true' }));
    if (on) $('busy').appendChild(document.createTextNode(t('busy')));
  }

  // ---------------------------------------------------------------------------------------------
  // Results
  function fmt(n) {
    if (n == null) return '';
    var s = String(Math.round(n * 100) / 100);
    var parts = s.split('.');
    parts[0] = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return parts.join('.');
  }
  function valueText(v) {
    if (v == null || v === '') return t('notGiven');
    if (typeof v === 'number') return fmt(v);
    if (typeof v === 'boolean') return v ? t('yes') : t('no');
    if (typeof v === 'object') return JSON.stringify(v);
    return String(v);
  }
  function titleOf(r) { return L(r.title) + (r.projectId ? '（' + t('project') + ' ' + r.projectId + '）' : ''); }

  function citationBlock(r) {
    var c = r.citation || {};
    var doc = (c.document ? '《' + c.document + '》' : '') + (c.number ? c.number : '') + (c.article ? ' ' + c.article : '');
    var period = (r.validFrom || '') + ' — ' + (r.validTo || t('openEnded'));
    return el('dl', { className: 'meta' }, [
      el('dt', { text: t('citation') }), el('dd', { className: 'citation', text: doc || '—' }),
      el('dt', { text: t('issuer') }), el('dd', { className: 'issuer', text: c.issuer || '—' }),
      el('dt', { text: t('validity') }), el('dd', { text: period })
    ]);
  }

  /** Replaces profile paths in a server text ("give: regionCode, firstAboveScaleYear") by the form's labels. */
  function withLabels(text) {
    return text.replace(/[a-z][A-Za-z0-9]*(?:\.\d{4}(?:\.[a-zA-Z]+)?|\.[a-z][A-Za-z0-9]*|\[\d+\](?:\.[a-zA-Z]+)?)*/g, function (token) {
      // in English prose only camelCase or dotted words are field names
      if (lang === 'en' && !/[A-Z.\[]/.test(token)) return token;
      var label = labelOf(token);
      return label === token ? token : '“' + label + '”';
    });
  }

  function amountLine(r) {
    var b = r.benefit || {};
    var parts = [];
    if (b.amount != null) parts.push(el('strong', { className: 'amount', 'data-basis': b.basis || 'EXACT', text: amountText(b) }));
    else parts.push(el('span', { text: (b.amountNote && withLabels(L(b.amountNote))) || t('amountByOffice') }));
    if (b.amount != null && b.cap != null) parts.push(' (' + t('upTo', { c: fmt(b.cap) }) + ')');
    if (b.amount == null && b.cap != null) parts.push('；' + t('upTo', { c: fmt(b.cap) }));
    if (!b.confirmed) parts.push(el('span', { className: 'tag warn', title: t('unconfirmed'), text: t('unconfirmedTag') }));
    var line = el('p', { className: 'amount-line' }, [el('span', { className: 'k', text: t('amount') + '：' })].concat(parts));
    if (!b.confirmed) line.appendChild(el('span', { className: 'small block', text: t('unconfirmed') }));
    return line;
  }

  /** An amount as what it is: a ceiling ("最高 X 万元 / up to X") is never shown as the award, an estimate says so. */
  function amountText(b) {
    if (b.basis === 'UP_TO') return t('upTo', { c: fmt(b.amount) });
    if (b.basis === 'ESTIMATE') return t('estimate', { a: fmt(b.amount) });
    return fmt(b.amount) + ' ' + t('wan');
  }

  /**
   * The measures of the enterprise's place that ended recently or start soon (data.notInForce), in a
   * section of their own: each with its period, its source and what replaced it where known.
   */
  function notInForceSection(data) {
    var items = data.notInForce || [];
    if (!items.length) return null;
    var sec = el('section', { className: 'group group-not-in-force', id: 'group-not-in-force', 'aria-labelledby': 'h-not-in-force' }, [
      el('h3', { id: 'h-not-in-force', text: t('gNotInForce') + '（' + items.length + '）' }),
      el('p', { className: 'small', text: t('nifIntro') })
    ]);
    each(items, function (m) {
      var when = m.phase === 'NOT_YET' ? t('nifNotYet', { d: m.validFrom }) : t('nifEnded', { d: m.validTo });
      var box = el('article', { className: 'card not-in-force', 'data-not-in-force': m.measureId, 'data-phase': m.phase }, [
        el('h4', null, [L(m.title), ' ', el('span', { className: 'id', text: m.measureId })]),
        el('p', { className: 'phase', text: when })
      ]);
      var next = m.successor;
      if (next && next.measureId) box.appendChild(el('p', { className: 'successor', text: t('nifReplacedBy', { m: next.measureId }) }));
      if (next && next.note) box.appendChild(el('p', { className: 'successor', text: L(next.note) }));
      box.appendChild(citationBlock(m));
      sec.appendChild(box);
    });
    return sec;
  }

  function conflictsBlock(r, byId) {
    if (!r.conflicts || !r.conflicts.length) return null;
    var ul = el('ul', { className: 'conflicts' });
    each(r.conflicts, function (c) {
      var other = byId[c.measureId];
      ul.appendChild(el('li', null, [t('conflictWith', { m: other ? L(other.title) : c.measureId }) + (c.note ? '：' + L(c.note) : '')]));
    });
    return ul;
  }

  function card(r, kind, byId) {
    var box = el('article', { className: 'card ' + kind, 'data-measure': r.measureId, 'data-status': r.status }, [
      el('h4', null, [titleOf(r), ' ', el('span', { className: 'id', text: r.measureId })])
    ]);
    var b = r.benefit || {};
    if (b.description) box.appendChild(el('p', null, [el('span', { className: 'k', text: t('benefit') + '：' }), L(b.description)]));
    if ((kind === 'eligible' || kind === 'needs') && (b.kind === 'CASH' || b.kind === 'TAX' || b.amount != null)) box.appendChild(amountLine(r));
    else if (!b.confirmed) box.appendChild(el('p', null, [el('span', { className: 'tag warn', text: t('unconfirmedTag') }), ' ', el('span', { className: 'small', text: t('unconfirmed') })]));
    if (kind === 'needs') {
      var ul = el('ul', { className: 'missing' });
      each(r.missingFields || [], function (path) {
        var a = el('a', { href: '#' + idFor(path), 'data-missing': path, text: labelOf(path) });
        a.onclick = function (e) { e.preventDefault(); focusPath(path); };
        ul.appendChild(el('li', null, [a]));
      });
      box.appendChild(el('p', { className: 'k', text: t('missing') }));
      box.appendChild(ul);
    }
    if (kind === 'near' || kind === 'not') {
      var fl = el('ul', { className: 'failed' });
      each(r.criteria || [], function (c) {
        if (c.outcome !== 'NOT_MET') return;
        var li = el('li', { 'data-criterion': c.id }, [
          L(c.description) + ' — ',
          el('span', { className: 'actual' }, [t('actual') + '：' + valueText(c.actual)]), '；',
          el('span', { className: 'required' }, [t('required') + '：' + valueText(c.required)])
        ]);
        // a composite criterion: name the parts that failed, down to the plain conditions
        var leaves = [];
        (function walk(parts) {
          each(parts || [], function (p) {
            if (p.outcome !== 'NOT_MET') return;
            if (p.parts && p.parts.length) walk(p.parts); else leaves.push(p);
          });
        })(c.parts);
        if (leaves.length) {
          var sub = el('ul');
          each(leaves, function (p) {
            sub.appendChild(el('li', null, [L(p.label) + ' — ', el('span', { className: 'actual' }, [t('actual') + '：' + valueText(p.actual)]), '；',
              el('span', { className: 'required' }, [t('required') + '：' + valueText(p.required)])]));
          });
          li.appendChild(sub);
        }
        fl.appendChild(li);
      });
      box.appendChild(el('p', { className: 'k', text: t('failed') }));
      box.appendChild(fl);
    }
    var conf = conflictsBlock(r, byId);
    if (conf) box.appendChild(conf);
    box.appendChild(citationBlock(r));
    return box;
  }

  function renderResults(data, quiet) {
    var out = $('results-body');
    out.innerHTML = '';
    var byId = {};
    each(data.results, function (r) { byId[r.measureId] = r; });
    var groups = { eligible: [], needs: [], near: [], not: [] };
    each(data.results, function (r) {
      if (r.status === 'ELIGIBLE') groups.eligible.push(r);
      else if (r.status === 'NEEDS_INFO') groups.needs.push(r);
      else if (r.nearMiss) groups.near.push(r);
      else groups.not.push(r);
    });
    var ruleset = data.ruleset || {};
    out.appendChild(el('dl', { className: 'meta run' }, [
      el('dt', { text: t('evalId') }), el('dd', { id: 'evaluation-id', text: data.evaluationId }),
      el('dt', { text: t('evalDate') }), el('dd', { text: data.asOf }),
      el('dt', { text: t('rulesetVersion') }), el('dd', { className: 'version', text: ruleset.version || '' })
    ]));
    var printBtn = el('button', { type: 'button', className: 'secondary no-print', text: t('print') });
    printBtn.onclick = function () { window.print(); };
    out.appendChild(printBtn);
    out.appendChild(el('p', { id: 'summary', text: data.results.length ? t('summary', {
      n: data.results.length, e: groups.eligible.length, i: groups.needs.length, m: groups.near.length, x: groups.not.length }) : t('noResults') }));

    function group(kind, key, items, collapsed) {
      var sec = el('section', { className: 'group group-' + kind, id: 'group-' + kind, 'aria-labelledby': 'h-' + kind });
      var h = el('h3', { id: 'h-' + kind, text: t(key) + '（' + items.length + '）' });
      sec.appendChild(h);
      if (!items.length) { sec.appendChild(el('p', { className: 'small', text: t('none') })); return sec; }
      var holder = sec;
      if (collapsed) {
        holder = el('details', { id: 'not-eligible' }, [el('summary', { text: t('showNot', { n: items.length }) })]);
        sec.appendChild(holder);
      }
      each(items, function (r) { holder.appendChild(card(r, kind, byId)); });
      return sec;
    }
    out.appendChild(group('eligible', 'gEligible', groups.eligible));
    out.appendChild(group('needs', 'gNeeds', groups.needs));
    out.appendChild(group('near', 'gNear', groups.near));
    var withConflicts = [];
    each(groups.eligible.concat(groups.needs), function (r) { if (r.conflicts && r.conflicts.length) withConflicts.push(r); });
    if (withConflicts.length) {
      var sec = el('section', { className: 'group group-conflicts', id: 'group-conflicts' }, [el('h3', { text: t('gConflicts') })]);
      var ul = el('ul');
      each(withConflicts, function (r) {
        each(r.conflicts, function (c) {
          ul.appendChild(el('li', null, [L(r.title) + ' — ' + t('conflictWith', { m: byId[c.measureId] ? L(byId[c.measureId].title) : c.measureId }) + (c.note ? '：' + L(c.note) : '')]));
        });
      });
      sec.appendChild(ul);
      out.appendChild(sec);
    }
    out.appendChild(group('not', 'gNot', groups.not, true));
    var notInForce = notInForceSection(data);
    if (notInForce) out.appendChild(notInForce);
    $('results').removeAttribute('hidden');
    if (!quiet) {
      // announced once, briefly; the full results are read on demand after the focus moves there
      var live = $('results-announce');
      live.textContent = '';
      setTimeout(function () { live.textContent = $('summary').textContent; }, 50);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Start
  function onFormInput(ev) {
    var target = ev.target;
    if (target.id === 'show-recycling') {
      saved.showRecycling = target.checked;
      persist();
      var body = $('body-recycling');
      if (target.checked) body.removeAttribute('hidden'); else body.setAttribute('hidden', 'hidden');
      return;
    }
    var path = target.getAttribute && target.getAttribute('data-path');
    if (!path || target.hasAttribute('data-row') || target.getAttribute('data-type') === 'answer' || target.getAttribute('data-type') === 'parks') return;
    setValue(path, target.value);
    if (path === 'asOf' && ev.type === 'change' && /^\d{4}-\d{2}-\d{2}$/.test(target.value)) {
      render();
      var again = $(idFor('asOf'));
      if (again) again.focus();
    }
  }

  function loadReference(done) {
    var pending = 3, failures = [];
    function finish(what, status) {
      if (status !== 200) failures.push(what + ' (' + status + ')');
      if (--pending === 0) {
        if (failures.length) {
          var box = $('load-error');
          box.textContent = t('loadFailed', { m: failures.join(', ') });
          box.removeAttribute('hidden');
        }
        done();
      }
    }
    request('GET', API + 'reference/regions', null, function (status, data) {
      if (status === 200 && data) {
        ref.provinces = data.provinces || [];
        each(ref.provinces, function (p) {
          ref.regionsByCode[p.code] = p;
          each(p.children, function (c) { ref.regionsByCode[c.code] = c; each(c.children, function (k) { ref.regionsByCode[k.code] = k; }); });
        });
      }
      finish('regions', status);
    });
    request('GET', API + 'reference/industries', null, function (status, data) {
      if (status === 200 && data) ref.industries = data.sections || [];
      finish('industries', status);
    });
    request('GET', API + 'reference/parks', null, function (status, data) {
      if (status === 200 && data) ref.parks = data.parks || [];
      finish('parks', status);
    });
  }

  function start() {
    var form = $('profile-form');
    form.onsubmit = submit;
    form.addEventListener('input', onFormInput, false);
    form.addEventListener('change', onFormInput, false);
    $('lang-switch').onclick = function () {
      lang = lang === 'en' ? 'zh' : 'en';
      try { localStorage.setItem(LANG_KEY, lang); } catch (e) { /* ignore */ }
      render();
      $('lang-switch').focus();
    };
    $('clear').onclick = function () {
      if (!window.confirm(t('clearConfirm'))) return;
      try { localStorage.removeItem(STORE); } catch (e) { /* ignore */ }
      saved = { values: {}, lists: {} };
      lastResult = null;
      $('results').setAttribute('hidden', 'hidden');
      clearFieldErrors();
      render();
      $('busy').textContent = t('cleared');
    };
    // a printed page is the record: the collapsed "not eligible" list prints open
    var reopen = [];
    window.onbeforeprint = function () {
      each(document.querySelectorAll('details'), function (d) { if (!d.open) { d.open = true; reopen.push(d); } });
    };
    window.onafterprint = function () { each(reopen, function (d) { d.open = false; }); reopen = []; };
    render();
    loadReference(render);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, false);
  else start();
})();
