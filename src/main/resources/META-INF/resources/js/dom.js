// Small helpers (no framework; old browsers have no closest(), NodeList.forEach, etc.)

export function $(id) { return document.getElementById(id); }
export function el(tag, attrs, children) {
  var e = document.createElement(tag);
  if (attrs) for (var k in attrs) {
    if (!attrs.hasOwnProperty(k) || attrs[k] == null || attrs[k] === false) continue;
    if (k === 'text') e.appendChild(document.createTextNode(attrs[k]));
    else if (k === 'className') e.className = attrs[k];
    else e.setAttribute(k, attrs[k] === true ? '' : attrs[k]);
  }
  if (children) for (var i = 0; i < children.length; i++) {
    var c = children[i];
    if (c == null) continue;
    e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return e;
}
export function each(list, fn) { for (var i = 0; i < list.length; i++) fn(list[i], i); }
export function closest(node, selectorTest) {
  while (node && node.nodeType === 1) { if (selectorTest(node)) return node; node = node.parentNode; }
  return null;
}
export function idFor(path) { return 'f-' + path.replace(/[^A-Za-z0-9_-]/g, '-'); }
function pad(n) { return n < 10 ? '0' + n : '' + n; }
export function today() {
  var d = new Date();
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
}
