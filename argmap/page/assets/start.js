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
function setLang(lang) {
  state.lang = lang;
  document.documentElement.lang = lang;
  fillWords(); fillSelects(); fillLegend();
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
$("f-actor").addEventListener("change", function (e) { state.actor = e.target.value; applyFilters(); });
$("f-status").addEventListener("change", function (e) { state.status = e.target.value; applyFilters(); });
$("reset").addEventListener("click", function () {
  state.actor = ""; state.status = ""; $("q").value = ""; state.query = "";
  $("f-actor").value = ""; $("f-status").value = ""; setPos(LAST);
});
wireMap();
setLang(state.lang);
document.documentElement.setAttribute("data-ready", "1");
