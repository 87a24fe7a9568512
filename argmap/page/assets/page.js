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
function pick(text, lang, order) {  // order: the keys to try (argmap.lang matched them)
  if (text === undefined || text === null) return "";
  if (typeof text === "string") return text;
  order = (order || DATA.keys[lang] || []).concat([lang], DATA.fallback);
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
  var s = pick(DATA.words[key] || key, state.lang, DATA.wordKeys[state.lang]);
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
function fmt() { return DATA.fmt[state.lang] || DATA.fmt[DATA.lang]; }  // dates, figures in words
function dateText(id) {  // an item's date as the language writes it, at its precision
  var it = ITEMS[id];
  return it && it.date ? fmt().items[id] || it.date : w("undated");
}
function dateAt(pos) { return fmt().dates[pos - 1] || DATES[pos - 1]; }
function stateAt(id, pos) {
  var it = ITEMS[id], found = null;
  if (!it || !it.status) return null;
  var rows = it.status.states;
  for (var i = 0; i < rows.length && rows[i][0] <= pos; i++) found = rows[i];
  return found;
}
function known(id, pos) { return ITEMS[id] && ITEMS[id].first <= pos; }

// --- the map: loading, pan and zoom ---------------------------------------------------------
// The view is a viewBox over the map's units (points). Its scale is CSS px per unit; "legible"
// is the scale at which the map's body text is 11 CSS px (never less than 9 at any font).
var legible = 1, scale = 1, pointing = false, refocus = false;

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
  var keep = svg && vb ? { scale: scale, x: vb[0] + vb[2] / 2, y: vb[1] + vb[3] / 2 } : null;
  if (svg !== maps[lang]) viewport.replaceChildren(maps[lang]);
  svg = maps[lang];
  svg.setAttribute("preserveAspectRatio", "xMinYMin meet");
  byId = {};
  svg.querySelectorAll("g.node[data-id]").forEach(function (g) {
    (byId[g.getAttribute("data-id")] = byId[g.getAttribute("data-id")] || []).push(g);
  });
  legible = 11 / bodySize();
  if (!svg.querySelector(".lane-band")) findLanes();
  else lanes = { heads: svg.querySelectorAll("g.node[data-lane]"), band: svg.querySelector(".lane-band"),
                 top: Number(svg.querySelector(".lane-band").getAttribute("data-top")) };
  if (keep) show(keep.scale, keep.x, keep.y); else fit(true);  // a new language keeps the place
}
function bodySize() {  // the font size most of the map's text is set in, in map units
  var count = {}, best = null;
  svg.querySelectorAll("g.node text").forEach(function (t) {
    var size = t.getAttribute("font-size");
    if (size) count[size] = (count[size] || 0) + (t.textContent || "").length;
  });
  Object.keys(count).forEach(function (k) { if (best === null || count[k] > count[best]) best = k; });
  return best ? Number(best) : 11;
}
function box() { return svg.getAttribute("data-box").split(" ").map(Number); }
function area() { var vp = $("viewport"); return [vp.clientWidth || 800, vp.clientHeight || 600]; }
function setView() {
  scale = area()[0] / vb[2];
  svg.setAttribute("viewBox", vb.map(function (v) { return v.toFixed(2); }).join(" "));
  stickLanes();
}
// The timeline's lane headings stay at the top of the view as it scrolls down (on a white
// band, so that they read over what passes under them), as a table's header row would.
var lanes = null;
function findLanes() {
  lanes = null;
  var heads = svg.querySelectorAll("g.node[data-lane]");
  if (!heads.length) return;
  var graph = heads[0].parentNode, moved = graph.transform.baseVal.consolidate();
  var tx = moved ? moved.matrix.e : 0, ty = moved ? moved.matrix.f : 0;  // graph -> map units
  var top = Infinity, bottom = -Infinity, d = box();
  heads.forEach(function (g) {
    var b = g.getBBox();
    top = Math.min(top, b.y); bottom = Math.max(bottom, b.y + b.height);
  });
  var band = document.createElementNS("http://www.w3.org/2000/svg", "rect");
  band.setAttribute("class", "lane-band");
  band.setAttribute("x", String(d[0] - tx));
  band.setAttribute("width", String(d[2]));
  band.setAttribute("y", String(top - 4));
  band.setAttribute("height", String(bottom - top + 8));
  band.setAttribute("fill", "#ffffff");
  band.setAttribute("fill-opacity", "0.94");
  band.setAttribute("data-top", String(top - 4 + ty));
  band.setAttribute("visibility", "hidden");
  graph.appendChild(band);  // drawn last, over what scrolls under them
  heads.forEach(function (g) { graph.appendChild(g); });
  lanes = { heads: heads, band: band, top: top - 4 + ty };
}
function stickLanes() {
  if (!lanes) return;
  var dy = Math.max(0, vb[1] - lanes.top);
  var t = dy ? "translate(0 " + dy.toFixed(2) + ")" : "";
  lanes.heads.forEach(function (g) { if (t) g.setAttribute("transform", t); else g.removeAttribute("transform"); });
  if (t) lanes.band.setAttribute("transform", t); else lanes.band.removeAttribute("transform");
  lanes.band.setAttribute("visibility", dy ? "visible" : "hidden");
}
function show(s, cx, cy) {  // the view at scale s, centred on (cx, cy) in map units
  var a = area();
  vb = [cx - a[0] / s / 2, cy - a[1] / s / 2, a[0] / s, a[1] / s];
  setView();
}
function showFrom(s, x, y) {  // the view at scale s, its top left at (x, y)
  var a = area();
  vb = [x, y, a[0] / s, a[1] / s];
  setView();
}
function mainNode() {  // the first main position drawn, where a wide argument map opens
  for (var i = 0; i < ORDER.length; i++) {
    var it = ITEMS[ORDER[i]];
    if (it.f.main && byId[ORDER[i]]) return byId[ORDER[i]][0];
  }
  return null;
}
function fit(initial) {
  // Whole when it reads whole; else at the map's width from the top when that reads; else at
  // a legible size, on the main position (arguments) or from the top left (the others).
  var b = box(), a = area(), whole = Math.min(a[0] / b[2], a[1] / b[3]), wide = a[0] / b[2];
  if (!initial || whole >= legible) { show(whole, b[0] + b[2] / 2, b[1] + b[3] / 2); return; }
  if (wide >= legible) { showFrom(Math.min(wide, 1.5 * legible), b[0], b[1]); return; }
  var main = DATA.view === "arguments" ? mainNode() : null;
  showFrom(legible, b[0], b[1]);
  if (main) { var m = unitBox(main); show(legible, (m[0] + m[2]) / 2, (m[1] + m[3]) / 2); }
}
function unitBox(el) {  // an element's box in map units: [x0, y0, x1, y1]
  var r = el.getBoundingClientRect(), vp = $("viewport").getBoundingClientRect();
  var k = vb[2] / (vp.width || 1);
  return [vb[0] + (r.left - vp.left) * k, vb[1] + (r.top - vp.top) * k,
          vb[0] + (r.right - vp.left) * k, vb[1] + (r.bottom - vp.top) * k];
}
function zoomToBoxes(boxes) {
  // Show these boxes: all of them when they read together, else the first at a legible size.
  if (!boxes.length) return;
  var u = [Infinity, Infinity, -Infinity, -Infinity];
  boxes.forEach(function (b) { u = [Math.min(u[0], b[0]), Math.min(u[1], b[1]), Math.max(u[2], b[2]), Math.max(u[3], b[3])]; });
  var a = area(), pad = 24 / legible;
  var s = Math.min(a[0] / (u[2] - u[0] + 2 * pad), a[1] / (u[3] - u[1] + 2 * pad), 1.5 * legible);
  if (s < 0.75 * legible) { u = boxes[0]; s = Math.min(legible * 1.2, a[0] / (u[2] - u[0] + 2 * pad)); }
  show(s, (u[0] + u[2]) / 2, (u[1] + u[3]) / 2);
}
function zoom(factor, cx, cy) {
  var vp = $("viewport").getBoundingClientRect();
  if (cx === undefined) { cx = vp.left + vp.width / 2; cy = vp.top + vp.height / 2; }
  var next = vp.width / vb[2] * factor;
  if (next < 0.02 || next > 12) return;
  var ux = vb[0] + (cx - vp.left) / vp.width * vb[2], uy = vb[1] + (cy - vp.top) / vp.height * vb[3];
  vb = [ux - (ux - vb[0]) / factor, uy - (uy - vb[1]) / factor, vb[2] / factor, vb[3] / factor];
  setView();
}
function pan(dxPx, dyPx) {
  var vp = $("viewport").getBoundingClientRect();
  vb[0] += dxPx * vb[2] / vp.width; vb[1] += dyPx * vb[3] / vp.height;
  setView();
}
function reveal(g, legibly) {  // bring a node into view, centred (and legible when asked)
  var r = g.getBoundingClientRect(), vp = $("viewport").getBoundingClientRect();
  if (legibly && scale < 0.9 * legible) { var b = unitBox(g); show(legible, (b[0] + b[2]) / 2, (b[1] + b[3]) / 2); return; }
  if (r.left >= vp.left && r.right <= vp.right && r.top >= vp.top && r.bottom <= vp.bottom) return;
  pan(r.left + r.width / 2 - (vp.left + vp.width / 2), r.top + r.height / 2 - (vp.top + vp.height / 2));
}
function wireMap() {
  var vp = $("viewport"), start = null, touches = {}, pinch = null, lastTap = null, kind = "mouse";
  function two() {  // the two touching fingers: their distance and midpoint
    var p = Object.keys(touches).map(function (k) { return touches[k]; });
    return { d: Math.hypot(p[0].x - p[1].x, p[0].y - p[1].y) || 1, x: (p[0].x + p[1].x) / 2, y: (p[0].y + p[1].y) / 2 };
  }
  vp.addEventListener("wheel", function (e) {
    e.preventDefault();
    zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX, e.clientY);
  }, { passive: false });
  vp.addEventListener("pointerdown", function (e) {
    kind = e.pointerType;
    if (e.pointerType === "mouse" && e.button !== 0) return;
    pointing = true;  // a focus that follows is the pointer's: the click decides what opens
    touches[e.pointerId] = { x: e.clientX, y: e.clientY };
    if (Object.keys(touches).length === 2) { pinch = two(); start = null; dragged = true; return; }
    start = { x: e.clientX, y: e.clientY, x0: e.clientX, y0: e.clientY, id: e.pointerId, moved: false };
    dragged = false;
  });
  vp.addEventListener("pointermove", function (e) {
    if (touches[e.pointerId]) touches[e.pointerId] = { x: e.clientX, y: e.clientY };
    if (pinch && Object.keys(touches).length === 2) {  // pinch: zoom about the fingers, and follow them
      var now = two();
      zoom(now.d / pinch.d, now.x, now.y);
      pan(pinch.x - now.x, pinch.y - now.y);
      pinch = now;
      return;
    }
    if (!start || e.pointerId !== start.id) return;
    var dx = e.clientX - start.x, dy = e.clientY - start.y;
    if (!start.moved && Math.abs(e.clientX - start.x0) + Math.abs(e.clientY - start.y0) < 6) return;
    if (!start.moved) { start.moved = true; vp.setPointerCapture(e.pointerId); vp.classList.add("dragging"); }
    pan(-dx, -dy);
    start.x = e.clientX; start.y = e.clientY;
  });
  function end(e) {
    delete touches[e.pointerId];
    if (Object.keys(touches).length < 2) pinch = null;
    setTimeout(function () { pointing = false; }, 0);
    if (!start || e.pointerId !== start.id) return;
    dragged = dragged || start.moved;
    if (e.pointerType !== "mouse" && !start.moved && e.type === "pointerup") {  // double tap: zoom in
      var t = Date.now();
      if (lastTap && t - lastTap.t < 350 && Math.abs(e.clientX - lastTap.x) + Math.abs(e.clientY - lastTap.y) < 30) {
        zoom(2, e.clientX, e.clientY); lastTap = null; dragged = true;
      } else lastTap = { t: t, x: e.clientX, y: e.clientY };
    }
    start = null;
    vp.classList.remove("dragging");
  }
  vp.addEventListener("pointerup", end);
  vp.addEventListener("pointercancel", end);
  vp.addEventListener("click", function (e) {
    if (dragged) { dragged = false; return; }
    var g = e.target.closest ? e.target.closest("g.node[data-id]") : null;
    if (g) select(g.getAttribute("data-id"), { from: "map" });
  });
  vp.addEventListener("dblclick", function (e) {  // a mouse's (a finger's is handled above)
    if (kind !== "mouse" || (e.target.closest && e.target.closest("g.node[data-id]"))) return;
    zoom(1.6, e.clientX, e.clientY);
  });
  vp.addEventListener("focusin", function (e) {
    var g = e.target.closest ? e.target.closest("g.node[data-id]") : null;
    if (!g || pointing || refocus) return;  // a click opens on click; a returning focus opens nothing
    reveal(g, true); select(g.getAttribute("data-id"), { from: "map" });
  });
  vp.addEventListener("keydown", function (e) {
    var step = 80, keys = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (keys[e.key]) { e.preventDefault(); pan(keys[e.key][0], keys[e.key][1]); }
    var g = e.target.closest ? e.target.closest("g.node[data-id]") : null;
    if (g && (e.key === "Enter" || e.key === " ")) {  // open (or reopen) the panel and go into it
      e.preventDefault();
      if (state.selected !== g.getAttribute("data-id")) select(g.getAttribute("data-id"), { from: "map" });
      focusPanel();
    }
  });
  $("zoom-in").addEventListener("click", function () { zoom(1.25); });
  $("zoom-out").addEventListener("click", function () { zoom(1 / 1.25); });
  $("zoom-fit").addEventListener("click", function () { fit(false); });
  document.addEventListener("keydown", function (e) {
    var tag = (e.target.tagName || "").toLowerCase();
    if (e.key === "Escape") {
      if (tag === "input" && e.target.id === "q") { setQuery(""); e.target.value = ""; }
      else if ($("side").classList.contains("open")) drawer(false);
      else closePanel(true);
      return;
    }
    if (tag === "input" || tag === "select" || tag === "textarea" || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "+" || e.key === "=") { zoom(1.25); e.preventDefault(); }
    else if (e.key === "-" || e.key === "_") { zoom(1 / 1.25); e.preventDefault(); }
    else if (e.key === "0") { fit(false); e.preventDefault(); }
  });
  var size = area().join("x");
  function resized() {  // keep the place: same centre, same scale
    if (!svg || !vb || area().join("x") === size) return;
    size = area().join("x");
    show(scale, vb[0] + vb[2] / 2, vb[1] + vb[3] / 2);
  }
  window.addEventListener("resize", resized);
  if (window.ResizeObserver) new ResizeObserver(resized).observe(vp);
}
function drawer(open) {
  $("side").classList.toggle("open", open);
  $("scrim").hidden = !open;
  $("drawer-btn").setAttribute("aria-expanded", String(open));
  if (open) $("drawer-close").focus(); else if (document.activeElement && $("side").contains(document.activeElement)) $("drawer-btn").focus();
}

// --- date, filters, search ------------------------------------------------------------------
function look(axis, value) { return DATA.looks[axis][value]; }
function bandWords(axis, value, flag) {  // flag: true or "overdue", "not_due", or none
  var s = w(axis + "." + value);
  return flag ? s + " · " + w(flag === true ? "overdue" : flag) : s;
}
function saidFlag(id, st) {  // what follows a demand's said word: overdue, or no answer due
  if (st[3]) return "overdue";
  return ITEMS[id] && ITEMS[id].not_due && st[1] === "no_response" ? "not_due" : false;
}
function bandText(axis, value, flag) { return look(axis, value).glyph + " " + bandWords(axis, value, flag); }
function applyDate() {
  var pos = state.pos;
  svg.querySelectorAll("[data-t]").forEach(function (e) {
    e.classList.toggle("gone", Number(e.getAttribute("data-t")) > pos);
  });
  svg.querySelectorAll("g.node[data-id]").forEach(function (g) {
    var st = stateAt(g.getAttribute("data-id"), pos);
    if (!st) return;
    border(g, look("said", st[1]));
    [["said", st[1], saidFlag(g.getAttribute("data-id"), st)], ["done", st[2], false]].forEach(function (a) {
      var t = g.querySelector("text.band-" + a[0]), bg = g.querySelector("polygon.band-" + a[0] + "-bg");
      var gl = g.querySelector("text.band-" + a[0] + "-glyph"), lk = look(a[0], a[1]);
      if (gl) { gl.textContent = lk.glyph; gl.setAttribute("fill", lk.text); }
      if (t) { t.textContent = gl ? " " + bandWords(a[0], a[1], a[2]) : bandText(a[0], a[1], a[2]); t.setAttribute("fill", lk.text); }
      if (bg) bg.setAttribute("fill", lk.band);
    });
  });
  var out = $("date-out");
  if (state.picked) out.textContent = w("as_of", { date: state.picked });
  else if (pos >= LAST) out.textContent = w("date.all");
  else if (pos === 0) out.textContent = w("date.before", { date: dateAt(1) });
  else out.textContent = w("as_of", { date: dateAt(pos) });
  $("date-range").value = String(pos);
  $("date-pick").value = state.picked || (pos > 0 && pos < LAST ? DATES[pos - 1] : "");
  renderSummary();
}
function border(g, lk) {  // a demand's border as its answer on the date says (double when none)
  var b = g.querySelector("polygon.border"), outer = g.querySelector("polygon.border-outer");
  if (!b) return;
  [b, outer].forEach(function (p) {
    if (!p) return;
    p.setAttribute("stroke", lk.border); p.setAttribute("stroke-width", String(lk.width));
    if (lk.dashed) p.setAttribute("stroke-dasharray", "5,2"); else p.removeAttribute("stroke-dasharray");
  });
  b.setAttribute("fill", lk.fill);
  if (lk.double && !outer) {  // the second ring: the border's box, 4 units further out
    var xs = [], ys = [];
    b.getAttribute("points").trim().split(/\s+/).forEach(function (pt) { var v = pt.split(","); xs.push(+v[0]); ys.push(+v[1]); });
    var x0 = Math.min.apply(null, xs) - 4, x1 = Math.max.apply(null, xs) + 4, y0 = Math.min.apply(null, ys) - 4, y1 = Math.max.apply(null, ys) + 4;
    outer = b.cloneNode(false);
    outer.setAttribute("class", "border-outer"); outer.setAttribute("fill", "none");
    outer.setAttribute("points", [[x1, y0], [x0, y0], [x0, y1], [x1, y1], [x1, y0]].map(function (p) { return p.join(","); }).join(" "));
    b.parentNode.insertBefore(outer, b.nextSibling);
    border(g, lk);
  }
  if (outer) outer.style.display = lk.double ? "" : "none";
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
    (ITEMS[id].f.by || []).forEach(function (a) {  // who, in every language
      var n = ITEMS[a] && ITEMS[a].f.name;
      if (n) parts.push(typeof n === "string" ? n : Object.keys(n).map(function (k) { return n[k]; }).join("\n"));
    });
    // dates and figures as every language writes them: "1823万" finds what "18,233,942" finds
    Object.keys(DATA.fmt).forEach(function (l) { parts.push(DATA.fmt[l].items[id] || "", DATA.fmt[l].figures[id] || ""); });
    // status names in every language: "回答なし" finds what "No answer" finds
    var st = ITEMS[id].status ? ITEMS[id].status.states[ITEMS[id].status.states.length - 1] : null;
    var said = ITEMS[id].f.said, pairs = [["said", st && st[1]], ["done", st && st[2]]];
    // an answer's said, one value or one per demand
    (said && typeof said === "object" ? Object.keys(said).map(function (k) { return said[k]; }) : [said])
      .forEach(function (v) { pairs.push(["said", v]); });
    pairs.forEach(function (a) {
      var words = a[1] && DATA.words[a[0] + "." + a[1]];
      if (words) Object.keys(words).forEach(function (k) { parts.push(words[k]); });
    });
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
var zoomTimer = null;
function zoomToMatches() {  // after a search or a filter: show what matches
  if (!(state.actor || state.status || state.query)) return;
  var boxes = [];
  svg.querySelectorAll("g.node[data-id]:not(.dim):not(.gone)").forEach(function (g) { boxes.push(unitBox(g)); });
  zoomToBoxes(boxes);
}
function setQuery(q) {
  state.query = norm(q.trim()); applyFilters();
  clearTimeout(zoomTimer); zoomTimer = setTimeout(zoomToMatches, 300);
}
function renderResults() {
  var box = $("results-box"), list = $("results");
  list.replaceChildren();
  if (!state.query) { box.hidden = true; return; }
  box.hidden = false;
  var rank = { demand: 0, response: 1, action: 2, claim: 3, evidence: 4, event: 5, source: 6, actor: 7, relation: 8 };
  var found = ORDER.filter(function (id) { return haystack(id).indexOf(state.query) >= 0 && matches(id); });
  found = found.map(function (id, i) { return [rank[ITEMS[id].kind] === undefined ? 9 : rank[ITEMS[id].kind], i, id]; })
    .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; }).map(function (r) { return r[2]; });  // what the map shows first
  $("results-count").textContent = found.length ? w("search.count", { n: found.length }) : w("search.none");
  found.slice(0, 80).forEach(function (id) {
    var it = ITEMS[id], li = el("li"), b = el("button", "result");
    b.type = "button";
    b.setAttribute("data-id", id);
    b.appendChild(el("span", "kind k-" + it.kind, w("kind." + it.kind)));
    // each item as the panel refers to it (refText): an answer by our summary, marked as ours,
    // or by who gave it and when, never by its quoted words without their quotation marks
    var words = it.kind === "relation"  // a relation reads as what it joins, not as its id
      ? w("rel." + it.f.type) + ": " + [].concat(it.f.from).map(function (x) { return short(refText(x), 40); }).join(" + ")
        + " → " + short(refText(it.f.to), 40)
      : it.kind === "response" && !it.f.text  // kind and date are already on the line
        ? (it.f.by || []).map(nameOf).join(w("names_sep"))
        : refText(id);
    b.appendChild(document.createTextNode(" " + (it.date ? dateText(id) + " " : "") + words));
    if (!known(id, state.pos)) li.className = "later";
    b.addEventListener("click", function () { select(id, { from: "list" }); });
    li.appendChild(b); list.appendChild(li);
  });
  if (found.length > 80) list.appendChild(el("li", "muted", w("search.more", { n: found.length - 80 })));
}
