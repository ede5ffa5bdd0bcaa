/* The full form: every field by section, and finding the input of a path the service names. */
import { cat, heldCertTypes } from './catalog.js';
import { $, closest, each, el } from './dom.js';
import { asOfField, recyclingRelevant, widget, yearsTable } from './fields.js';
import { ask } from './guided.js';
import { render } from './main.js';
import { persist, saved } from './store.js';
import { L, t } from './texts.js';

export function renderFull(root) {
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


// ---------------------------------------------------------------------------------------------
// Finding the input of a path (an error's field or a missing field)
export function inputForPath(path, addYear) {
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
export function focusPath(path) {
  if (saved.mode !== 'full') {
    var shown = $('guided-form').querySelector('[data-path="' + path + '"]');
    if (shown) { if (shown.scrollIntoView) shown.scrollIntoView({ block: 'center' }); shown.focus(); return true; }
    if (ask([path])) return true; // the question in the guided check, not the whole form
    saved.mode = 'full'; persist(); render();
  }
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
