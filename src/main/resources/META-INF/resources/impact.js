/* Staff view, impact section: starts POST /api/v1/admin/impact with a draft archive and polls the job
   until its report (charts drawn as SVG) or the draft's errors. The admin key stays in this page's
   memory only. Plain ES5, no inline script (the page may be served with a CSP). */
(function () {
  'use strict';
  var API = 'api/v1/admin/impact';
  var SVG = 'http://www.w3.org/2000/svg';

  function $(id) { return document.getElementById(id); }
  function el(tag, text, className) {
    var e = document.createElement(tag);
    if (text != null) e.appendChild(document.createTextNode(text));
    if (className) e.className = className;
    return e;
  }
  function request(method, url, body, type, done) {
    var xhr = new XMLHttpRequest();
    xhr.open(method, url, true);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Authorization', 'Bearer ' + $('impact-key').value);
    if (type) xhr.setRequestHeader('Content-Type', type);
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) return;
      var data = null;
      try { data = JSON.parse(xhr.responseText); } catch (e) { data = null; }
      done(xhr.status, data);
    };
    xhr.send(body);
  }
  function status(text) { $('impact-status').textContent = text; }
  function problem(status, data) {
    if (status === 0) return 'the service could not be reached';
    var text = status + ' ' + ((data && (data.detail || data.title)) || '');
    var errors = (data && data.errors) || [];
    for (var i = 0; i < errors.length; i++) text += ' — ' + errors[i].field + ': ' + errors[i].message;
    return text;
  }
  function typeOf(name) {
    name = name.toLowerCase();
    if (/\.zip$/.test(name)) return 'application/zip';
    if (/\.(tgz|tar\.gz)$/.test(name)) return 'application/gzip';
    return 'application/x-tar';
  }
  function pad(n) { return n < 10 ? '0' + n : '' + n; }

  function loadPopulations() {
    request('GET', API + '/populations', null, null, function (code, data) {
      if (code !== 200 || !data) { status('人群读取失败 Could not load populations: ' + problem(code, data)); return; }
      var select = $('impact-population');
      select.innerHTML = '';
      for (var i = 0; i < data.populations.length; i++) select.appendChild(el('option', data.populations[i]));
      status(data.populations.length ? '' : '未配置人群文件 No population files (policy.impact.populations)');
    });
  }

  function run() {
    var file = $('impact-draft').files && $('impact-draft').files[0];
    if (!file) { status('请选择草案文件 Choose the draft archive'); return; }
    var url = API + '?population=' + encodeURIComponent($('impact-population').value)
      + '&asOf=' + encodeURIComponent($('impact-date').value);
    $('impact-errors').innerHTML = '';
    $('impact-report').setAttribute('hidden', 'hidden');
    status('上传中 Uploading…');
    request('POST', url, file, typeOf(file.name), function (code, job) {
      if (code !== 202 || !job) { status('无法开始 Could not start: ' + problem(code, job)); return; }
      poll(job.id);
    });
  }

  function poll(id) {
    request('GET', API + '/' + encodeURIComponent(id), null, null, function (code, job) {
      if (code !== 200 || !job) { status('查询失败 Could not follow the run: ' + problem(code, job)); return; }
      if (job.state === 'FAILED') {
        status('草案有错误，未测算 The draft has errors; nothing was computed');
        var ul = $('impact-errors');
        for (var i = 0; i < job.errors.length; i++) ul.appendChild(el('li', job.errors[i], 'code'));
        return;
      }
      if (job.state !== 'DONE') {
        status('测算中 Running: ' + job.done + ' 家 profiles, ' + job.perSecond + '/s'
          + (job.etaSeconds >= 0 ? ', 约剩 ETA ' + Math.floor(job.etaSeconds / 60) + 'm' + pad(job.etaSeconds % 60) + 's' : ''));
        window.setTimeout(function () { poll(id); }, 1000);
        return;
      }
      show(job.report);
    });
  }

  function show(report) {
    status('完成 Done: ' + report.population + ' 家企业 enterprises, ' + report.changeCount + ' 项变化 changes'
      + (report.draft.scenarioFailures.length ? '；草案有 ' + report.draft.scenarioFailures.length + ' 个场景未通过 scenarios fail' : ''));
    var ul = $('impact-errors');
    for (var s = 0; s < report.draft.scenarioFailures.length; s++) ul.appendChild(el('li', report.draft.scenarioFailures[s], 'code'));
    chart($('impact-chart-eligible'), report.measures, function (m, side) { return m[side].ELIGIBLE; });
    chart($('impact-chart-budget'), report.measures, function (m, side) {
      return Number((side === 'before' ? m.amountBefore : m.amountAfter).total);
    });
    var body = $('impact-measures').getElementsByTagName('tbody')[0];
    body.innerHTML = '';
    for (var i = 0; i < report.measures.length; i++) {
      var m = report.measures[i];
      var tr = el('tr');
      tr.setAttribute('data-measure', m.measureId);
      tr.appendChild(el('td', m.measureId + (m.presence ? ' [' + m.presence + ']' : ''), 'code'));
      tr.appendChild(el('td', counts(m.before)));
      tr.appendChild(el('td', counts(m.after)));
      tr.appendChild(el('td', String(m.newlyEligible)));
      tr.appendChild(el('td', String(m.noLongerEligible)));
      tr.appendChild(el('td', m.amountBefore.total + ' → ' + m.amountAfter.total));
      body.appendChild(tr);
    }
    $('impact-report').removeAttribute('hidden');
  }

  function counts(c) { return c.ELIGIBLE + '/' + c.NEEDS_INFO + '/' + c.NOT_ELIGIBLE + '/' + c.ABSENT; }

  /** Two bars per measure (before grey, after blue) on one scale, as SVG elements. */
  function chart(box, measures, value) {
    var label = 230, width = 380, row = 30, max = 1, i;
    for (i = 0; i < measures.length; i++) max = Math.max(max, value(measures[i], 'before'), value(measures[i], 'after'));
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('width', label + width + 90);
    svg.setAttribute('height', measures.length * row + 10);
    svg.setAttribute('role', 'img');
    for (i = 0; i < measures.length; i++) {
      var y = 5 + i * row;
      svg.appendChild(text(0, y + 17, measures[i].measureId));
      bar(svg, label, y + 2, value(measures[i], 'before') / max * width, '#9aa4b2', value(measures[i], 'before'));
      bar(svg, label, y + 15, value(measures[i], 'after') / max * width, '#2f6fde', value(measures[i], 'after'));
    }
    box.innerHTML = '';
    box.appendChild(svg);
  }
  function bar(svg, x, y, w, colour, v) {
    var rect = document.createElementNS(SVG, 'rect');
    rect.setAttribute('x', x);
    rect.setAttribute('y', y);
    rect.setAttribute('width', Math.round(w));
    rect.setAttribute('height', 12);
    rect.setAttribute('fill', colour);
    svg.appendChild(rect);
    svg.appendChild(text(x + Math.round(w) + 4, y + 10, String(v)));
  }
  function text(x, y, content) {
    var t = document.createElementNS(SVG, 'text');
    t.setAttribute('x', x);
    t.setAttribute('y', y);
    t.setAttribute('font-size', '11');
    t.appendChild(document.createTextNode(content));
    return t;
  }

  var d = new Date();
  $('impact-date').value = d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
  $('impact-load').onclick = loadPopulations;
  $('impact-run').onclick = run;
})();
