/*
 * 惠企政策自查 — the self-check form. Plain ES5 (no build step, no framework, no outside
 * resources) so it runs on old office browsers and on intranets without internet access.
 *
 * Two ways to answer, one set of answers: the guided self-check (default) asks a few basics, then
 * the questions the service ranks as deciding the most (the evaluation's "questions"); the full
 * form shows every field. Both are rendered from the service's field catalog
 * (GET api/v1/reference/fields): no field, label or allowed value is written here. Every input
 * carries data-path, the JSON path of its field under "profile" (financials.2024.rdExpense,
 * projects[0].totalInvestment), so an error or a missing field named by the API finds its input.
 * An empty input means "unknown" and is left out of the request. Answers are kept in localStorage
 * only, and the request is built from them, whichever view they were given in.
 */
(function () {
  'use strict';

  var STORE = 'huiqi.form.v1';
  var LANG_KEY = 'huiqi.lang';
  var API = 'api/v1/';

  // ---------------------------------------------------------------------------------------------
  // Texts
  var T = {
    skip: ['跳到自查', 'Skip to the check'],
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
    province: ['省（自治区、直辖市）', 'Province'],
    city: ['市', 'City'],
    county: ['县（区）', 'County or district'],
    choose: ['— 请选择（未知）—', '— choose (unknown) —'],
    wholeCity: ['— 全市 / 未知 —', '— whole city / unknown —'],
    regionCode: ['行政区划代码', 'Region code'],
    parks: ['所在产业园区', 'Industrial park'],
    noPark: ['不在以下园区', 'None of these parks'],
    industrySearch: ['搜索行业（名称或代码）', 'Search industries (name or code)'],
    industryList: ['行业（GB/T 4754-2017）', 'Industry (GB/T 4754-2017)'],
    industryCode: ['行业代码', 'Industry code'],
    noMatch: ['没有匹配的行业', 'No matching industry'],
    yearCol: ['{y}年', '{y}'],
    finHint: ['按评估日期的前三个年度填写；“上年”为 {y} 年。金额单位为万元。', 'The three years before the evaluation date; "last year" is {y}. Money in 万元 (10,000 CNY).'],
    addRow: ['添加', 'Add'],
    removeRow: ['删除', 'Remove'],
    rowN: ['第 {n} 项', 'Item {n}'],
    listUnknown: ['未填写（未知）', 'Not answered (unknown)'],
    listNone: ['没有', 'None'],
    listSome: ['有，填写如下', 'Yes, listed below'],
    recognizedOn: ['认定日期', 'Date recognised'],
    validUntil: ['有效期至（证书注明时填写）', 'Valid until (if the certificate says)'],
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
    loadFailed: ['无法加载表单所需的参考数据：{m}。请稍后刷新页面。', 'Could not load the reference data the form needs: {m}. Please reload the page later.'],
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
    evalSection: ['评估日期', 'Evaluation date'],
    modeNav: ['填写方式', 'How to answer'],
    modeGuided: ['引导自查（推荐）', 'Guided check (recommended)'],
    modeFull: ['完整表单', 'Full form'],
    guidedTitle: ['引导自查', 'Guided check'],
    guidedIntro: ['先回答几个基本问题，之后系统每次只问最能决定结果的几个问题。不清楚的可以跳过，跳过的问题不会再问。',
      'Answer a few basics first; then the service asks only the few questions that decide the most. Skip what you do not know: a skipped question is not asked again.'],
    basicsTitle: ['基本情况', 'The basics'],
    startGuided: ['开始自查', 'Start the check'],
    nextQuestions: ['提交回答，继续', 'Submit answers and continue'],
    refresh: ['重新评估', 'Check again'],
    questionsTitle: ['下面几个问题最能决定结果', 'These questions decide the most'],
    skipQ: ['不清楚，跳过', 'Not sure, skip'],
    decides: ['影响 {n} 项政策', 'decides {n} measure(s)'],
    atStake: ['涉及金额最高约 {m} 万元', 'up to about {m} × 10k CNY at stake'],
    noQuestions: ['没有需要再回答的问题了。结果见下方；可以打开完整表单补充或修改。', 'No more questions. See the results below; open the full form to add or change answers.'],
    progress: ['已判定 {d} / {n} 项政策（可申请 {e} 项），{i} 项待补充信息{m}。已回答 {a} 个问题，跳过 {s} 个。',
      '{d} of {n} measures decided ({e} eligible), {i} need information{m}. {a} question(s) answered, {s} skipped.'],
    stakeOpen: ['，涉及金额最高约 {m} 万元', '; up to about {m} × 10k CNY still open'],
    nextStep: ['下一步：', 'What to do next: '],
    office: ['受理部门', 'Office'],
    channel: ['渠道', 'Channel'],
    window: ['时间', 'When'],
    documents: ['材料', 'Documents'],
    claimUnconfirmed: ['办理方式未经原文核实，请向受理部门确认', 'How to claim is not confirmed against the official text: check with the office'],
    mode_CLAIM_AT_FILING: ['纳税申报时自行享受，资料留存备查', 'Claim it yourself in the tax return; keep the materials for inspection'],
    mode_APPLY: ['向受理部门提出申请，由部门审核', 'Apply to the office, which decides'],
    mode_RECOGNITION: ['按批次申报认定', 'Apply for the recognition, judged in rounds'],
    mode_REGISTER: ['企业自行申报', 'The enterprise reports it'],
    mode_SERVICE: ['到服务窗口办理', 'Go through the procedure at a service window'],
    mode_AUTOMATIC: ['免申即享，无需办理', 'Given automatically: nothing to do'],
    daysLeft: ['还剩 {n} 天', '{n} days left'],
    lastDay: ['今天是最后一天', 'last day today'],
    endsOn: ['本政策 {d} 到期，请尽快办理', 'This measure ends on {d}: act soon'],
    totalTitle: ['预计可享受', 'What you can expect'],
    totalSum: ['约 {a} 万元', 'about {a} × 10k CNY'],
    totalSumNote: ['{n} 项可计算金额之和（含估算的节税额）', 'the sum of {n} computed amount(s), estimated tax savings included'],
    totalCeilings: ['另有 {n} 项为最高额，合计最高 {c} 万元，实际金额由部门核定', 'plus {n} item(s) with a ceiling, up to {c} × 10k CNY in all; the office sets the actual award'],
    totalUnconfirmed: ['其中 {a} 万元未经原文确认，请向发文单位核实', 'of which {a} × 10k CNY is not confirmed against the official text'],
    totalConflicts: ['不能同时享受的政策只计入建议的一项。', 'Of measures that cannot be combined, only the recommended one is counted.'],
    totalNone: ['可申请的政策暂无可计算的金额。', 'No amount can be computed yet for the measures you can claim.'],
    gStatus: ['您的企业情况', "Your enterprise's status"],
    statusIntro: ['企业的分类、状态和已持有的认定：不是可申请的扶持，不计入“可申请”。', 'Classifications, statuses and recognitions held: not support to claim, not counted as eligible.'],
    stMet: ['符合', 'Met'],
    stNeeds: ['需补充信息', 'More information needed'],
    stNot: ['不符合', 'Not met'],
    heldTitles: ['已持有的认定', 'Recognitions held'],
    titleValid: ['有效期至 {d}', 'valid until {d}'],
    titleEnding: ['{d} 到期，还剩 {n} 天', 'lapses on {d}: {n} days left'],
    titleLapsed: ['已于 {d} 失效', 'lapsed on {d}'],
    titleNotYet: ['{d} 起认定', 'recognised from {d}'],
    titleUnknown: ['未填写认定日期，有效期未知', 'no date given: validity unknown'],
    recommend: ['建议：', 'Advice: '],
    metOf: ['满足 {m}/{n} 项', '{m} of {n} met'],
    anyOf: ['其中任一项', 'any one of them'],
    allOf: ['全部', 'all of them'],
    enterprise: ['企业名称', 'Enterprise'],
    answersTitle: ['本次评估依据的填写内容（{n} 项）', 'The answers this result is based on ({n})'],
    questionsFor: ['请回答：', 'Please answer:']
  };

  // ---------------------------------------------------------------------------------------------
  // State
  var lang = readLang();
  var saved = load();
  var ref = { provinces: [], regionsByCode: {}, industries: [], parks: [] };
  var lastResult = null;
  var lastAnswers = null; // the profile the shown result was computed from: the record prints it
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
  // The field catalog (GET api/v1/reference/fields): the one description of every input
  var cat = { sections: [], fields: [], byPath: {} };

  /** The catalog path of a concrete path: financials.2024.rdExpense -> financials.{year}.rdExpense, projects[0].kind -> projects[].kind. */
  function pattern(path) {
    return path.replace(/\[year=\d{4},quarter=\d\]/g, '[]').replace(/\[\d+\]/g, '[]').replace(/\.(\d{4})(?=\.|$)/g, '.{year}');
  }
  function fieldOf(path) { return cat.byPath[pattern(path)] || null; }
  function itemFields(name) {
    var out = [];
    each(cat.fields, function (f) { if (f.path.indexOf(name + '[].') === 0) out.push(f); });
    return out;
  }
  function certTypes() { var f = cat.byPath['certifications[].type']; return f ? f.values : []; }

  /** A label for a concrete path: the catalog's, with the year, quarter or list position the path names. */
  function fieldLabel(path) {
    var f = fieldOf(path);
    if (!f) return path;
    var s = L(f.label);
    var q = /\[year=(\d{4}),quarter=(\d)\]/.exec(path);
    if (q) s = lang === 'en' ? s + ', Q' + q[2] + ' ' + q[1] : q[1] + '年第' + q[2] + '季度' + s;
    var y = /\.(\d{4})(?=\.|$)/.exec(path);
    if (y) s = lang === 'en' ? s + ', ' + y[1] : y[1] + '年' + s;
    var i = /^(\w+)\[(\d+)\]/.exec(path);
    if (i && cat.byPath[i[1]]) {
      var what = L(cat.byPath[i[1]].label) + ' ' + (+i[2] + 1);
      if (i[1] === 'certifications') { var held = heldCertTypes()[+i[2]]; if (held) what = L(held); }
      s = what + (lang === 'en' ? ': ' : '：') + s;
    }
    return s;
  }

  /** The label of a value of the field at path (an enum's, yes/no), or the value itself. */
  function valueLabel(path, v) {
    var f = path ? fieldOf(path) : null;
    if (f && f.values) for (var i = 0; i < f.values.length; i++) if (String(f.values[i].value) === String(v)) return L(f.values[i]);
    return null;
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering inputs
  function unitEl(u) { return u ? el('span', { className: 'unit', text: L(u) }) : null; }

  function hintEl(id, text) { return text ? el('span', { className: 'hint', id: id, text: text }) : null; }

  /** One input for a catalog field; data-path is the concrete JSON path under profile. */
  function inputFor(f, path, labelText, value) {
    var id = idFor(path);
    var type = f.type;
    var coded = f.values && f.values.length && type === 'int';
    var common = { id: id, name: path, 'data-path': path, 'data-type': type };
    var input;
    if (type === 'bool' || type === 'enum' || coded) {
      input = el('select', common);
      input.appendChild(el('option', { value: '', text: t('unknown') }));
      var opts = type === 'bool' ? [['true', t('yes')], ['false', t('no')]] : [];
      each(f.values || [], function (o) { opts.push([o.value, L(o)]); });
      each(opts, function (o) { input.appendChild(el('option', { value: o[0], text: o[1] })); });
      if (coded) input.setAttribute('data-num', '1');
    } else if (type === 'region') {
      input = el('select', common);
      input.appendChild(el('option', { value: '', text: t('unknown') }));
      each(flatRegions(), function (r) { input.appendChild(el('option', { value: r.code, text: r.label })); });
    } else {
      common.type = type === 'date' ? 'date' : 'text';
      if (type === 'int') { common.inputmode = 'numeric'; common.autocomplete = 'off'; }
      if (type === 'dec') { common.inputmode = 'decimal'; common.autocomplete = 'off'; }
      if (type === 'code') { common.autocomplete = 'off'; common.spellcheck = 'false'; common.maxlength = '18'; common.className = 'code'; }
      if (labelText) common['aria-label'] = labelText;
      input = el('input', common);
    }
    var v = value !== undefined ? value : answerOf(path);
    if (v != null) input.value = v;
    if (input.tagName === 'SELECT' && v && input.value !== v) input.value = '';
    return input;
  }

  /** A labelled input with its unit and help; label defaults to the catalog's for that path. */
  function field(f, path, labelText) {
    var input = inputFor(f, path);
    var hintId = input.id + '-hint';
    var hint = f.help ? L(f.help) : null;
    if (hint) input.setAttribute('aria-describedby', hintId);
    return el('div', { className: 'field' }, [
      el('label', { 'for': input.id, text: labelText || fieldLabel(path) }),
      el('span', { className: 'control' }, [input, unitEl(f.unit)]),
      hintEl(hintId, hint)
    ]);
  }

  var AS_OF = { path: 'asOf', type: 'date', label: { zh: '评估日期', en: 'Evaluation date' },
    help: { zh: T.asOfHint[0], en: T.asOfHint[1] } };
  function asOfField() { return field(AS_OF, 'asOf', L(AS_OF.label)); }

  /** The input of a catalog field at path in any view: pickers and lists have their own widgets. */
  function widget(f, path, guided) {
    if (f.type === 'region' && path === 'regionCode') return CUSTOM.region();
    if (f.type === 'industry') return CUSTOM.industry();
    if (f.type === 'parks') return CUSTOM.parks();
    if (f.type === 'list') return path === 'certifications' ? CUSTOM.certs() : listEditor(path, guided && path === 'projects');
    return field(f, path);
  }

  function render() {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    document.title = t('title');
    each(document.querySelectorAll('[data-i18n]'), function (n) { n.textContent = t(n.getAttribute('data-i18n')); });
    var sw = $('lang-switch');
    sw.textContent = lang === 'en' ? '中文' : 'English';
    sw.setAttribute('lang', lang === 'en' ? 'zh-CN' : 'en');
    sw.setAttribute('aria-label', lang === 'en' ? '切换到中文' : 'Switch to English');
    var guided = saved.mode !== 'full';
    $('mode-guided').setAttribute('aria-pressed', guided ? 'true' : 'false');
    $('mode-full').setAttribute('aria-pressed', guided ? 'false' : 'true');
    // one view at a time: both draw the same widgets (same ids) from the same answers
    $('form-sections').innerHTML = '';
    $('guided-body').innerHTML = '';
    if (guided) { $('profile-form').setAttribute('hidden', 'hidden'); $('guided-form').removeAttribute('hidden'); }
    else { $('guided-form').setAttribute('hidden', 'hidden'); $('profile-form').removeAttribute('hidden'); }
    if (!cat.fields.length) {
      (guided ? $('guided-body') : $('form-sections')).appendChild(el('p', { text: t('loading') }));
    } else if (guided) {
      renderGuided($('guided-body'));
    } else {
      renderFull($('form-sections'));
    }
    if (lastResult) renderResults(lastResult, true);
  }

  function renderFull(root) {
    root.appendChild(el('fieldset', { id: 'sec-evaluation', className: 'section' }, [el('legend', { text: t('evalSection') }),
      el('div', { className: 'grid' }, [asOfField()])]));
    each(cat.sections, function (s) {
      var fs = el('fieldset', { id: 'sec-' + s.id, className: 'section' }, [el('legend', { text: L(s) })]);
      var conditional = s.id === 'recycling';
      if (conditional) {
        var toggle = el('label', { className: 'inline' }, [
          el('input', { type: 'checkbox', id: 'show-recycling', checked: recyclingRelevant() ? 'checked' : null }), ' ' + t('recyclingShow')]);
        fs.appendChild(el('p', { className: 'hint' }, [t('recyclingHint')]));
        fs.appendChild(toggle);
      }
      var body = el('div', { className: 'grid', id: 'body-' + s.id });
      var yearly = [], yearsAt = null;
      each(cat.fields, function (f) {
        if (f.section !== s.id || f.path.indexOf('[]') >= 0) return;
        if (f.path.indexOf('{year}') >= 0) {
          if (!yearsAt) { yearsAt = el('div'); body.appendChild(yearsAt); }
          yearly.push(f);
          return;
        }
        body.appendChild(widget(f, f.path, false));
      });
      if (yearsAt) body.replaceChild(yearsTable(yearly), yearsAt);
      if (conditional && !recyclingRelevant()) body.setAttribute('hidden', 'hidden');
      fs.appendChild(body);
      root.appendChild(fs);
    });
    heldCertTypes();
  }

  function recyclingRelevant() {
    var v = saved.values;
    if (saved.showRecycling === true) return true;
    if (saved.showRecycling === false) return false;
    var code = v.industryCode || '';
    if (/^C42/.test(code) || /^(F51|N77)/.test(code)) return true;
    if (/^45/.test(v.regionCode || '')) return true;
    for (var i = 0; i < cat.fields.length; i++) if (cat.fields[i].section === 'recycling' && v[cat.fields[i].path]) return true;
    return false;
  }

  function yearsTable(rows) {
    var ly = lastYear();
    var years = [ly - 2, ly - 1, ly];
    each(saved.extraYears || [], function (y) { if (years.indexOf(y) < 0) years.push(y); });
    years.sort();
    var head = el('tr', null, [el('th', { scope: 'col', text: lang === 'en' ? 'Item' : '项目' })]);
    each(years, function (y) { head.appendChild(el('th', { scope: 'col', text: t('yearCol', { y: y }) })); });
    head.appendChild(el('th', { scope: 'col', text: lang === 'en' ? 'Unit' : '单位' }));
    var body = el('tbody');
    each(rows, function (f) {
      var name = L(f.label);
      var tr = el('tr', null, [el('th', { scope: 'row', text: name })]);
      each(years, function (y) {
        var path = f.path.replace('{year}', y);
        var unit = f.unit ? (lang === 'en' ? ' (' : '（') + L(f.unit) + (lang === 'en' ? ')' : '）') : '';
        tr.appendChild(el('td', null, [inputFor(f, path, fieldLabel(path) + unit)]));
      });
      tr.appendChild(el('td', { className: 'unit', text: f.unit ? L(f.unit) : '' }));
      body.appendChild(tr);
    });
    return el('div', { className: 'wide' }, [
      el('p', { className: 'hint', id: 'fin-hint', text: t('finHint', { y: ly }) }),
      el('div', { className: 'table-scroll' }, [el('table', { className: 'years', 'aria-describedby': 'fin-hint' }, [el('thead', null, [head]), body])])
    ]);
  }

  // ---------------------------------------------------------------------------------------------
  // Custom parts of the form
  var CUSTOM = {
    region: function () {
      var code = saved.values.regionCode || '';
      var wrap = el('div', { className: 'field wide', role: 'group', 'aria-labelledby': 'region-label' }, [
        el('span', { className: 'label', id: 'region-label', text: L(cat.byPath.regionCode.label) })
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
      wrap.appendChild(hintEl('region-hint', L(cat.byPath.regionCode.help)));
      return wrap;
    },

    parks: function () {
      var chosen = saved.lists.parks;
      var box = el('fieldset', { className: 'field wide sub-fieldset', id: idFor('parks'), 'data-path': 'parks', 'data-type': 'parks', tabindex: '-1' },
        [el('legend', { text: L(cat.byPath.parks.label) })]);
      var none = el('input', { type: 'checkbox', id: 'park-none', value: '', checked: chosen && chosen.length === 0 ? 'checked' : null });
      box.appendChild(el('label', { className: 'inline' }, [none, ' ' + t('noPark')]));
      each(ref.parks, function (p) {
        var cb = el('input', { type: 'checkbox', id: 'park-' + p.id, value: p.id, 'data-park': p.id,
          checked: chosen && chosen.indexOf(p.id) >= 0 ? 'checked' : null });
        var where = ref.regionsByCode[p.regionCode];
        box.appendChild(el('label', { className: 'inline' }, [cb, ' ' + L(p) + (where ? '（' + L(where) + '）' : '')]));
      });
      box.appendChild(el('span', { className: 'hint', text: L(cat.byPath.parks.help) }));
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
        el('span', { className: 'label', text: L(cat.byPath.industryCode.label) }),
        el('div', { className: 'industry' }, [
          el('span', { className: 'sub' }, [el('label', { 'for': 'industry-search', text: t('industrySearch') }), search]),
          el('span', { className: 'sub' }, [el('label', { 'for': 'industry-list', text: t('industryList') }), list]),
          el('span', { className: 'sub' }, [el('label', { 'for': codeInput.id, text: t('industryCode') }), codeInput])
        ]),
        hintEl('industry-hint', L(cat.byPath.industryCode.help))
      ]);
    },

    certs: function () {
      var state = saved.certs || {};
      var answer = el('select', { id: idFor('certifications'), 'data-path': 'certifications', 'data-type': 'answer', 'aria-describedby': 'certs-hint' }, [
        el('option', { value: '', text: t('listUnknown') }),
        el('option', { value: 'none', text: t('listNone') }),
        el('option', { value: 'some', text: t('certsSome') })
      ]);
      answer.value = state.answer || '';
      var table = el('div', { className: 'certs' });
      each(certTypes(), function (ct) {
        var c = [ct.value];
        var s = (state.types || {})[c[0]] || {};
        var name = L(ct);
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
        each(certTypes(), function (ct) {
          var c = [ct.value];
          types[c[0]] = { held: $('cert-' + c[0]).checked, recognizedOn: $('cert-' + c[0] + '-on').value, validUntil: $('cert-' + c[0] + '-until').value };
        });
        saved.certs = { answer: answer.value, types: types };
        persist();
      }
      answer.onchange = function () { if (answer.value === 'some') table.removeAttribute('hidden'); else table.setAttribute('hidden', 'hidden'); save(); };
      table.onchange = save;
      table.oninput = save;
      return el('div', { className: 'field wide' }, [
        el('label', { 'for': answer.id, text: L(cat.byPath.certifications.label) }), answer,
        hintEl('certs-hint', L(cat.byPath.certifications.help)), table
      ]);
    }
  };

  /**
   * A list (awards, quarterly output, projects): first whether there are any (unknown / none / some),
   * then its rows, added and removed with paths renumbered. answerOnly: just the first question
   * (the guided check asks for a project's details one question at a time).
   */
  function listEditor(name, answerOnly) {
    var spec = cat.byPath[name];
    var items = itemFields(name);
    var rows = saved.lists[name] || [];
    var wrap = el('div', { className: 'field wide list', id: 'list-' + name });
    wrap.appendChild(el('h3', { text: L(spec.label) }));
    var answer = el('select', { id: idFor(name), 'data-path': name, 'data-type': 'answer' }, [
      el('option', { value: '', text: t('listUnknown') }),
      el('option', { value: 'none', text: t('listNone') }),
      el('option', { value: 'some', text: t('listSome') })
    ]);
    answer.value = listAnswer(name);
    wrap.appendChild(el('span', { className: 'sub' }, [el('label', { 'for': answer.id, text: L(spec.label) }), answer]));
    var holder = el('div', { className: 'rows' });
    var add = el('button', { type: 'button', className: 'secondary', id: 'add-' + name, text: t('addRow') + '：' + L(spec.label) });
    if (!answerOnly) { wrap.appendChild(holder); wrap.appendChild(add); }

    function draw() {
      holder.innerHTML = '';
      each(rows, function (row, i) {
        var box = el('fieldset', { className: 'row' }, [el('legend', { text: L(spec.label) + ' · ' + t('rowN', { n: i + 1 }) })]);
        var grid = el('div', { className: 'grid' });
        each(items, function (f) {
          var key = f.path.substring(name.length + 3);
          var path = name + '[' + i + '].' + key;
          var input = inputFor(f, path, null, row[key] == null ? '' : row[key]);
          input.setAttribute('data-row', i);
          input.setAttribute('data-field', key);
          grid.appendChild(el('div', { className: 'field' }, [
            el('label', { 'for': input.id, text: L(f.label) }), el('span', { className: 'control' }, [input, unitEl(f.unit)])
          ]));
        });
        box.appendChild(grid);
        var remove = el('button', { type: 'button', className: 'link-button', text: t('removeRow') + ' ' + t('rowN', { n: i + 1 }) });
        remove.onclick = function () { rows.splice(i, 1); store(); draw(); (rows.length ? holder.querySelector('select, input') : add).focus(); };
        box.appendChild(remove);
        holder.appendChild(box);
      });
      if (answer.value === 'some') holder.removeAttribute('hidden'); else holder.setAttribute('hidden', 'hidden');
    }
    function store() { saved.lists[name] = rows; persist(); }
    function setAnswered(value) { saved.answers = saved.answers || {}; saved.answers[name] = value; answer.value = value; }
    add.onclick = function () {
      rows.push({});
      setAnswered('some');
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
    answer.onchange = function () {
      setAnswered(answer.value);
      if (answer.value === 'some' && !rows.length) rows.push({});
      store();
      draw();
    };
    draw();
    return wrap;
  }

  /** Whether a list was answered: '', 'none' or 'some' (rows entered before lists had the question count as 'some'). */
  function listAnswer(name) {
    var a = (saved.answers || {})[name];
    if (a) return a;
    return saved.lists[name] && saved.lists[name].length ? 'some' : '';
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

  // ---------------------------------------------------------------------------------------------
  // Answers: one store for both views. A path as the service names it (projects[0].kind,
  // quarterlyOutput[year=2023,quarter=1].output, certifications[1].recognizedOn) finds its place here.
  var ROW = /^(\w+)\[(\d+)\]\.(\w+)$/;
  var QUARTER = /^quarterlyOutput\[year=(\d{4}),quarter=(\d)\]\.output$/;

  function quarterRow(year, quarter, create) {
    var rows = saved.lists.quarterlyOutput = saved.lists.quarterlyOutput || [];
    for (var i = 0; i < rows.length; i++) if (String(rows[i].year) === year && String(rows[i].quarter) === quarter) return rows[i];
    if (!create) return null;
    var row = { year: year, quarter: quarter };
    rows.push(row);
    saved.answers = saved.answers || {};
    saved.answers.quarterlyOutput = 'some';
    return row;
  }

  function answerOf(path) {
    if (path === 'asOf') return asOfValue();
    var q = QUARTER.exec(path);
    if (q) { var qr = quarterRow(q[1], q[2], false); return qr ? qr.output : null; }
    var m = ROW.exec(path);
    if (m && m[1] === 'certifications') {
      var held = heldCertTypes()[+m[2]];
      var st = held && ((saved.certs || {}).types || {})[held.value];
      return st ? st[m[3]] : null;
    }
    if (m) { var row = (saved.lists[m[1]] || [])[+m[2]]; return row ? row[m[3]] : null; }
    return saved.values.hasOwnProperty(path) ? saved.values[path] : null;
  }

  function setAnswer(path, value) {
    var q = QUARTER.exec(path);
    var m = ROW.exec(path);
    if (q) {
      quarterRow(q[1], q[2], true).output = value;
    } else if (m && m[1] === 'certifications') {
      var held = heldCertTypes()[+m[2]];
      if (held) saved.certs.types[held.value][m[3]] = value;
    } else if (m) {
      var rows = saved.lists[m[1]] = saved.lists[m[1]] || [];
      while (rows.length <= +m[2]) rows.push({});
      rows[+m[2]][m[3]] = value;
    } else {
      setValue(path, value);
      return;
    }
    persist();
  }

  /** Whether the question of path has an answer now (lists: whether there are any). */
  function answered(path) {
    if (path === 'parks') return saved.lists.parks != null;
    if (path === 'certifications') return !!(saved.certs && saved.certs.answer);
    var f = fieldOf(path);
    if (f && f.type === 'list') return !!listAnswer(path);
    var v = answerOf(path);
    return v != null && v !== '';
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
  // Building the request from the answers
  function parseNumber(raw, type) {
    var s = String(raw).replace(/[,，\s]/g, '');
    if (!/^-?\d+(\.\d+)?$/.test(s)) return { error: type === 'int' ? t('invalidInt') : t('invalidNumber') };
    if (type === 'int' && s.indexOf('.') >= 0) return { error: t('invalidInt') };
    return { value: parseFloat(s) };
  }

  /** One answer as JSON, by its field's type; skip when empty. */
  function parse(f, raw) {
    raw = raw == null ? '' : String(raw).replace(/^\s+|\s+$/g, '');
    if (raw === '') return { skip: true };
    var type = f.type;
    if (type === 'int' || type === 'dec') return parseNumber(raw, type);
    if (type === 'bool') return { value: raw === 'true' };
    if (type === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(raw) ? { value: raw } : { error: t('invalidDate') };
    if (type === 'code' || type === 'industry') return { value: raw.toUpperCase() };
    return { value: raw };
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

  /** The request body with only answered fields, and errors ({path, message}) for answers that cannot be read. */
  function collect() {
    var profile = {};
    var errors = [];
    var asOf = null;
    for (var path in saved.values) {
      if (!saved.values.hasOwnProperty(path) || path.indexOf('[') >= 0) continue;
      var f = path === 'asOf' ? AS_OF : fieldOf(path);
      if (!f || f.type === 'list' || f.type === 'parks') continue;
      var r = parse(f, saved.values[path]);
      if (r.error) errors.push({ path: path, message: r.error });
      else if (!r.skip) { if (path === 'asOf') asOf = r.value; else setPath(profile, path, r.value); }
    }
    each(cat.fields, function (spec) {
      var name = spec.path;
      if (spec.type !== 'list' || name === 'certifications') return;
      var answer = listAnswer(name);
      if (answer === 'none') { profile[name] = []; return; }
      if (answer !== 'some') return;
      var rows = [];
      each(saved.lists[name] || [], function (row, i) {
        var item = {};
        each(itemFields(name), function (f) {
          var key = f.path.substring(name.length + 3);
          var r = parse(f, row[key]);
          if (r.error) errors.push({ path: name + '[' + i + '].' + key, message: r.error });
          else if (!r.skip) item[key] = r.value;
        });
        rows.push(item);
      });
      profile[name] = rows;
    });
    if (saved.lists.parks) profile.parks = saved.lists.parks.slice(0);
    var certs = saved.certs || {};
    if (certs.answer === 'none') profile.certifications = [];
    if (certs.answer === 'some') {
      profile.certifications = [];
      each(heldCertTypes(), function (c) {
        var s = certs.types[c.value];
        var item = { type: c.value };
        if (s.recognizedOn) item.recognizedOn = s.recognizedOn;
        if (s.validUntil) item.validUntil = s.validUntil;
        profile.certifications.push(item);
      });
    }
    var body = { profile: profile, lang: lang };
    if (asOf) body.asOf = asOf;
    return { body: body, errors: errors };
  }

  /**
   * The recognitions held, in the order they are sent. Each held type's inputs learn (data-alias)
   * the path the service will use for them: certifications[1].recognizedOn.
   */
  function heldCertTypes() {
    var certs = saved.certs || {};
    var list = [];
    each(certTypes(), function (c) {
      var s = (certs.types || {})[c.value];
      var held = certs.answer === 'some' && s && s.held;
      var ids = [['cert-' + c.value, ''], ['cert-' + c.value + '-on', '.recognizedOn'], ['cert-' + c.value + '-until', '.validUntil']];
      each(ids, function (pair) {
        var input = $(pair[0]);
        if (!input) return;
        if (held) input.setAttribute('data-alias', 'certifications[' + list.length + ']' + pair[1]);
        else input.removeAttribute('data-alias');
      });
      if (held) list.push(c);
    });
    return list;
  }

  // ---------------------------------------------------------------------------------------------
  // Finding the input of a path (an error's field or a missing field)
  function inputForPath(path, addYear) {
    var form = saved.mode === 'full' ? $('profile-form') : $('guided-form');
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

  /** Shows the input, scrolls to it and puts the keyboard focus there. */
  function focusPath(path) {
    if (saved.mode !== 'full') { saved.mode = 'full'; persist(); render(); }
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
    var link = el('a', { href: '#' + (target.id || ''), text: fieldLabel(path || target.getAttribute('data-path')) + '：' + text });
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
    // Both languages, whatever the browser's own language: the page switches between them without asking again.
    xhr.setRequestHeader('Accept-Language', 'zh, en');
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

  /** Evaluates the answers given so far; from the guided view, the next questions follow. */
  function evaluate(e) {
    if (e) e.preventDefault();
    clearFieldErrors();
    $('load-error').setAttribute('hidden', 'hidden');
    var guided = saved.mode !== 'full';
    var c = collect();
    if (c.errors.length) {
      var items = [];
      each(c.errors, function (x) { items.push(showFieldError(null, x.path, x.message)); });
      showErrorSummary(t('fixErrors', { n: c.errors.length }), items);
      return;
    }
    setBusy(true);
    request('POST', API + 'eligibility', c.body, function (status, data) {
      setBusy(false);
      if (status === 200 && data && data.results) {
        lastResult = data;
        lastAnswers = c.body.profile;
        if (guided) {
          render();
          // keyboard users continue with the first new question; everyone hears the progress
          var first = $('guided-body').querySelector('.question input, .question select');
          announce($('guided-progress').textContent);
          if (first) first.focus(); else $('results').focus();
          return;
        }
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
    each([$('submit'), $('guided-next')], function (b) { b.disabled = on; });
    $('profile-form').setAttribute('aria-busy', on ? 'true' : 'false');
    $('guided-form').setAttribute('aria-busy', on ? 'true' : 'false');
    each([$('busy'), $('guided-busy')], function (box) {
      box.innerHTML = '';
      if (!on) return;
      box.appendChild(el('span', { className: 'spinner', 'aria-hidden': 'true' }));
      box.appendChild(document.createTextNode(t('busy')));
    });
  }

  function announce(text) {
    var live = $('results-announce');
    live.textContent = '';
    setTimeout(function () { live.textContent = text; }, 50);
  }

  // ---------------------------------------------------------------------------------------------
  // Guided check: the basics, then a few of the service's ranked questions at a time
  var PER_STEP = 3;

  function guidedState() {
    saved.guided = saved.guided || {};
    saved.guided.skipped = saved.guided.skipped || [];
    saved.guided.answered = saved.guided.answered || 0;
    return saved.guided;
  }

  /** The basics as concrete paths: a yearly basic is asked for last year. */
  function basics() {
    var out = [];
    each(cat.fields, function (f) { if (f.basic) out.push({ f: f, path: f.path.replace('{year}', lastYear()) }); });
    return out;
  }

  /** The service's questions still open here: neither skipped nor answered since. */
  function openQuestions() {
    var g = guidedState();
    var out = [];
    each((lastResult && lastResult.questions) || [], function (q) {
      if (g.skipped.indexOf(q.field) < 0 && !answered(q.field)) out.push(q);
    });
    return out;
  }

  function renderGuided(root) {
    var g = guidedState();
    root.appendChild(el('p', { className: 'hint', text: t('guidedIntro') }));
    root.appendChild(el('p', { id: 'guided-progress', className: 'progress', text: progressText() }));
    if (!g.started) {
      var box = el('fieldset', { className: 'section', id: 'guided-basics' }, [el('legend', { text: t('basicsTitle') })]);
      var grid = el('div', { className: 'grid' }, [asOfField()]);
      each(basics(), function (b) { grid.appendChild(widget(b.f, b.path, true)); });
      box.appendChild(grid);
      root.appendChild(box);
      $('guided-next').textContent = t('startGuided');
      return;
    }
    var open = openQuestions().slice(0, PER_STEP);
    if (!open.length) {
      root.appendChild(el('p', { id: 'guided-done', className: 'done', text: t('noQuestions') }));
      $('guided-next').textContent = t('refresh');
      return;
    }
    var qs = el('fieldset', { className: 'section', id: 'guided-questions' }, [el('legend', { text: t('questionsTitle') })]);
    each(open, function (q) { qs.appendChild(questionBlock(q)); });
    root.appendChild(qs);
    $('guided-next').textContent = t('nextQuestions');
  }

  function questionBlock(q) {
    var f = fieldOf(q.field) || { type: 'text', label: q.label };
    var skipId = 'skip-' + idFor(q.field);
    var titles = [];
    each(q.decides, function (id) {
      each(lastResult.results, function (r) { if (r.measureId === id && titles.indexOf(L(r.title)) < 0) titles.push(L(r.title)); });
    });
    var why = t('decides', { n: q.decides.length }) + (lang === 'en' ? ': ' : '：') + titles.join(lang === 'en' ? '; ' : '、')
      + (q.amountAtStake != null ? (lang === 'en' ? '. ' : '。') + t('atStake', { m: fmt(q.amountAtStake) }) : '');
    var input = f.type === 'list' || f.type === 'region' && q.field === 'regionCode' || f.type === 'industry' || f.type === 'parks'
      ? widget(f, q.field, true) : field(f, q.field, L(q.label));
    return el('div', { className: 'question', 'data-question': q.field }, [
      input,
      el('p', { className: 'small why', text: why }),
      el('label', { className: 'inline skip-q' }, [el('input', { type: 'checkbox', id: skipId, 'data-skip': q.field }), ' ' + t('skipQ')])
    ]);
  }

  function guidedNext(e) {
    if (e) e.preventDefault();
    var g = guidedState();
    if (!g.started) {
      g.started = true;
      each(basics(), function (b) { if (answered(b.path)) g.answered++; else g.skipped.push(b.path); });
    } else {
      each($('guided-body').querySelectorAll('[data-question]'), function (box) {
        var path = box.getAttribute('data-question');
        var skip = box.querySelector('[data-skip]');
        // an empty answer is a skip too: the same question never comes back unanswered
        if ((skip && skip.checked) || !answered(path)) { if (g.skipped.indexOf(path) < 0) g.skipped.push(path); } else g.answered++;
      });
    }
    persist();
    evaluate();
  }

  function progressText() {
    var g = guidedState();
    var r = (lastResult && lastResult.results) || [];
    var decided = 0, eligible = 0, needs = 0, stake = null;
    each(r, function (x) {
      if (x.status === 'NEEDS_INFO') {
        needs++;
        var b = x.benefit || {};
        // a measure without a figure adds nothing: an unknown amount is never shown as 0
        if (b.amount != null || b.cap != null) stake = (stake || 0) + (b.amount != null ? b.amount : b.cap);
      } else decided++;
      if (x.status === 'ELIGIBLE' && !x.enterpriseStatus) eligible++; // a classification is not support to claim
    });
    return t('progress', { d: decided, n: r.length, e: eligible, i: needs, m: stake != null ? t('stakeOpen', { m: fmt(stake) }) : '',
      a: g.answered, s: g.skipped.length });
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
  function valueText(v, fields) {
    if (v == null || v === '') return t('notGiven');
    var named = fields && fields.length === 1 ? valueLabel(fields[0], v) : null;
    if (named) return named;
    if (typeof v === 'boolean' || v === 'true' || v === 'false') return v === true || v === 'true' ? t('yes') : t('no');
    var year = fields && fields.length === 1 && /year$/i.test(fields[0]);
    if (typeof v === 'number') return year ? String(v) : fmt(v);
    if (typeof v === 'object') return null;
    var m = /^(\d+) of (\d+) met$/.exec(v);
    if (m) return t('metOf', { m: m[1], n: m[2] });
    if (/^-?\d+(\.\d+)?$/.test(v)) return v; // a code or a threshold as the rule wrote it
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
    return null; // a note in the engine's words: the criterion's own description says it in this view's language
  }

  /** What a criterion requires, when it is a plain comparison; otherwise its description already says it. */
  function requiredText(req, fields) {
    var m = /^(>=|<=|>|<|=|==|!=)\s*(-?[\d.]+|\d{4}-\d{2}-\d{2})$/.exec(req || '');
    if (m) return { '>=': '≥ ', '<=': '≤ ', '>': '> ', '<': '< ', '=': '', '==': '', '!=': '≠ ' }[m[1]] + valueText(m[2], fields);
    m = /^(any|all) of (\d+)$/.exec(req || '');
    if (m) return t(m[1] === 'any' ? 'anyOf' : 'allOf');
    return null;
  }

  /** "actual: …; required: …", leaving out what the engine can only say in its own words. */
  function actualRequired(x) {
    var out = [];
    var a = valueText(x.actual, x.fields);
    var r = requiredText(x.required, x.fields);
    if (a) out.push(el('span', { className: 'actual' }, [t('actual') + (lang === 'en' ? ': ' : '：') + a]));
    if (a && r) out.push('；');
    if (r) out.push(el('span', { className: 'required' }, [t('required') + (lang === 'en' ? ': ' : '：') + r]));
    return out.length ? [' — '].concat(out) : [];
  }
  function titleOf(r) { return L(r.title) + (r.projectId ? (lang === 'en' ? ' (' : '（') + t('project') + ' ' + r.projectId + (lang === 'en' ? ')' : '）') : ''); }

  function citationBlock(r) {
    var c = r.citation || {};
    var doc = (c.document ? '《' + c.document + '》' : '') + (c.number ? c.number : '') + (c.article ? ' ' + c.article : '');
    var period = (r.validFrom || '') + ' — ' + (r.validTo || t('openEnded'));
    return el('dl', { className: 'meta' }, [
      el('dt', { text: t('citation') }), el('dd', { className: 'citation', text: doc || '—' }),
      el('dt', { text: t('issuer') }), el('dd', { className: 'issuer', text: (lang === 'en' && c.issuerEn) || c.issuer || '—' }),
      el('dt', { text: t('validity') }), el('dd', { text: period })
    ]);
  }

  /** Replaces profile paths in a server text ("give: regionCode, firstAboveScaleYear") by the form's labels. */
  function withLabels(text) {
    return text.replace(/[a-z][A-Za-z0-9]*(?:\.\d{4}(?:\.[a-zA-Z]+)?|\.[a-z][A-Za-z0-9]*|\[\d+\](?:\.[a-zA-Z]+)?)*/g, function (token) {
      // in English prose only camelCase or dotted words are field names
      if (lang === 'en' && !/[A-Z.\[]/.test(token)) return token;
      var label = fieldLabel(token);
      return label === token ? token : '“' + label + '”';
    });
  }

  function amountLine(r) {
    var b = r.benefit || {};
    var parts = [];
    if (b.amount != null) parts.push(el('strong', { className: 'amount', 'data-basis': b.basis || 'EXACT', text: amountText(b) }));
    else parts.push(el('span', { text: (b.amountNote && withLabels(L(b.amountNote))) || t('amountByOffice') }));
    if (b.amount != null && b.cap != null && b.basis !== 'UP_TO') parts.push(' (' + t('upTo', { c: fmt(b.cap) }) + ')');
    if (b.amount == null && b.cap != null) parts.push('；' + t('upTo', { c: fmt(b.cap) }));
    if (!b.confirmed) parts.push(el('span', { className: 'tag warn', title: t('unconfirmed'), text: t('unconfirmedTag') }));
    var line = el('p', { className: 'amount-line' }, [el('span', { className: 'k', text: t('amount') + (lang === 'en' ? ': ' : '：') })].concat(parts));
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
        el('h4', null, [L(m.title)]),
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
      ul.appendChild(el('li', null, [c.note ? L(c.note) : t('conflictWith', { m: other ? L(other.title) : c.measureId })]));
    });
    return ul;
  }

  /** What to do next, as the measure's rule file says: how it is claimed, where, through what, when, with what. */
  function howToClaim(r) {
    var h = r.howToClaim;
    if (!h) return null;
    var box = el('div', { className: 'how-to-claim', 'data-mode': h.mode }, [
      el('p', { className: 'next-step' }, [el('span', { className: 'k', text: t('nextStep') }), t('mode_' + h.mode)])
    ]);
    var dl = el('dl', { className: 'meta' });
    function row(key, value) { if (value) { dl.appendChild(el('dt', { text: t(key) })); dl.appendChild(el('dd', { className: key, text: value })); } }
    row('office', L(h.office));
    row('channel', L(h.channel));
    row('window', L(h.window));
    var docs = [];
    each(h.documents || [], function (d) { docs.push(L(d)); });
    row('documents', docs.join(lang === 'en' ? '; ' : '；'));
    box.appendChild(dl);
    if (!h.confirmed) box.appendChild(el('p', { className: 'small' }, [el('span', { className: 'tag warn', text: t('unconfirmedTag') }), ' ' + t('claimUnconfirmed')]));
    return box;
  }

  /** "N days left" on a measure whose period ends within 90 days of the evaluation date (the service says which). */
  function deadline(r) {
    if (r.daysLeft == null) return null;
    return el('p', { className: 'deadline', 'data-days-left': r.daysLeft }, [
      el('strong', { className: 'tag urgent', text: r.daysLeft === 0 ? t('lastDay') : t('daysLeft', { n: r.daysLeft }) }),
      ' ' + t('endsOn', { d: r.validTo })]);
  }

  function card(r, kind, byId) {
    var box = el('article', { className: 'card ' + kind, 'data-measure': r.measureId, 'data-project': r.projectId, 'data-status': r.status }, [
      el('h4', null, [titleOf(r)])
    ]);
    var soon = deadline(r);
    if (soon) box.appendChild(soon);
    var b = r.benefit || {};
    if (b.description) box.appendChild(el('p', null, [el('span', { className: 'k', text: t('benefit') + (lang === 'en' ? ': ' : '：') }), L(b.description)]));
    if ((kind === 'eligible' || kind === 'needs') && (b.kind === 'CASH' || b.kind === 'TAX' || b.amount != null)) box.appendChild(amountLine(r));
    else if (!b.confirmed) box.appendChild(el('p', null, [el('span', { className: 'tag warn', text: t('unconfirmedTag') }), ' ', el('span', { className: 'small', text: t('unconfirmed') })]));
    if (r.error) box.appendChild(el('p', { className: 'error-note', text: L(r.error) }));
    if (kind === 'needs' && !r.error) {
      var ul = el('ul', { className: 'missing' });
      each(r.missingFields || [], function (path) {
        var a = el('a', { href: '#' + idFor(path), 'data-missing': path, text: fieldLabel(path) });
        a.onclick = function (e) { e.preventDefault(); focusPath(path); };
        ul.appendChild(el('li', null, [a]));
      });
      box.appendChild(el('p', { className: 'k', text: saved.mode === 'full' ? t('missing') : t('questionsFor') }));
      box.appendChild(ul);
    }
    if (kind === 'near' || kind === 'not') {
      var fl = el('ul', { className: 'failed' });
      each(r.criteria || [], function (c) {
        if (c.outcome !== 'NOT_MET') return;
        var li = el('li', { 'data-criterion': c.id }, [L(c.description)].concat(actualRequired(c)));
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
            sub.appendChild(el('li', null, [L(p.label)].concat(actualRequired(p))));
          });
          li.appendChild(sub);
        }
        fl.appendChild(li);
      });
      box.appendChild(el('p', { className: 'k', text: t('failed') }));
      box.appendChild(fl);
    }
    if (kind !== 'not') box.appendChild(howToClaim(r));
    var conf = conflictsBlock(r, byId);
    if (conf) box.appendChild(conf);
    box.appendChild(citationBlock(r));
    return box;
  }

  /** Money first: what the eligible support adds up to, ceilings apart, each conflicting pair counted once. */
  function moneyOf(r) { var b = r.benefit || {}; return b.amount != null ? b.amount : null; }
  function countedInTotal(r, byId) {
    var keep = true;
    each(r.conflicts || [], function (c) {
      var other = byId[c.measureId];
      if (!other || other.status !== 'ELIGIBLE') return;
      if (c.recommended) { if (c.recommended !== r.measureId) keep = false; return; }
      var a = moneyOf(r) || 0, o = moneyOf(other) || 0;
      if (o > a || (o === a && c.measureId < r.measureId)) keep = false;
    });
    return keep;
  }
  function totalBlock(support, byId) {
    var sum = 0, n = 0, ceil = 0, nc = 0, unconfirmed = 0, conflicts = false;
    each(support, function (r) {
      var b = r.benefit || {};
      if (b.amount == null) return;
      if (!countedInTotal(r, byId)) { conflicts = true; return; }
      if (b.basis === 'UP_TO') { ceil += b.amount; nc++; } else { sum += b.amount; n++; if (!b.confirmed) unconfirmed += b.amount; }
    });
    var box = el('section', { className: 'total', id: 'total', 'aria-labelledby': 'h-total' }, [el('h3', { id: 'h-total', text: t('totalTitle') })]);
    if (!n && !nc) { box.appendChild(el('p', { text: t('totalNone') })); return box; }
    if (n) {
      box.appendChild(el('p', { className: 'total-sum' }, [el('strong', { id: 'total-amount', text: t('totalSum', { a: fmt(sum) }) }),
        el('span', { className: 'small block', text: t('totalSumNote', { n: n }) })]));
    }
    if (unconfirmed) box.appendChild(el('p', null, [el('span', { className: 'tag warn', text: t('unconfirmedTag') }), ' ' + t('totalUnconfirmed', { a: fmt(unconfirmed) })]));
    if (nc) box.appendChild(el('p', { id: 'total-ceilings', text: t('totalCeilings', { n: nc, c: fmt(ceil) }) }));
    if (conflicts) box.appendChild(el('p', { className: 'small', text: t('totalConflicts') }));
    return box;
  }
  function byAmount(list) {
    var ordered = list.slice(0);
    ordered.sort(function (a, b) {
      var x = moneyOf(a), y = moneyOf(b);
      if (x == null) x = (a.benefit || {}).cap; if (y == null) y = (b.benefit || {}).cap;
      if (x == null && y == null) return 0;
      if (x == null) return 1;
      if (y == null) return -1;
      return y - x;
    });
    return ordered;
  }

  /** Classifications and statuses the enterprise holds or meets, and the titles it holds with their validity. */
  function statusSection(statuses, titles, byId) {
    var sec = el('section', { className: 'group group-status', id: 'group-status', 'aria-labelledby': 'h-status' }, [
      el('h3', { id: 'h-status', text: t('gStatus') }),
      el('p', { className: 'small', text: t('statusIntro') })
    ]);
    each(statuses, function (r) {
      var box = card(r, r.status === 'ELIGIBLE' ? 'status' : r.status === 'NEEDS_INFO' ? 'needs' : 'not', byId);
      box.className = 'card status';
      box.querySelector('h4').appendChild(el('span', { className: 'tag state', text: t(r.status === 'ELIGIBLE' ? 'stMet' : r.status === 'NEEDS_INFO' ? 'stNeeds' : 'stNot') }));
      sec.appendChild(box);
    });
    if (titles.length) {
      var ul = el('ul', { className: 'held-titles' });
      each(titles, function (h) {
        var state = h.state === 'ENDING_SOON' ? t('titleEnding', { d: h.validUntil, n: h.daysLeft }) : h.state === 'LAPSED' ? t('titleLapsed', { d: h.validUntil })
          : h.state === 'NOT_YET' ? t('titleNotYet', { d: h.recognizedOn }) : h.state === 'UNKNOWN' ? t('titleUnknown') : t('titleValid', { d: h.validUntil });
        var warn = h.state === 'ENDING_SOON' || h.state === 'LAPSED';
        ul.appendChild(el('li', { 'data-title': h.type, 'data-state': h.state }, [
          el('strong', { text: valueLabel('certifications[].type', h.type) || h.type }), lang === 'en' ? ': ' : '：',
          warn ? el('span', { className: 'tag urgent', text: state }) : state]));
      });
      sec.appendChild(el('h4', { text: t('heldTitles') }));
      sec.appendChild(ul);
    }
    return sec;
  }

  /** The answers the result was computed from, as the form labels them: the record a printout keeps. */
  function answersBlock(profile) {
    var rows = [];
    function answer(path, value) {
      if (path === 'regionCode') return (ref.regionsByCode[value] ? L(ref.regionsByCode[value]) + ' ' : '') + value;
      return valueText(value, [path]) || String(value);
    }
    (function walk(value, path) {
      if (value == null) return;
      if (Object.prototype.toString.call(value) === '[object Array]') {
        if (!value.length) { rows.push([fieldLabel(path), t('listNone'), path]); return; }
        if (path === 'certifications') {
          each(value, function (c, i) {
            var dates = [];
            if (c.recognizedOn) dates.push(t('recognizedOn') + ' ' + c.recognizedOn);
            if (c.validUntil) dates.push(t('titleValid', { d: c.validUntil }));
            rows.push([valueLabel('certifications[].type', c.type) || c.type, dates.join(lang === 'en' ? ', ' : '，') || t('notGiven'), path + '[' + i + ']']);
          });
          return;
        }
        if (typeof value[0] !== 'object') {
          var names = [];
          each(value, function (v) { names.push(path === 'parks' ? parkName(v) : valueLabel(path + '[]', v) || String(v)); });
          rows.push([fieldLabel(path), names.join(lang === 'en' ? ', ' : '、'), path]);
          return;
        }
        each(value, function (item, i) { walk(item, path + '[' + i + ']'); });
        return;
      }
      if (typeof value === 'object') { for (var k in value) if (value.hasOwnProperty(k)) walk(value[k], path ? path + '.' + k : k); return; }
      rows.push([fieldLabel(path), answer(path, value), path]);
    })(profile || {}, '');
    var ul = el('ul', { className: 'answers' });
    each(rows, function (row) {
      ul.appendChild(el('li', null, [el('span', { className: 'k', text: row[0] + (lang === 'en' ? ': ' : '：') }),
        el('span', { 'data-answer': row[2], text: row[1] })]));
    });
    return el('details', { id: 'answers' }, [el('summary', { text: t('answersTitle', { n: rows.length }) }), ul]);
  }
  function parkName(id) { for (var i = 0; i < ref.parks.length; i++) if (ref.parks[i].id === id) return L(ref.parks[i]); return id; }

  function renderResults(data, quiet) {
    var out = $('results-body');
    out.innerHTML = '';
    var byId = {};
    each(data.results, function (r) { byId[r.measureId] = r; });
    var groups = { eligible: [], needs: [], near: [], not: [] };
    var statuses = [];
    each(data.results, function (r) {
      if (r.enterpriseStatus) statuses.push(r);
      else if (r.status === 'ELIGIBLE') groups.eligible.push(r);
      else if (r.status === 'NEEDS_INFO' || r.status === 'ERROR') groups.needs.push(r); // ERROR: not known, like NEEDS_INFO
      else if (r.nearMiss) groups.near.push(r);
      else groups.not.push(r);
    });
    var ruleset = data.ruleset || {};
    var name = lastAnswers && lastAnswers.name;
    out.appendChild(el('dl', { className: 'meta run' }, (name ? [el('dt', { text: t('enterprise') }), el('dd', { id: 'enterprise-name', text: name })] : []).concat([
      el('dt', { text: t('evalId') }), el('dd', { id: 'evaluation-id', text: data.evaluationId }),
      el('dt', { text: t('evalDate') }), el('dd', { text: data.asOf }),
      el('dt', { text: t('rulesetVersion') }), el('dd', { className: 'version', text: ruleset.version || '' })
    ])));
    var printBtn = el('button', { type: 'button', className: 'secondary no-print', text: t('print') });
    printBtn.onclick = function () { window.print(); };
    out.appendChild(printBtn);
    var support = groups.eligible.length + groups.needs.length + groups.near.length + groups.not.length;
    out.appendChild(el('p', { id: 'summary', text: support ? t('summary', {
      n: support, e: groups.eligible.length, i: groups.needs.length, m: groups.near.length, x: groups.not.length }) : t('noResults') }));
    out.appendChild(totalBlock(groups.eligible, byId));

    function group(kind, key, items, collapsed) {
      var sec = el('section', { className: 'group group-' + kind, id: 'group-' + kind, 'aria-labelledby': 'h-' + kind });
      var h = el('h3', { id: 'h-' + kind, text: t(key) + (lang === 'en' ? ' (' + items.length + ')' : '（' + items.length + '）') });
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
    out.appendChild(group('eligible', 'gEligible', byAmount(groups.eligible)));
    out.appendChild(group('needs', 'gNeeds', byAmount(groups.needs)));
    out.appendChild(group('near', 'gNear', groups.near));
    // the advice on each pair of measures that cannot be combined, once per pair
    var advice = el('ul'), seen = {};
    each(groups.eligible.concat(groups.needs), function (r) {
      each(r.conflicts || [], function (c) {
        var pair = [r.measureId, c.measureId].sort().join('|');
        if (seen[pair] || !c.recommendation) return;
        seen[pair] = true;
        var other = byId[c.measureId];
        advice.appendChild(el('li', { 'data-pair': pair }, [el('strong', { text: L(r.title) + (lang === 'en' ? ' / ' : '／') + (other ? L(other.title) : c.measureId) }),
          el('span', { className: 'block', text: t('recommend') + L(c.recommendation) })]));
      });
    });
    if (advice.childNodes.length) out.appendChild(el('section', { className: 'group group-conflicts', id: 'group-conflicts' }, [el('h3', { text: t('gConflicts') }), advice]));
    if (statuses.length || (data.heldTitles || []).length) out.appendChild(statusSection(statuses, data.heldTitles || [], byId));
    out.appendChild(group('not', 'gNot', groups.not, true));
    var notInForce = notInForceSection(data);
    if (notInForce) out.appendChild(notInForce);
    if (lastAnswers) out.appendChild(answersBlock(lastAnswers));
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
    setAnswer(path, target.value);
    if (path === 'asOf' && ev.type === 'change' && /^\d{4}-\d{2}-\d{2}$/.test(target.value)) {
      render();
      var again = $(idFor('asOf'));
      if (again) again.focus();
    }
  }

  function loadReference(done) {
    var pending = 4, failures = [];
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
    request('GET', API + 'reference/fields', null, function (status, data) {
      if (status === 200 && data) {
        cat.sections = data.sections || [];
        cat.fields = data.fields || [];
        each(cat.fields, function (f) { cat.byPath[f.path] = f; });
      }
      finish('fields', status);
    });
    request('GET', API + 'reference/parks', null, function (status, data) {
      if (status === 200 && data) ref.parks = data.parks || [];
      finish('parks', status);
    });
  }

  function start() {
    each([$('profile-form'), $('guided-form')], function (form) {
      form.addEventListener('input', onFormInput, false);
      form.addEventListener('change', onFormInput, false);
    });
    $('profile-form').onsubmit = evaluate;
    $('guided-form').onsubmit = guidedNext;
    each(['guided', 'full'], function (mode) {
      $('mode-' + mode).onclick = function () {
        saved.mode = mode;
        persist();
        clearFieldErrors();
        render();
        $('mode-' + mode).focus();
      };
    });
    $('lang-switch').onclick = function () {
      lang = lang === 'en' ? 'zh' : 'en';
      try { localStorage.setItem(LANG_KEY, lang); } catch (e) { /* ignore */ }
      render();
      $('lang-switch').focus();
    };
    $('clear').onclick = function () {
      if (!window.confirm(t('clearConfirm'))) return;
      try { localStorage.removeItem(STORE); } catch (e) { /* ignore */ }
      saved = { values: {}, lists: {}, mode: saved.mode };
      persist(); // the view chosen stays; the answers are gone
      lastResult = null;
      lastAnswers = null;
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
