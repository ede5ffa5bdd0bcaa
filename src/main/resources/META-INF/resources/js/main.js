/*
 * 惠企政策自查 — the self-check page: native ES modules, no build step, no framework, nothing loaded
 * from outside the service, so it runs on intranets without internet access. This module wires the
 * page together: which view shows, evaluating the answers, the language switch and clearing data.
 *
 * Two ways to answer, one set of answers: the guided self-check (guided.js, default) asks a few
 * basics, then the questions the service ranks as deciding the most; the full form (form.js) shows
 * every field. Both are drawn from the service's field catalog (catalog.js, fields.js): no field,
 * label or allowed value is written here. Every input carries data-path, the JSON path of its field
 * under "profile" (financials.2024.rdExpense, projects[0].totalInvestment), so an error or a missing
 * field named by the API finds its input. An empty input means "unknown" and is left out of the
 * request. Answers are kept in localStorage only (store.js), and the request is built from them,
 * whichever view they were given in.
 */
import { API, loadReference, request } from './api.js';
import { cat } from './catalog.js';
import { $, each, el, idFor } from './dom.js';
import { clearFieldErrors, showErrorSummary, showFieldError } from './errors.js';
import { renderFull } from './form.js';
import { guidedNext, renderGuided } from './guided.js';
import { renderResults } from './results.js';
import { collect, lastResult, persist, resetSaved, saved, setAnswer, setLastResult } from './store.js';
import { lang, setLang, t } from './texts.js';

export function render() {
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


/** Evaluates the answers given so far; then (guided view) runs before the view is drawn again. */
export function evaluate(e, then) {
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
      setLastResult(data, c.body.profile);
      if (guided) {
        if (then) then();
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
    setLang(lang === 'en' ? 'zh' : 'en');
    render();
    $('lang-switch').focus();
  };
  $('clear').onclick = $('guided-clear').onclick = function () {
    if (!window.confirm(t('clearConfirm'))) return;
    resetSaved();
    persist(); // the view chosen stays; the answers are gone
    setLastResult(null, null);
    $('results').setAttribute('hidden', 'hidden');
    clearFieldErrors();
    render();
    $(saved.mode === 'full' ? 'busy' : 'guided-busy').textContent = t('cleared');
  };
  // a printed page is the record: the collapsed "not eligible" list prints open
  var reopen = [];
  window.onbeforeprint = function () {
    each(document.querySelectorAll('details'), function (d) { if (!d.open) { d.open = true; reopen.push(d); } });
  };
  window.onafterprint = function () { each(reopen, function (d) { d.open = false; }); reopen = []; };
  render();
  loadReference(function () {
    render();
    // back after a reload: the screen the user was on is drawn from the answers kept; its result is computed again
    if (saved.mode !== 'full' && saved.guided && saved.guided.started) evaluate();
  });
}

start(); // a module runs once the document is parsed
