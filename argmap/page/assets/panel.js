/* argmap interactive map page, part 2 of 3: the side panel of one item.
   Quote and paraphrase are kept apart: only an item's `quote` (or a citation's) is shown as a
   quotation, in a blockquote followed by the source it is credited to; an answer's `text` is
   the writer's summary, shown as "In our words"; an answer on file only by its words is named
   by who gave it and when, never by its words out of their blockquote. */
// --- the panel ------------------------------------------------------------------------------
function refText(id) {  // how an item is named in a link or a list
  var it = ITEMS[id];
  if (it && it.kind === "response") {
    if (it.f.text) return w("our_words", { text: pick(it.f.text, state.lang) });
    return w("kind.response") + " · " + (it.f.by || []).map(nameOf).join(w("names_sep")) + " · " + dateText(id);
  }
  return pick(textOf(id), state.lang);
}
function link(id) {
  var b = el("button", "link", ITEMS[id] && ITEMS[id].kind === "actor" ? nameOf(id) : refText(id));
  b.type = "button";
  b.setAttribute("data-id", id);
  b.addEventListener("click", function () { select(id, { from: "panel" }); });
  return b;
}
function texts(parent, text, cls) {  // a text in the chosen language, then in the others
  var main = el("p", cls || "", pick(text, state.lang));
  parent.appendChild(main);
  others(text, state.lang).forEach(function (o) {
    var p = el("p", "other", o[1]);
    p.setAttribute("lang", o[0]);
    p.setAttribute("data-label", o[0].toUpperCase());
    parent.appendChild(p);
  });
}
function badge(axis, value, flag) {
  var lk = look(axis, value), b = el("span", "badge", bandText(axis, value, flag));
  b.style.background = lk.band; b.style.color = lk.text;
  return b;
}
function row(dl, key, content) {
  if (content === null || content === undefined || content === "" || (Array.isArray(content) && !content.length)) return;
  dl.appendChild(el("dt", "", w(key)));
  var dd = el("dd");
  (Array.isArray(content) ? content : [content]).forEach(function (c, i) {
    if (i) dd.appendChild(document.createTextNode(w("names_sep")));
    dd.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
  });
  dl.appendChild(dd);
}
function refs(ids) { return (ids || []).map(function (a) { return ITEMS[a] ? link(a) : a; }); }
function inlineLink(id) {  // a link that wraps with the words around it (a button is one box)
  var a = el("a", "link", refText(id));
  a.href = "#" + encodeURIComponent(id);
  a.setAttribute("data-id", id);
  a.addEventListener("click", function (e) { e.preventDefault(); select(id, { from: "panel" }); });
  return a;
}
function sourceLine(source, locator) {
  var p = el("p", "cite");
  // a no-break space: a long title wraps word by word, never leaving the dash alone on a line
  p.appendChild(document.createTextNode("—\u00a0"));
  if (source && ITEMS[source]) p.appendChild(inlineLink(source)); else if (source) p.appendChild(document.createTextNode(source));
  if (locator) p.appendChild(document.createTextNode(" " + locator));
  return p;
}
function quoteBlock(parent, quote, source, locator) {  // the source's own words, then their source
  if (quote) { var q = el("blockquote"); texts(q, quote); parent.appendChild(q); }
  if (source || locator) parent.appendChild(sourceLine(source, locator));
}
function firstCite(f) {  // where an item's own words are from: evidence's source, else its first citation
  if (f.source && ITEMS[f.source] && ITEMS[f.source].kind === "source") return [f.source, f.locator];
  var c = (f.cites || [])[0];
  return c ? [c.source, c.locator] : [null, null];
}
function section(parent, key) { parent.appendChild(el("h3", "", w(key))); }

var shownId = null;
function renderPanel(id) {
  var it = ITEMS[id], f = it.f, panel = $("panel"), pos = state.pos;
  panel.replaceChildren();
  if (shownId !== id) panel.scrollTop = 0;  // a new item starts at its top
  shownId = id;
  panel.classList.remove("empty");
  var head = el("div", "head");
  head.appendChild(el("span", "kind k-" + it.kind, w("kind." + it.kind)));
  head.appendChild(el("span", "muted", dateText(id)));
  var close = el("button", "close", "×");
  close.type = "button"; close.setAttribute("aria-label", w("panel.close")); close.title = w("panel.close");
  close.addEventListener("click", function () { closePanel(true); });
  head.appendChild(close);
  panel.appendChild(head);
  if (it.kind === "response") {  // our summary, marked as ours; else who answered and when
    panel.appendChild(el("p", "text", refText(id)));
    if (f.text) others(f.text, state.lang).forEach(function (o) {
      var p = el("p", "other", o[1]); p.setAttribute("lang", o[0]); p.setAttribute("data-label", o[0].toUpperCase());
      panel.appendChild(p);
    });
  } else texts(panel, textOf(id), "text");
  panel.querySelector(".text").tabIndex = -1;
  if (!known(id, pos)) panel.appendChild(el("p", "notice", w("panel.later")));
  if (!byId[id]) panel.appendChild(el("p", "notice", w("panel.not_drawn")));
  if (it.kind === "response") {  // one badge per value; with several, the demand each went to
    var sp = el("p"), said = it.said, vals = Object.keys(said).map(function (d) { return said[d]; });
    if (vals.every(function (v) { return v === vals[0]; })) sp.appendChild(badge("said", vals[0], false));
    else Object.keys(said).forEach(function (d) {
      var line = el("span", "said-to"); line.appendChild(badge("said", said[d], false));
      line.appendChild(document.createTextNode(" → ")); line.appendChild(ITEMS[d] ? link(d) : document.createTextNode(d));
      sp.appendChild(line);
    });
    panel.appendChild(sp);
  }
  if (it.status) {
    var st = stateAt(id, pos), sp2 = el("p");
    if (st) { sp2.appendChild(badge("said", st[1], saidFlag(id, st))); sp2.appendChild(badge("done", st[2], false));
      if (st[4]) sp2.appendChild(el("span", "badge", w("on_paper"))); }
    panel.appendChild(sp2);
  }
  var dl = el("dl");
  row(dl, "panel.by", refs(f.by || f.participants));
  if (it.kind === "demand") row(dl, "panel.to", refs(f.to));
  row(dl, "panel.date", it.date ? dateText(id) : null);
  row(dl, "panel.at", f.at ? [link(f.at)] : null);
  row(dl, "panel.deadline", f.deadline);
  if (it.kind === "actor") { row(dl, "kind.actor", f.kind); row(dl, "panel.by", f.parent ? [link(f.parent)] : null); }
  if (it.kind === "source") { row(dl, "panel.by", pick(f.author, state.lang) || pick(f.publisher, state.lang)); }
  if (f.url && /^https?:\/\//i.test(f.url)) {
    var a = el("a", "", f.url); a.href = f.url; a.rel = "noopener noreferrer external"; a.target = "_blank";
    row(dl, "panel.url", [a]);
  }
  if (f.verdict) row(dl, "panel.verdict", f.verdict.rating);
  if (f.value) {
    row(dl, "panel.figure", fmt().figures[id]);
  }
  panel.appendChild(dl);
  if (it.status) demandDetails(panel, id, it);  // a demand: its answers first, then its sources
  if (it.kind === "event") happened(panel, id);
  var own = it.kind === "evidence" && f.source ? f.source : null;  // evidence names its source
  if (f.quote) {  // the item's own words, credited to where they are from
    var from = firstCite(f);
    section(panel, "panel.quote"); quoteBlock(panel, f.quote, from[0], from[1]); own = null;
  }
  if (own || (f.cites && f.cites.length)) {
    section(panel, "panel.sources");
    if (own) panel.appendChild(sourceLine(own, f.locator));
    (f.cites || []).forEach(function (c) { quoteBlock(panel, c.quote, c.source, c.locator); });
  }
  if (f.note) { section(panel, "panel.note"); texts(panel, f.note, "note"); }
  if (f.effects && f.effects.length) {
    section(panel, "panel.effects");
    var ul = el("ul", "effects");
    f.effects.forEach(function (e) {
      var li = el("li"); li.appendChild(el("strong", "", w("effect." + e.type) + " → "));
      li.appendChild(ITEMS[e.on] ? link(e.on) : document.createTextNode(e.on));
      if (e.note) li.appendChild(el("div", "muted", pick(e.note, state.lang)));
      ul.appendChild(li);
    });
    panel.appendChild(ul);
  }
  relations(panel, id);
}
function demandDetails(panel, id, it) {
  var pos = state.pos, st = stateAt(id, pos), s = it.status;
  section(panel, "panel.answers");
  if (!s.answers.length) panel.appendChild(el("p", "muted", w("panel.no_answers")));
  var ul = el("ul", "answers");
  s.answers.forEach(function (r) {
    var a = ITEMS[r], li = el("li", known(r, pos) ? "" : "later"), top = el("div");
    top.appendChild(badge("said", a.said[id], false));
    top.appendChild(document.createTextNode((a.f.by || []).map(nameOf).join(w("names_sep")) + " · " + dateText(r) + " "));
    top.appendChild(link(r));
    li.appendChild(top);
    if (!known(r, pos)) li.appendChild(el("p", "muted", w("panel.later")));
    var c = (a.f.cites || [])[0];
    quoteBlock(li, a.f.quote || (c && c.quote), c ? c.source : null, c ? c.locator : null);
    ul.appendChild(li);
  });
  panel.appendChild(ul);
  section(panel, "panel.history");
  var now = st ? st[5] : [];
  if (!s.changes.length) { panel.appendChild(el("p", "muted", w("panel.no_history"))); return; }
  var table = el("table", "history"), body = el("tbody"), headRow = el("tr");
  ["history.date", "history.axis", "history.value", "history.item", "history.source"].forEach(function (k) {
    headRow.appendChild(el("th", "", w(k)));
  });
  var thead = el("thead"); thead.appendChild(headRow); table.appendChild(thead);
  s.changes.forEach(function (ch, i) {
    var tr = el("tr", now.indexOf(i) >= 0 ? "" : "later");
    // the date as far as it is known: the item's own, at its precision
    tr.appendChild(el("td", "", ITEMS[ch[3]] ? dateText(ch[3]) : ch[2] || w("undated")));
    tr.appendChild(el("td", "", w("axis." + ch[0])));
    var td = el("td"); td.appendChild(badge(ch[0], ch[1], false)); tr.appendChild(td);
    var who = el("td");
    if (ITEMS[ch[3]]) { var a = link(ch[3]); a.textContent = w("kind." + ITEMS[ch[3]].kind) + " · " + short(refText(ch[3]), 48); who.appendChild(a); }
    tr.appendChild(who);
    tr.appendChild(el("td", "muted", (ch[4] && ITEMS[ch[4]] ? nameOf(ch[4]) : ch[4] || "") + (ch[5] ? " " + ch[5] : "")));
    body.appendChild(tr);
  });
  table.appendChild(body);
  panel.appendChild(table);
  if (s.actions.length) {
    section(panel, "panel.actions");
    var al = el("ul", "effects");
    s.actions.forEach(function (a) { var li = el("li", known(a, pos) ? "" : "later"); li.appendChild(document.createTextNode(dateText(a) + " ")); li.appendChild(link(a)); al.appendChild(li); });
    panel.appendChild(al);
  }
}
function short(text, n) { var chars = Array.from(String(text)); return chars.length > n ? chars.slice(0, n - 1).join("") + "…" : String(text); }
function happened(panel, id) {  // an event: what was demanded, answered, done or said at it
  var at = ORDER.filter(function (o) { return ITEMS[o].f.at === id; });
  if (!at.length) return;
  section(panel, "panel.happened");
  var ul = el("ul", "effects");
  at.forEach(function (o) {
    var li = el("li", known(o, state.pos) ? "" : "later");
    li.appendChild(el("span", "kind k-" + ITEMS[o].kind, w("kind." + ITEMS[o].kind)));
    li.appendChild(document.createTextNode(" "));
    li.appendChild(link(o));
    ul.appendChild(li);
  });
  panel.appendChild(ul);
}
function relations(panel, id) {
  var found = DATA.relations[id];
  if (!found || !found.length) return;
  section(panel, "panel.relations");
  var ul = el("ul", "rels");
  found.forEach(function (r) {
    var rel = ITEMS[r[0]], li = el("li");
    var other = r[1] === "out" ? rel.f.to : rel.f.from;
    li.appendChild(el("strong", "", (r[1] === "out" ? w("rel.out") + " " : w("rel.in") + " ") + w("rel." + rel.f.type) + " "));
    (Array.isArray(other) ? other : [other]).forEach(function (o) { if (ITEMS[o]) li.appendChild(link(o)); li.appendChild(document.createTextNode(" ")); });
    ul.appendChild(li);
  });
  panel.appendChild(ul);
}
function select(id, how) {
  if (!ITEMS[id]) return;
  state.selected = id;
  svg.querySelectorAll("g.node.sel").forEach(function (g) { g.classList.remove("sel"); });
  (byId[id] || []).forEach(function (g) { g.classList.add("sel"); });
  renderPanel(id);
  markSummary();
  if (how && how.from !== "map" && how.from !== "lang" && byId[id] && !byId[id][0].classList.contains("gone")) reveal(byId[id][0], true);
  if (how && (how.from === "panel" || how.from === "list")) focusPanel();  // focus stays with the reader
}
function focusPanel() {
  var title = $("panel").querySelector(".text");
  (title || $("panel")).focus({ preventScroll: true });
}
function closePanel(returnFocus) {
  var id = state.selected;
  state.selected = null;
  shownId = null;
  if (svg) svg.querySelectorAll("g.node.sel").forEach(function (g) { g.classList.remove("sel"); });
  var panel = $("panel");
  panel.replaceChildren(el("p", "muted", w("panel.empty")));
  panel.classList.add("empty");
  markSummary();
  var node = id && byId[id] ? byId[id].filter(function (g) { return g.hasAttribute("tabindex"); })[0] : null;
  if (returnFocus === true && node) {  // back to the item the panel showed (Enter reopens it)
    refocus = true;
    node.focus({ preventScroll: true });
    refocus = false;
  }
}
