/* argmap interactive map page, part 3 of 3: language, selects, legend, and start-up. */
// --- language, selects, legend --------------------------------------------------------------
function fillWords() {
  document.querySelectorAll("[data-w]").forEach(function (e) { e.textContent = w(e.getAttribute("data-w")); });
  document.querySelectorAll("[data-wt]").forEach(function (e) {
    e.title = w(e.getAttribute("data-wt")); e.setAttribute("aria-label", w(e.getAttribute("data-wt")));
  });
  $("q").placeholder = w("search.hint");
  document.title = pick(DATA.title, state.lang);
  $("title").textContent = pick(DATA.title, state.lang);
  $("view-name").textContent = w("view." + DATA.view);
  document.querySelectorAll(".langs button").forEach(function (b) {
    b.setAttribute("aria-pressed", String(b.getAttribute("data-lang") === state.lang));
  });
}
function option(parent, value, text) { var o = el("option", "", text); o.value = value; parent.appendChild(o); return o; }
function fillSelects() {
  var actor = $("f-actor"), status = $("f-status");
  actor.replaceChildren(); status.replaceChildren();
  option(actor, "", w("actor.all"));
  DATA.actors.forEach(function (a) {
    option(actor, a[0], "\u3000".repeat(a[1]) + pick(ITEMS[a[0]].f.name, state.lang));
  });
  actor.value = state.actor;
  option(status, "", w("status.all"));
  [["said", "status.said"], ["done", "status.done"]].forEach(function (g) {
    var group = el("optgroup"); group.label = w(g[1]);
    DATA.statuses[g[0]].forEach(function (v) { option(group, g[0] + ":" + v, bandText(g[0], v, false)); });
    status.appendChild(group);
  });
  var flags = el("optgroup"); flags.label = w("status.other");
  option(flags, "flag:overdue", w("overdue")); option(flags, "flag:on_paper", w("on_paper"));
  status.appendChild(flags);
  status.value = state.status;
}
function fillLegend() {
  var box = $("legend");
  box.replaceChildren();
  [["said", "legend.said"], ["done", "legend.done"]].forEach(function (g) {
    box.appendChild(el("h3", "", w(g[1])));
    var ul = el("ul");
    DATA.statuses[g[0]].forEach(function (v) {
      var li = el("li"), s = el("span", "swatch", bandText(g[0], v, false)), lk = look(g[0], v);
      s.style.background = lk.band; s.style.color = lk.text; s.style.borderColor = lk.border;
      li.appendChild(s); ul.appendChild(li);
    });
    box.appendChild(ul);
  });
}
function renderSummary() {  // the demands page: counts, and one row per demand as of the date
  var box = $("summary");
  if (DATA.view !== "demands") { box.hidden = true; return; }
  var said = {}, done = {}, n = 0, body = $("summary-table").tBodies[0], pos = state.pos;
  var demands = ORDER.filter(function (id) { return ITEMS[id].kind === "demand" && stateAt(id, pos); });
  demands.sort(function (a, b) { return (ITEMS[a].date || "9999") < (ITEMS[b].date || "9999") ? -1 : (ITEMS[a].date || "9999") > (ITEMS[b].date || "9999") ? 1 : 0; });
  body.replaceChildren();
  demands.forEach(function (id) {
    var st = stateAt(id, pos), it = ITEMS[id], tr = el("tr");
    said[st[1]] = (said[st[1]] || 0) + 1; done[st[2]] = (done[st[2]] || 0) + 1; n++;
    tr.setAttribute("data-id", id);
    tr.appendChild(el("td", "", dateText(id)));
    var td = el("td"), b = link(id);
    b.addEventListener("click", function () { select(id, { from: "summary" }); });
    td.appendChild(b); tr.appendChild(td);
    tr.appendChild(el("td", "", (it.f.to || []).map(nameOf).join(w("names_sep"))));
    [["said", st[1], saidFlag(id, st)], ["done", st[2], false]].forEach(function (a) {
      var c = el("td", "st", bandText(a[0], a[1], a[2])), lk = look(a[0], a[1]);
      c.style.background = lk.band; c.style.color = lk.text; tr.appendChild(c);
    });
    body.appendChild(tr);
  });
  var head = $("summary-head");
  head.replaceChildren(el("strong", "", w("summary.demands", { n: n })));
  [["said", said, "summary.said"], ["done", done, "summary.done"]].forEach(function (a) {
    var span = el("span", "count");
    span.appendChild(el("strong", "", w(a[2]) + w("colon").trim()));
    span.appendChild(document.createTextNode((w("colon").trim() === ":" ? " " : "") + DATA.statuses[a[0]].filter(function (v) { return a[1][v]; })
      .map(function (v) { return a[1][v] + " " + bandText(a[0], v, false); }).join(" · ")));
    head.appendChild(span);
  });
  box.hidden = false;
  markSummary();
}
function markSummary() {
  document.querySelectorAll("#summary-table tr[data-id]").forEach(function (tr) {
    tr.classList.toggle("sel", tr.getAttribute("data-id") === state.selected);
  });
}
function setLang(lang) {
  state.lang = lang;
  document.documentElement.lang = lang;
  fillWords(); fillSelects(); fillLegend(); renderSummary();
  loadMap(lang); applyDate(); applyFilters();
  if (state.selected) { select(state.selected, { from: "lang" }); } else closePanel();
}

// --- start ----------------------------------------------------------------------------------
ORDER.forEach(function (id) {
  var s = ITEMS[id].status;
  if (s) s.answers.concat(s.actions).forEach(function (o) { (linked[o] = linked[o] || []).push(id); });
});
document.querySelectorAll(".langs button").forEach(function (b) {
  b.addEventListener("click", function () { setLang(b.getAttribute("data-lang")); });
});
$("q").addEventListener("input", function (e) { setQuery(e.target.value); });
$("date-range").addEventListener("input", function (e) { setPos(Number(e.target.value)); });
$("date-prev").addEventListener("click", function () { setPos(state.pos - 1); });
$("date-next").addEventListener("click", function () { setPos(state.pos + 1); });
$("date-latest").addEventListener("click", function () { setPos(LAST); });
$("date-pick").addEventListener("change", function (e) {
  var v = e.target.value;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) setPos(posOf(v), v); else setPos(LAST);
});
$("f-actor").addEventListener("change", function (e) { state.actor = e.target.value; applyFilters(); zoomToMatches(); });
$("f-status").addEventListener("change", function (e) { state.status = e.target.value; applyFilters(); zoomToMatches(); });
$("drawer-btn").addEventListener("click", function () { drawer(!$("side").classList.contains("open")); });
$("drawer-close").addEventListener("click", function () { drawer(false); });
$("scrim").addEventListener("click", function () { drawer(false); });
if (window.matchMedia && window.matchMedia("(max-width: 700px)").matches) $("summary-box").open = false;
$("reset").addEventListener("click", function () {
  state.actor = ""; state.status = ""; $("q").value = ""; state.query = "";
  $("f-actor").value = ""; $("f-status").value = ""; setPos(LAST);
});
wireMap();
setLang(state.lang);
document.documentElement.setAttribute("data-ready", "1");
