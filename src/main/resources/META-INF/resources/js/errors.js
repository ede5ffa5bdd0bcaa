import { fieldLabel } from './catalog.js';
import { $, closest, each, el, idFor } from './dom.js';
import { focusPath, inputForPath } from './form.js';
import { lang } from './texts.js';

/* Answers the page cannot read or the service refused: a note beside each input and a summary with links. */
let errorsShown = [];

export function clearFieldErrors() {
  each(errorsShown, function (n) { if (n.parentNode) n.parentNode.removeChild(n); });
  errorsShown = [];
  each(document.querySelectorAll('[aria-invalid="true"]'), function (n) {
    n.removeAttribute('aria-invalid');
    var d = (n.getAttribute('aria-describedby') || '').replace(/\s*err-[^\s]+/g, '');
    if (d) n.setAttribute('aria-describedby', d); else n.removeAttribute('aria-describedby');
  });
  $('error-summary').setAttribute('hidden', 'hidden');
}

const MESSAGES_ZH = [
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
export function showFieldError(input, path, message) {
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

export function showErrorSummary(title, items) {
  var box = $('error-summary');
  box.innerHTML = '';
  box.appendChild(el('p', { text: title }));
  var ul = el('ul');
  each(items, function (li) { ul.appendChild(li); });
  box.appendChild(ul);
  box.removeAttribute('hidden');
  box.focus();
}
