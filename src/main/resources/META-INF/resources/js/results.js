/* The results: money first, measures by status, what to do next, and the record a printout keeps. */
import { fieldLabel, fieldOf, ref, valueLabel } from './catalog.js';
import { $, each, el, idFor } from './dom.js';
import { focusPath } from './form.js';
import { lastAnswers, saved } from './store.js';
import { L, lang, t } from './texts.js';

// ---------------------------------------------------------------------------------------------
// Results
/**
 * An amount in 万元 as each view reads money: the Chinese view keeps 万元 (its texts name the unit),
 * the English one writes it out in yuan ("CNY 900,000"), since "90 × 10k" is not how English reads money.
 */
export function money(wan) {
  if (wan == null) return '';
  return lang === 'en' ? 'CNY ' + fmt(Math.round(wan * 10000)) : fmt(wan);
}

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
  if (b.amount != null && b.cap != null && b.basis !== 'UP_TO') parts.push(' (' + t('upTo', { c: money(b.cap) }) + ')');
  if (b.amount == null && b.cap != null) parts.push('；' + t('upTo', { c: money(b.cap) }));
  if (!b.confirmed) parts.push(el('span', { className: 'tag warn', title: t('unconfirmed'), text: t('unconfirmedTag') }));
  var line = el('p', { className: 'amount-line' }, [el('span', { className: 'k', text: t('amount') + (lang === 'en' ? ': ' : '：') })].concat(parts));
  if (!b.confirmed) line.appendChild(el('span', { className: 'small block', text: t('unconfirmed') }));
  return line;
}

/** An amount as what it is: a ceiling ("最高 X 万元 / up to X") is never shown as the award, an estimate says so. */
function amountText(b) {
  if (b.basis === 'UP_TO') return t('upTo', { c: money(b.amount) });
  if (b.basis === 'ESTIMATE') return t('estimate', { a: money(b.amount) });
  return t('exact', { a: money(b.amount) });
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
    box.appendChild(el('p', { className: 'total-sum' }, [el('strong', { id: 'total-amount', text: t('totalSum', { a: money(sum) }) }),
      el('span', { className: 'small block', text: t('totalSumNote', { n: n }) })]));
  }
  if (unconfirmed) box.appendChild(el('p', null, [el('span', { className: 'tag warn', text: t('unconfirmedTag') }), ' ' + t('totalUnconfirmed', { a: money(unconfirmed) })]));
  if (nc) box.appendChild(el('p', { id: 'total-ceilings', text: t('totalCeilings', { n: nc, c: money(ceil) }) }));
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

/** The answers of a profile as the form labels them: [label, answer, path] each. */
export function answerRows(profile) {
  var rows = [];
  function answer(path, value) {
    if (path === 'regionCode') return (ref.regionsByCode[value] ? L(ref.regionsByCode[value]) + ' ' : '') + value;
    var text = valueText(value, [path]) || String(value);
    var f = fieldOf(path);
    // a figure with the unit it was entered in, as the form shows it: "800 万元", "180 人"
    return typeof value === 'number' && f && f.unit ? text + ' ' + L(f.unit) : text;
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
  return rows;
}

/** The answers the result was computed from: the record a printout keeps. */
function answersBlock(profile) {
  var rows = answerRows(profile);
  var ul = el('ul', { className: 'answers' });
  each(rows, function (row) {
    ul.appendChild(el('li', null, [el('span', { className: 'k', text: row[0] + (lang === 'en' ? ': ' : '：') }),
      el('span', { 'data-answer': row[2], text: row[1] })]));
  });
  return el('details', { id: 'answers' }, [el('summary', { text: t('answersTitle', { n: rows.length }) }), ul]);
}
function parkName(id) { for (var i = 0; i < ref.parks.length; i++) if (ref.parks[i].id === id) return L(ref.parks[i]); return id; }

export function renderResults(data, quiet) {
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
