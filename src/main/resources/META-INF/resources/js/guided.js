/* The guided check: the basics, then a few of the service's ranked questions at a time. */
import { cat, fieldOf } from './catalog.js';
import { $, each, el, idFor } from './dom.js';
import { asOfField, field, widget } from './fields.js';
import { evaluate } from './main.js';
import { fmt } from './results.js';
import { answered, lastResult, lastYear, persist, saved } from './store.js';
import { L, lang, t } from './texts.js';

// ---------------------------------------------------------------------------------------------
// Guided check: the basics, then a few of the service's ranked questions at a time
export const PER_STEP = 3;

export function guidedState() {
  saved.guided = saved.guided || {};
  saved.guided.skipped = saved.guided.skipped || [];
  saved.guided.answered = saved.guided.answered || 0;
  return saved.guided;
}

/** The basics as concrete paths: a yearly basic is asked for last year. */
export function basics() {
  var out = [];
  each(cat.fields, function (f) { if (f.basic) out.push({ f: f, path: f.path.replace('{year}', lastYear()) }); });
  return out;
}

/** The service's questions still open here: neither skipped nor answered since. */
export function openQuestions() {
  var g = guidedState();
  var out = [];
  each((lastResult && lastResult.questions) || [], function (q) {
    if (g.skipped.indexOf(q.field) < 0 && !answered(q.field)) out.push(q);
  });
  return out;
}

export function renderGuided(root) {
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

export function questionBlock(q) {
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

export function guidedNext(e) {
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

export function progressText() {
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
