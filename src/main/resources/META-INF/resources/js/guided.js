/*
 * The guided check: the basics, then screens of at most three of the service's ranked questions, and
 * at the end a check-your-answers page. The journey is kept with the answers (saved.guided), so a
 * reload shows the screen the user was on:
 *   view     'basics' | 'questions' | 'check' | 'ask' (questions the user chose to answer again)
 *   screens  the question screens shown so far, each a list of paths; pos: the one on view
 *   skipped  paths skipped and not answered since; they are listed on the check page
 *   ask      the paths of the 'ask' view, and back: the view it returns to
 */
import { cat, fieldLabel, fieldOf } from './catalog.js';
import { $, each, el, idFor } from './dom.js';
import { asOfField, field, widget } from './fields.js';
import { evaluate, render } from './main.js';
import { answerRows, money } from './results.js';
import { answered, collect, lastResult, lastYear, persist, saved } from './store.js';
import { L, lang, t } from './texts.js';

const PER_STEP = 3;

function guidedState() {
  var g = saved.guided = saved.guided || {};
  g.skipped = g.skipped || [];
  g.screens = g.screens || [];
  if (g.pos == null) g.pos = -1;
  if (!g.view) g.view = g.started ? 'check' : 'basics';
  return g;
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

/** The service's question of a path, or one made from the results that miss it (an answered field is no question any more). */
function questionOf(path) {
  var found = null;
  each((lastResult && lastResult.questions) || [], function (q) { if (q.field === path) found = q; });
  if (found) return found;
  var decides = [];
  each((lastResult && lastResult.results) || [], function (r) {
    if ((r.missingFields || []).indexOf(path) >= 0 && decides.indexOf(r.measureId) < 0) decides.push(r.measureId);
  });
  return { field: path, decides: decides, amountAtStake: null };
}

export function renderGuided(root) {
  var g = guidedState();
  var nextButton = $('guided-next');
  if (g.view !== 'basics') root.appendChild(backLink(g));
  root.appendChild(el('p', { className: 'hint', text: t('guidedIntro') }));
  if (lastResult) root.appendChild(el('p', { id: 'guided-progress', className: 'progress', text: progressText() }));
  if (g.view === 'basics') {
    var box = el('fieldset', { className: 'section', id: 'guided-basics' }, [el('legend', { text: t('basicsTitle') })]);
    var grid = el('div', { className: 'grid' }, [asOfField()]);
    each(basics(), function (b) { grid.appendChild(widget(b.f, b.path, true)); });
    box.appendChild(grid);
    root.appendChild(box);
    nextButton.textContent = g.started ? t('nextQuestions') : t('startGuided');
    return;
  }
  if (g.view === 'check') {
    root.appendChild(checkPage(g));
    nextButton.textContent = openQuestions().length ? t('nextQuestions') : t('refresh');
    return;
  }
  var paths = g.view === 'ask' ? g.ask.paths : g.screens[g.pos] || [];
  var qs = el('fieldset', { className: 'section', id: 'guided-questions' }, [el('legend', { text: t(g.view === 'ask' ? 'askTitle' : 'questionsTitle') })]);
  each(paths, function (path) { qs.appendChild(questionBlock(questionOf(path), g.skipped.indexOf(path) >= 0)); });
  root.appendChild(qs);
  root.appendChild(el('p', null, [linkButton('guided-review', t('reviewAnswers'), function () { show('check'); })]));
  nextButton.textContent = g.view === 'ask' ? t('saveAnswers') : t('nextQuestions');
}

function linkButton(id, text, onclick, label) {
  var b = el('button', { type: 'button', className: 'link-button', id: id, text: text, 'aria-label': label });
  b.onclick = onclick;
  return b;
}

/** Back to the screen before this one; nothing is lost: every answer is kept as it is typed. */
function backLink(g) {
  return el('p', { className: 'back' }, [linkButton('guided-back', t('back'), function () {
    if (g.view === 'ask') { g.view = g.ask.back; }
    else if (g.view === 'check') { g.pos = g.screens.length - 1; g.view = g.pos >= 0 ? 'questions' : 'basics'; }
    else if (g.pos > 0) { g.pos--; }
    else { g.pos = -1; g.view = 'basics'; }
    persist();
    redraw();
  })]);
}

function show(view) {
  var g = guidedState();
  g.view = view;
  persist();
  redraw();
}

/** Redraws the guided view and puts the keyboard on its first question (or its heading). */
function redraw(focusPathFirst) {
  render();
  var body = $('guided-body');
  var target = focusPathFirst && body.querySelector('[data-question="' + focusPathFirst + '"] input, [data-question="' + focusPathFirst + '"] select')
    || body.querySelector('.question input, .question select, #guided-basics input, #guided-basics select') || $('guided-h');
  if (target.id === 'guided-h') target.setAttribute('tabindex', '-1');
  if (target.scrollIntoView) target.scrollIntoView({ block: 'center' });
  target.focus();
}

/** Opens questions to answer (again): a 需补充信息 link, 修改答案 or a skipped question. */
export function ask(paths) {
  var g = guidedState();
  if (!g.started) return false;
  var back = g.view === 'ask' ? g.ask.back : g.view;
  g.ask = { paths: paths, back: back };
  g.view = 'ask';
  persist();
  redraw(paths[0]);
  return true;
}

/** Check your answers: every answer with 修改答案, and the skipped questions, each reachable again. */
function checkPage(g) {
  var left = lastResult ? openQuestions().length : 0;
  var box = el('div', { id: 'guided-check' }, [
    // opened before the end: say so, rather than that nothing is left
    left ? el('p', { id: 'guided-more', text: t('questionsLeft', { k: left }) }) : el('p', { id: 'guided-done', className: 'done', text: t('noQuestions') }),
    el('h3', { id: 'check-h', text: t('checkTitle') })
  ]);
  var dl = el('dl', { className: 'check-answers' });
  each(answerRows(collect().body.profile), function (row) {
    var path = questionPath(row[2]);
    dl.appendChild(el('div', { className: 'check-row', 'data-answer-row': path }, [
      el('dt', { text: row[0] }), el('dd', null, [el('span', { className: 'check-value', text: row[1] }), ' ',
        linkButton('change-' + idFor(row[2]), t('change'), function () { ask([path]); }, t('change') + (lang === 'en' ? ': ' : '：') + row[0])])
    ]));
  });
  box.appendChild(dl.childNodes.length ? dl : el('p', { text: t('noAnswers') }));
  var skipped = [];
  each(g.skipped, function (path) { if (!answered(path)) skipped.push(path); });
  if (skipped.length) {
    box.appendChild(el('h3', { id: 'skipped-h', text: t('skippedTitle', { n: skipped.length }) }));
    var ul = el('ul', { className: 'skipped', 'aria-labelledby': 'skipped-h' });
    each(skipped, function (path) {
      ul.appendChild(el('li', { 'data-skipped': path }, [fieldLabel(path) + ' ',
        linkButton('answer-' + idFor(path), t('answerNow'), function () { ask([path]); }, t('answerNow') + (lang === 'en' ? ': ' : '：') + fieldLabel(path))]));
    });
    box.appendChild(ul);
  }
  return box;
}

/** The question that gives a row of the answers: a recognition's row is the recognitions question. */
function questionPath(rowPath) {
  return /^(certifications|parks)(\[|$)/.test(rowPath) ? rowPath.replace(/\[.*$/, '') : rowPath;
}

function questionBlock(q, skipped) {
  var f = fieldOf(q.field) || { type: 'text', label: q.label };
  var label = fieldOf(q.field) ? fieldLabel(q.field) : L(q.label);
  var titles = [];
  each(q.decides || [], function (id) {
    each((lastResult && lastResult.results) || [], function (r) { if (r.measureId === id && titles.indexOf(L(r.title)) < 0) titles.push(L(r.title)); });
  });
  var why = titles.length ? t('decides', { n: q.decides.length }) + (lang === 'en' ? ': ' : '：') + titles.join(lang === 'en' ? '; ' : '、')
    + (q.amountAtStake != null ? (lang === 'en' ? '. ' : '。') + t('atStake', { m: money(q.amountAtStake) }) : '') : null;
  var input = f.type === 'list' || f.type === 'region' && q.field === 'regionCode' || f.type === 'industry' || f.type === 'parks'
    ? widget(f, q.field, true) : field(f, q.field, label);
  return el('div', { className: 'question', 'data-question': q.field }, [
    input,
    why ? el('p', { className: 'small why', text: why }) : null,
    el('label', { className: 'inline skip-q' }, [el('input', { type: 'checkbox', id: 'skip-' + idFor(q.field), 'data-skip': q.field,
      checked: skipped ? 'checked' : null }), ' ' + t('skipQ')])
  ]);
}

export function guidedNext(e) {
  if (e) e.preventDefault();
  var g = guidedState();
  if (g.view === 'basics') {
    g.started = true;
    each(basics(), function (b) { mark(g, b.path, !answered(b.path)); });
    g.pos = -1; // later screens follow from the basics given now
  } else {
    each($('guided-body').querySelectorAll('[data-question]'), function (box) {
      var path = box.getAttribute('data-question');
      var skip = box.querySelector('[data-skip]');
      // an empty answer is a skip too: the same question does not come back by itself (the check page lists it)
      mark(g, path, (skip && skip.checked) || !answered(path));
    });
  }
  persist();
  evaluate(null, nextScreen);
}

function mark(g, path, skipped) {
  var at = g.skipped.indexOf(path);
  if (skipped && at < 0) g.skipped.push(path);
  if (!skipped && at >= 0) g.skipped.splice(at, 1);
}

/** After an evaluation: the next screen of open questions, or the check page when none is left. */
function nextScreen() {
  var g = guidedState();
  var open = openQuestions().slice(0, PER_STEP);
  if (!open.length) { g.view = 'check'; persist(); return; }
  var paths = [];
  each(open, function (q) { paths.push(q.field); });
  // answered again from an earlier screen: the screens after it are asked anew
  g.screens = g.screens.slice(0, g.view === 'questions' || g.view === 'basics' ? g.pos + 1 : g.screens.length);
  g.screens.push(paths);
  g.pos = g.screens.length - 1;
  g.view = 'questions';
  persist();
}

/** The paths asked so far: the basics and every screen. */
function askedPaths() {
  var out = [];
  each(basics(), function (b) { out.push(b.path); });
  each(guidedState().screens, function (s) { each(s, function (p) { if (out.indexOf(p) < 0) out.push(p); }); });
  return out;
}

function progressText() {
  var g = guidedState();
  var r = (lastResult && lastResult.results) || [];
  var decided = 0, eligible = 0, needs = 0, stake = null, answeredCount = 0, skippedCount = 0;
  each(r, function (x) {
    if (x.status === 'NEEDS_INFO') {
      needs++;
      var b = x.benefit || {};
      // a measure without a figure adds nothing: an unknown amount is never shown as 0
      if (b.amount != null || b.cap != null) stake = (stake || 0) + (b.amount != null ? b.amount : b.cap);
    } else decided++;
    if (x.status === 'ELIGIBLE' && !x.enterpriseStatus) eligible++; // a classification is not support to claim
  });
  each(askedPaths(), function (p) { if (answered(p)) answeredCount++; });
  each(g.skipped, function (p) { if (!answered(p)) skippedCount++; });
  return t(openQuestions().length ? 'progress' : 'progressDone', { d: decided, n: r.length, k: openQuestions().length, e: eligible, i: needs,
    m: stake != null ? t('stakeOpen', { m: money(stake) }) : '', a: answeredCount, s: skippedCount });
}
