/* Calls to the service (api/v1/) and loading the reference data. */
import { cat, ref } from './catalog.js';
import { $, each } from './dom.js';
import { t } from './texts.js';

export const API = 'api/v1/';

// ---------------------------------------------------------------------------------------------
// Calling the service
export function request(method, url, body, done) {
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

export function loadReference(done) {
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
