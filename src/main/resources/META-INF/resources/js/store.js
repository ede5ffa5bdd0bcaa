/* The answers, kept in this browser only (localStorage), and the request built from them. */
import { cat, fieldOf, heldCertTypes, itemFields } from './catalog.js';
import { each, today } from './dom.js';
import { AS_OF } from './fields.js';
import { lang, t } from './texts.js';

const STORE = 'huiqi.form.v1';

export const saved = load();

export let lastResult = null;
export let lastAnswers = null; // the profile the shown result was computed from: the record prints it

/** The result shown now and the answers it was computed from (null, null: none). */
export function setLastResult(result, answers) {
  lastResult = result;
  lastAnswers = answers;
}

/** Forgets every answer; the view chosen stays. */
export function resetSaved() {
  var mode = saved.mode;
  for (var k in saved) if (saved.hasOwnProperty(k)) delete saved[k];
  saved.values = {};
  saved.lists = {};
  if (mode) saved.mode = mode;
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

export function persist() {
  try { localStorage.setItem(STORE, JSON.stringify(saved)); } catch (e) { /* private mode: keep going */ }
}


function asOfValue() {
  var v = saved.values.asOf;
  return /^\d{4}-\d{2}-\d{2}$/.test(v || '') ? v : today();
}
export function lastYear() { return parseInt(asOfValue().substring(0, 4), 10) - 1; }

export function listAnswer(name) {
  var a = (saved.answers || {})[name];
  if (a) return a;
  return saved.lists[name] && saved.lists[name].length ? 'some' : '';
}


export function setValue(path, value) {
  if (value === '' || value == null) delete saved.values[path]; else saved.values[path] = value;
  persist();
}

// ---------------------------------------------------------------------------------------------
// Answers: one store for both views. A path as the service names it (projects[0].kind,
// quarterlyOutput[year=2023,quarter=1].output, certifications[1].recognizedOn) finds its place here.
const ROW = /^(\w+)\[(\d+)\]\.(\w+)$/;
const QUARTER = /^quarterlyOutput\[year=(\d{4}),quarter=(\d)\]\.output$/;

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

export function answerOf(path) {
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

export function setAnswer(path, value) {
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
export function answered(path) {
  if (path === 'parks') return saved.lists.parks != null;
  if (path === 'certifications') return !!(saved.certs && saved.certs.answer);
  var f = fieldOf(path);
  if (f && f.type === 'list') return !!listAnswer(path);
  var v = answerOf(path);
  return v != null && v !== '';
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
export function collect() {
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
