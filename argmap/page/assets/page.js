/* argmap interactive map page.
 *
 * Everything the page knows comes from the JSON block #argmap-data, written by argmap.page.
 * Where the case stood on each date was worked out there by the library; this script only looks
 * it up (an item is shown at date position p when its "first" <= p; a demand's state at p is its
 * last state row whose position <= p). Dossier text reaches the page only through textContent
 * and setAttribute, never as markup.
 *
 * Part 1 of 3 (page.js: data, texts, the map, date and filters; panel.js: the side panel;
 * start.js: language, selects, legend, start-up). argmap.page.build.page_script runs the three
 * as one strict-mode function body, in that order.
 */
var DATA = JSON.parse(document.getElementById("argmap-data").textContent);
var ITEMS = DATA.items, ORDER = DATA.order, DATES = DATA.dates, LAST = DATES.length + 1;
var state = { lang: DATA.lang, pos: DATA.start, picked: null, actor: "", status: "",
              query: "", selected: null };
var maps = {}, svg = null, byId = {}, dragged = false, vb = null, hay = null, linked = {};

function $(id) { return document.getElementById(id); }
function el(tag, cls, text) {
  var e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

// --- words and texts ------------------------------------------------------------------------
function pick(text, lang) {
  if (text === undefined || text === null) return "";
  if (typeof text === "string") return text;
  var order = [lang].concat(DATA.fallback);
  for (var i = 0; i < order.length; i++) if (Object.prototype.hasOwnProperty.call(text, order[i])) return text[order[i]];
  var keys = Object.keys(text).sort();
  return keys.length ? text[keys[0]] : "";
}
function others(text, lang) {  // [[code, text]] in the other languages, when they differ
  if (!text || typeof text === "string") return [];
  var shown = pick(text, lang);
  return Object.keys(text).sort().filter(function (c) { return c !== lang && text[c] && text[c] !== shown; })
    .map(function (c) { return [c, text[c]]; });
}
function w(key, fields) {
  var s = pick(DATA.words[key] || key, state.lang);
  if (fields) Object.keys(fields).forEach(function (k) { s = s.split("{" + k + "}").join(fields[k]); });
  return s;
}
function textOf(id) {
  var it = ITEMS[id];
  if (!it) return id;
  var f = it.f;
  return f.text || f.quote || f.title || f.name || id;
}
function nameOf(id) {
  var it = ITEMS[id];
  return it ? pick(it.f.short || it.f.name || it.f.title || it.f.text, state.lang) : id;
}
function dateText(it) {
  if (!it.date) return w("undated");
  if (it.precision === "year") return it.date.slice(0, 4);
  if (it.precision === "month") return it.date.slice(0, 7);
  return it.date;
}
function stateAt(id, pos) {
  var it = ITEMS[id], found = null;
  if (!it || !it.status) return null;
  var rows = it.status.states;
  for (var i = 0; i < rows.length && rows[i][0] <= pos; i++) found = rows[i];
  return found;
}
function known(id, pos) { return ITEMS[id] && ITEMS[id].first <= pos; }

// --- the map: loading, pan and zoom ---------------------------------------------------------
function loadMap(lang) {
  var viewport = $("viewport");
  if (!maps[lang]) {
    var inline = viewport.querySelector("svg.map");
    if (inline && inline.getAttribute("data-lang") === lang) maps[lang] = inline;
    else {
      var tpl = $("map-" + lang);
      if (!tpl) return;
      maps[lang] = document.importNode(tpl.content.querySelector("svg"), true);
    }
  }
  if (svg !== maps[lang]) viewport.replaceChildren(maps[lang]);
  svg = maps[lang];
  svg.setAttribute("preserveAspectRatio", "xMinYMin meet");
  byId = {};
  svg.querySelectorAll("g.node[data-id]").forEach(function (g) {
    (byId[g.getAttribute("data-id")] = byId[g.getAttribute("data-id")] || []).push(g);
  });
  fit(true);
}
function box() { return svg.getAttribute("data-box").split(" ").map(Number); }
function setView() { svg.setAttribute("viewBox", vb.map(function (v) { return v.toFixed(2); }).join(" ")); }
function fit(initial) {
  var b = box(), vp = $("viewport"), cw = vp.clientWidth || 800, ch = vp.clientHeight || 600;
  var whole = Math.min(cw / b[2], ch / b[3]);
  var scale = whole;
  // A tall map fitted whole is unreadable: start at the map's width, from its top.
  if (initial && whole < 0.55 * Math.min(cw / b[2], 1.25)) scale = Math.min(cw / b[2], 1.25);
  var wv = cw / scale, hv = ch / scale;
  vb = [b[0] + (b[2] - wv) / 2, scale === whole ? b[1] + (b[3] - hv) / 2 : b[1], wv, hv];
  setView();
}
function zoom(factor, cx, cy) {
  var vp = $("viewport").getBoundingClientRect();
  if (cx === undefined) { cx = vp.left + vp.width / 2; cy = vp.top + vp.height / 2; }
  var scale = vp.width / vb[2] * factor;
  if (scale < 0.02 || scale > 12) return;
  var ux = vb[0] + (cx - vp.left) / vp.width * vb[2], uy = vb[1] + (cy - vp.top) / vp.height * vb[3];
  vb = [ux - (ux - vb[0]) / factor, uy - (uy - vb[1]) / factor, vb[2] / factor, vb[3] / factor];
  setView();
}
function pan(dxPx, dyPx) {
  var vp = $("viewport").getBoundingClientRect();
  vb[0] += dxPx * vb[2] / vp.width; vb[1] += dyPx * vb[3] / vp.height;
  setView();
}
function reveal(g) {  // bring a node into view, centred, when it is outside
  var r = g.getBoundingClientRect(), vp = $("viewport").getBoundingClientRect();
  if (r.left >= vp.left && r.right <= vp.right && r.top >= vp.top && r.bottom <= vp.bottom) return;
  pan(r.left + r.width / 2 - (vp.left + vp.width / 2), r.top + r.height / 2 - (vp.top + vp.height / 2));
}
function wireMap() {
  var vp = $("viewport"), start = null;
  vp.addEventListener("wheel", function (e) {
    e.preventDefault();
    zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX, e.clientY);
  }, { passive: false });
  vp.addEventListener("pointerdown", function (e) {
    if (e.button !== 0) return;
    start = { x: e.clientX, y: e.clientY, id: e.pointerId, moved: false };
    dragged = false;
  });
  vp.addEventListener("pointermove", function (e) {
    if (!start || e.pointerId !== start.id) return;
    var dx = e.clientX - start.x, dy = e.clientY - start.y;
    if (!start.moved && Math.abs(dx) + Math.abs(dy) < 5) return;
    if (!start.moved) { start.moved = true; vp.setPointerCapture(e.pointerId); vp.classList.add("dragging"); }
    pan(-dx, -dy);
    start.x = e.clientX; start.y = e.clientY;
  });
  function end(e) {
    if (!start || e.pointerId !== start.id) return;
    dragged = start.moved; start = null;
    vp.classList.remove("dragging");
  }
  vp.addEventListener("pointerup", end);
  vp.addEventListener("pointercancel", end);
  vp.addEventListener("click", function (e) {
    if (dragged) { dragged = false; return; }
    var g = e.target.closest ? e.target.closest("g.node[data-id]") : null;
    if (g) select(g.getAttribute("data-id"), { from: "map" });
  });
  vp.addEventListener("focusin", function (e) {
    var g = e.target.closest ? e.target.closest("g.node[data-id]") : null;
    if (g) { reveal(g); select(g.getAttribute("data-id"), { from: "map" }); }
  });
  vp.addEventListener("keydown", function (e) {
    var step = 80, keys = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (keys[e.key]) { e.preventDefault(); pan(keys[e.key][0], keys[e.key][1]); }
    var g = e.target.closest ? e.target.closest("g.node[data-id]") : null;
    if (g && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); $("panel").focus(); }
  });
  $("zoom-in").addEventListener("click", function () { zoom(1.25); });
  $("zoom-out").addEventListener("click", function () { zoom(1 / 1.25); });
  $("zoom-fit").addEventListener("click", function () { fit(false); });
  document.addEventListener("keydown", function (e) {
    var tag = (e.target.tagName || "").toLowerCase();
    if (e.key === "Escape") { if (tag === "input" && e.target.id === "q") { setQuery(""); e.target.value = ""; } else closePanel(); return; }
    if (tag === "input" || tag === "select" || tag === "textarea" || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "+" || e.key === "=") { zoom(1.25); e.preventDefault(); }
    else if (e.key === "-" || e.key === "_") { zoom(1 / 1.25); e.preventDefault(); }
    else if (e.key === "0") { fit(false); e.preventDefault(); }
  });
  window.addEventListener("resize", function () { if (svg) fit(false); });
}

// --- date, filters, search ------------------------------------------------------------------
function look(axis, value) { return DATA.looks[axis][value]; }
function bandWords(axis, value, overdue) {
  var s = w(axis + "." + value);
  return overdue ? s + " · " + w("overdue") : s;
}
function bandText(axis, value, overdue) { return look(axis, value).glyph + " " + bandWords(axis, value, overdue); }
function applyDate() {
  var pos = state.pos;
  svg.querySelectorAll("[data-t]").forEach(function (e) {
    e.classList.toggle("gone", Number(e.getAttribute("data-t")) > pos);
  });
  svg.querySelectorAll("g.node[data-id]").forEach(function (g) {
    var st = stateAt(g.getAttribute("data-id"), pos);
    if (!st) return;
    [["said", st[1], st[3]], ["done", st[2], false]].forEach(function (a) {
      var t = g.querySelector("text.band-" + a[0]), bg = g.querySelector("polygon.band-" + a[0] + "-bg");
      var gl = g.querySelector("text.band-" + a[0] + "-glyph"), lk = look(a[0], a[1]);
      if (gl) { gl.textContent = lk.glyph; gl.setAttribute("fill", lk.text); }
      if (t) { t.textContent = gl ? " " + bandWords(a[0], a[1], a[2]) : bandText(a[0], a[1], a[2]); t.setAttribute("fill", lk.text); }
      if (bg) bg.setAttribute("fill", lk.band);
    });
  });
  var out = $("date-out");
  if (state.picked) out.textContent = w("date.asof", { date: state.picked });
  else if (pos >= LAST) out.textContent = w("date.all");
  else if (pos === 0) out.textContent = w("date.before", { date: DATES[0] });
  else out.textContent = w("date.asof", { date: DATES[pos - 1] });
  $("date-range").value = String(pos);
  $("date-pick").value = state.picked || (pos > 0 && pos < LAST ? DATES[pos - 1] : "");
}
function setPos(pos, picked) {
  state.pos = Math.max(0, Math.min(LAST, pos));
  state.picked = picked || null;
  applyDate(); applyFilters();
  if (state.selected) renderPanel(state.selected);
}
function posOf(iso) {  // the position in force on a date: the number of dates on or before it
  var lo = 0, hi = DATES.length;
  while (lo < hi) { var mid = (lo + hi) >> 1; if (DATES[mid] <= iso) lo = mid + 1; else hi = mid; }
  return lo;
}
function norm(s) { return String(s).normalize("NFKC").toLowerCase(); }
function haystack(id) {
  if (!hay) hay = {};
  if (hay[id] === undefined) {
    var parts = [id];
    (function walk(v) {
      if (v === null || v === undefined) return;
      if (typeof v === "string" || typeof v === "number") parts.push(String(v));
      else if (Array.isArray(v)) v.forEach(walk);
      else if (typeof v === "object") Object.keys(v).forEach(function (k) { walk(v[k]); });
    })(ITEMS[id].f);
    (ITEMS[id].f.by || []).forEach(function (a) { if (ITEMS[a]) { parts.push(pick(ITEMS[a].f.name, "ja"), pick(ITEMS[a].f.name, "en")); } });
    hay[id] = norm(parts.join("\n"));
  }
  return hay[id];
}
function matchStatus(id) {
  var f = state.status.split(":"), st = stateAt(id, state.pos);
  if (!st) return false;
  if (f[0] === "said") return st[1] === f[1];
  if (f[0] === "done") return st[2] === f[1];
  if (f[1] === "overdue") return st[3];
  return st[4];
}
function matches(id) {
  var it = ITEMS[id];
  if (!it) return true;
  if (state.actor && it.actors.indexOf(state.actor) < 0) return false;
  if (state.status) {
    var demands = it.kind === "demand" ? [id] : (linked[id] || []);
    if (!demands.some(matchStatus)) return false;
  }
  if (state.query && haystack(id).indexOf(state.query) < 0) return false;
  return true;
}
function applyFilters() {
  var active = state.actor || state.status || state.query, dim = {}, shown = {};
  Object.keys(byId).forEach(function (id) {
    var ok = !active || matches(id);
    if (!ok) dim[id] = true;
    byId[id].forEach(function (g) {
      g.classList.toggle("dim", !ok);
      g.classList.toggle("hit", !!state.query && ok);
      if (ok && !g.classList.contains("gone")) shown[id] = true;
    });
  });
  svg.querySelectorAll("g.edge").forEach(function (e) {
    var a = e.getAttribute("data-a"), b = e.getAttribute("data-b");
    e.classList.toggle("dim", !!active && (!a || !!dim[a] || !b || !!dim[b]));
  });
  $("shown").textContent = w("shown", { n: Object.keys(shown).length });
  renderResults();
}
function setQuery(q) { state.query = norm(q.trim()); applyFilters(); }
function renderResults() {
  var box = $("results-box"), list = $("results");
  list.replaceChildren();
  if (!state.query) { box.hidden = true; return; }
  box.hidden = false;
  var found = ORDER.filter(function (id) { return haystack(id).indexOf(state.query) >= 0 && matches(id); });
  $("results-count").textContent = found.length ? w("search.count", { n: found.length }) : w("search.none");
  found.slice(0, 80).forEach(function (id) {
    var it = ITEMS[id], li = el("li"), b = el("button", "result");
    b.type = "button";
    b.setAttribute("data-id", id);
    b.appendChild(el("span", "kind k-" + it.kind, w("kind." + it.kind)));
    b.appendChild(document.createTextNode(" " + (it.date ? dateText(it) + " " : "") + pick(textOf(id), state.lang)));
    if (!known(id, state.pos)) li.className = "later";
    b.addEventListener("click", function () { select(id, { from: "list" }); });
    li.appendChild(b); list.appendChild(li);
  });
  if (found.length > 80) list.appendChild(el("li", "muted", w("search.more", { n: found.length - 80 })));
}
