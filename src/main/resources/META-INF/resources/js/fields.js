/* The inputs of catalog fields: plain inputs, the year table, the region, industry and park pickers, lists. */
import { cat, certTypes, fieldLabel, itemFields, ref } from './catalog.js';
import { $, each, el, idFor } from './dom.js';
import { API, request } from './api.js';
import { answerOf, lastYear, listAnswer, persist, saved, setValue } from './store.js';
import { L, lang, t } from './texts.js';

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
export function field(f, path, labelText) {
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

export const AS_OF = { path: 'asOf', type: 'date', label: { zh: '评估日期', en: 'Evaluation date' } };
export function asOfField() {
  var hint = t('asOfHint', { y: lastYear() });
  return field({ path: AS_OF.path, type: AS_OF.type, label: AS_OF.label, help: { zh: hint, en: hint } }, 'asOf', L(AS_OF.label));
}

/** The input of a catalog field at path in any view: pickers and lists have their own widgets. */
export function widget(f, path, guided) {
  if (f.type === 'region' && path === 'regionCode') return CUSTOM.region();
  if (f.type === 'industry') return CUSTOM.industry();
  if (f.type === 'parks') return CUSTOM.parks();
  if (f.type === 'list') return path === 'certifications' ? CUSTOM.certs() : listEditor(path, guided && path === 'projects');
  return field(f, path);
}


export function recyclingRelevant() {
  var v = saved.values;
  if (saved.showRecycling === true) return true;
  if (saved.showRecycling === false) return false;
  var code = v.industryCode || '';
  if (/^C42/.test(code) || /^(F51|N77)/.test(code)) return true;
  if (/^45/.test(v.regionCode || '')) return true;
  for (var i = 0; i < cat.fields.length; i++) if (cat.fields[i].section === 'recycling' && v[cat.fields[i].path]) return true;
  return false;
}

export function yearsTable(rows) {
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
    var tr = el('tr', null, [el('th', { scope: 'row', text: name, 'data-unit': f.unit ? L(f.unit) : null })]);
    each(years, function (y) {
      var path = f.path.replace('{year}', y);
      var unit = f.unit ? (lang === 'en' ? ' (' : '（') + L(f.unit) + (lang === 'en' ? ')' : '）') : '';
      tr.appendChild(el('td', { 'data-year': t('yearCol', { y: y }) }, [inputFor(f, path, fieldLabel(path) + unit)]));
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
// Search as the user types (GET api/v1/reference/{regions|industries}?q=): only the answer to the
// latest text is shown, so a slow answer to an earlier keystroke never replaces a newer one.
var searches = {};
function searchAsTyped(what, q, list, selected, none) {
  var ticket = (searches[what] || 0) + 1;
  searches[what] = ticket;
  clearTimeout(searches[what + 'Timer']);
  searches[what + 'Timer'] = setTimeout(function () {
    request('GET', API + 'reference/' + what + '?limit=30&q=' + encodeURIComponent(q.trim()), null, function (status, data) {
      if (searches[what] !== ticket) return;
      list.innerHTML = '';
      var items = status === 200 && data ? data.items : [];
      each(items, function (m) {
        var above = m.path.map(function (p) { return L({ zh: p.nameZh, en: p.nameEn }); }).join(' › ');
        list.appendChild(el('option', { value: m.code,
          text: m.code + ' ' + L({ zh: m.nameZh, en: m.nameEn }) + (above ? (lang === 'en' ? ' (' + above + ')' : '（' + above + '）') : '') }));
      });
      if (!items.length) list.appendChild(el('option', { value: '', disabled: 'disabled', text: none }));
      list.value = selected;
    });
  }, 150);
}

// ---------------------------------------------------------------------------------------------
// Custom parts of the form
const CUSTOM = {
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
    var search = el('input', { id: 'region-search', type: 'search', autocomplete: 'off', 'aria-controls': 'region-matches' });
    var matches = el('select', { id: 'region-matches', size: '5', hidden: 'hidden' });
    search.oninput = function () {
      if (!search.value.trim()) { matches.setAttribute('hidden', 'hidden'); return; }
      matches.removeAttribute('hidden');
      searchAsTyped('regions', search.value, matches, codeInput.value, t('noRegionMatch'));
    };
    matches.onchange = function () { if (matches.value) pick(matches.value); };
    matches.onkeydown = function (e) { if (e.keyCode === 13 && matches.value) { e.preventDefault(); pick(matches.value); codeInput.focus(); } };
    wrap.appendChild(el('div', { className: 'search-row' }, [
      el('span', { className: 'sub' }, [el('label', { 'for': 'region-search', text: t('regionSearch') }), search]),
      el('span', { className: 'sub' }, [el('label', { 'for': 'region-matches', text: t('regionMatches') }), matches])
    ]));
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
    // Without search text, the whole tree; with it, the service's ranked matches (names, codes and
    // everyday keywords such as 铜 or 锂电池), each with the headings it sits under.
    function fill(q) {
      if (q && q.trim()) { searchAsTyped('industries', q, list, codeInput.value, t('noMatch')); return; }
      list.innerHTML = '';
      each(ref.industries, function (s) {
        var group = el('optgroup', { label: s.code + ' ' + L(s) });
        each(s.divisions, function (d) {
          group.appendChild(el('option', { value: d.code, text: d.code + ' ' + L(d) }));
          each(d.classes || [], function (c) { group.appendChild(el('option', { value: c.code, text: '\u00a0\u00a0' + c.code + ' ' + L(c) })); });
        });
        list.appendChild(group);
      });
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


function updateRecycling() {
  var body = $('body-recycling');
  var box = $('show-recycling');
  if (!body || !box || saved.showRecycling != null) return;
  var on = recyclingRelevant();
  box.checked = on;
  if (on) body.removeAttribute('hidden'); else body.setAttribute('hidden', 'hidden');
}
