/* The reference data the page loads once: the field catalog, regions, industries and parks. */
import { $, each } from './dom.js';
import { lastYear, saved } from './store.js';
import { L, lang, t } from './texts.js';

export const ref = { provinces: [], regionsByCode: {}, industries: [], parks: [] };

// ---------------------------------------------------------------------------------------------
// The field catalog (GET api/v1/reference/fields): the one description of every input
export const cat = { sections: [], fields: [], byPath: {} };

/** The catalog path of a concrete path: financials.2024.rdExpense -> financials.{year}.rdExpense, projects[0].kind -> projects[].kind. */
function pattern(path) {
  return path.replace(/\[year=\d{4},quarter=\d\]/g, '[]').replace(/\[\d+\]/g, '[]').replace(/\.(\d{4})(?=\.|$)/g, '.{year}');
}
export function fieldOf(path) { return cat.byPath[pattern(path)] || null; }
export function itemFields(name) {
  var out = [];
  each(cat.fields, function (f) { if (f.path.indexOf(name + '[].') === 0) out.push(f); });
  return out;
}
export function certTypes() { var f = cat.byPath['certifications[].type']; return f ? f.values : []; }

/** A label for a concrete path: the catalog's, with the year, quarter or list position the path names. */
export function fieldLabel(path) {
  var f = fieldOf(path);
  if (!f) return path;
  var s = L(f.label);
  var q = /\[year=(\d{4}),quarter=(\d)\]/.exec(path);
  if (q) s = lang === 'en' ? s + ', Q' + q[2] + ' ' + q[1] : q[1] + '年第' + q[2] + '季度' + s;
  var y = /\.(\d{4})(?=\.|$)/.exec(path);
  if (y) {
    var last = +y[1] === lastYear() ? t('lastFullYear') : '';
    s = lang === 'en' ? s + ' in ' + y[1] + last : y[1] + '年' + last + s;
  }
  var i = /^(\w+)\[(\d+)\]/.exec(path);
  if (i && cat.byPath[i[1]]) {
    var what = L(cat.byPath[i[1]].label) + ' ' + (+i[2] + 1);
    if (i[1] === 'certifications') { var held = heldCertTypes()[+i[2]]; if (held) what = L(held); }
    s = what + (lang === 'en' ? ': ' : '：') + s;
  }
  return s;
}

/** The label of a value of the field at path (an enum's, yes/no), or the value itself. */
export function valueLabel(path, v) {
  var f = path ? fieldOf(path) : null;
  if (f && f.values) for (var i = 0; i < f.values.length; i++) if (String(f.values[i].value) === String(v)) return L(f.values[i]);
  return null;
}


export function heldCertTypes() {
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
