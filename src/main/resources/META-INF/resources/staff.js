/* Staff view: reads GET /api/v1/ruleset and GET /api/v1/measures; changes nothing. Plain ES5. */
(function () {
  'use strict';
  // works at /staff and at /staff.html alike
  var API = 'api/v1/';

  function $(id) { return document.getElementById(id); }
  function el(tag, text, className) {
    var e = document.createElement(tag);
    if (text != null) e.appendChild(document.createTextNode(text));
    if (className) e.className = className;
    return e;
  }
  function get(url, done) {
    var xhr = new XMLHttpRequest();
    xhr.open('GET', url, true);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) return;
      var data = null;
      try { data = JSON.parse(xhr.responseText); } catch (e) { data = null; }
      done(xhr.status, data);
    };
    xhr.send(null);
  }
  function fail(what, status, data) {
    var box = $('staff-error');
    box.textContent = what + ': ' + (status === 0 ? 'the service could not be reached' : status + ' ' + ((data && (data.detail || data.title)) || ''));
    box.removeAttribute('hidden');
  }
  function pairs(dl, list) {
    dl.innerHTML = '';
    for (var i = 0; i < list.length; i++) {
      dl.appendChild(el('dt', list[i][0]));
      var dd = el('dd', list[i][1] == null ? '—' : String(list[i][1]));
      if (list[i][2]) dd.id = list[i][2];
      dl.appendChild(dd);
    }
  }
  function pad(n) { return n < 10 ? '0' + n : '' + n; }
  function today() { var d = new Date(); return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()); }

  get(API + 'ruleset', function (status, rs) {
    if (status !== 200 || !rs) { fail('GET /api/v1/ruleset', status, rs); return; }
    pairs($('ruleset'), [
      ['版本 Version', rs.version || '无（尚无可用规则集）none built', 'ruleset-version'],
      ['加载时间 Loaded at', rs.loadedAt],
      ['来源 Source', rs.source],
      ['政策数 Measures', rs.measureCount]
    ]);
    var r = rs.lastReload || {};
    pairs($('reload'), [
      ['状态 Status', r.status === 'ACTIVATED' ? 'ACTIVATED 已生效' : r.status === 'FAILED' ? 'FAILED 失败（仍使用上一版本）' : r.status, 'reload-status'],
      ['时间 At', r.at],
      ['版本 Version', r.version]
    ]);
    var ul = $('reload-errors');
    ul.innerHTML = '';
    var errors = r.errors || [];
    if (!errors.length) ul.appendChild(el('li', '无错误 No errors'));
    for (var i = 0; i < errors.length; i++) {
      var e = errors[i];
      var li = el('li');
      li.appendChild(el('code', e.file + ':' + e.line + (e.column ? ':' + e.column : '')));
      li.appendChild(document.createTextNode(' ' + e.message));
      ul.appendChild(li);
    }
    var fl = $('faults');
    fl.innerHTML = '';
    var faults = rs.faults || [];
    if (!faults.length) fl.appendChild(el('li', '无 None'));
    for (var k = 0; k < faults.length; k++) {
      var f = faults[k];
      var fi = el('li');
      fi.setAttribute('data-rule', f.rule);
      fi.appendChild(el('code', (f.file || '') + ' "' + f.rule + '"'));
      fi.appendChild(document.createTextNode(' ' + f.measureId + ' — ' + f.message + '（' + f.count + ' 次 times，最近 last ' + f.lastSeen + '）'));
      fl.appendChild(fi);
    }
    var files = $('files');
    files.innerHTML = '';
    for (var j = 0; j < (rs.files || []).length; j++) files.appendChild(el('li', rs.files[j], 'file'));
  });

  function catalog() {
    var date = $('catalog-date').value || today();
    get(API + 'measures?asOf=' + encodeURIComponent(date), function (status, data) {
      if (status !== 200 || !data) { fail('GET /api/v1/measures', status, data); return; }
      var body = $('catalog').getElementsByTagName('tbody')[0];
      body.innerHTML = '';
      var list = data.measures || [];
      for (var i = 0; i < list.length; i++) {
        var m = list[i];
        var c = m.citation || {};
        var tr = el('tr');
        tr.setAttribute('data-measure', m.id);
        tr.appendChild(el('td', m.id, 'code'));
        var title = el('td', (m.title && m.title.zh) || '');
        if (m.title && m.title.en) { title.appendChild(el('br')); title.appendChild(el('span', m.title.en, 'small')); }
        if (!m.confirmed) { title.appendChild(el('br')); title.appendChild(el('span', '待确认 to be confirmed', 'tag warn')); }
        tr.appendChild(title);
        tr.appendChild(el('td', (m.validFrom || '') + ' — ' + (m.validTo || '长期 open-ended')));
        tr.appendChild(el('td', (c.document ? '《' + c.document + '》' : '') + (c.number || '') + (c.article ? ' ' + c.article : '')
          + (c.issuer ? '；' + c.issuer : '')));
        tr.appendChild(el('td', m.file || '', 'code'));
        body.appendChild(tr);
      }
      $('catalog-count').textContent = list.length + ' 项 measures';
    });
  }
  $('catalog-date').value = today();
  $('catalog-date').onchange = catalog;
  catalog();
})();
