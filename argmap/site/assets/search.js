/* argmap tracker site, part 2 (search.html): the search. The page holds the index of every
 * case in the JSON block #site-index, written by argmap.site.search; each entry is
 * [kind, path, title, context, said, haystack]. A query matches an entry whose haystack holds every
 * word of it (both folded the same way: NFKC, lower case). Dossier text reaches the page only
 * through textContent, never as markup. */

function fold(s) { return s.normalize("NFKC").toLowerCase().split(/\s+/).filter(Boolean).join(" "); }
function queryOf() {
  var h = location.hash;
  if (h.indexOf("#q=") === 0) { try { return decodeURIComponent(h.slice(3)); } catch (e) { return ""; } }
  return "";
}
function el(tag, cls, text) {
  var e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

var DATA = JSON.parse(block.textContent), W = DATA.words, ENTRIES = DATA.entries, LIMIT = 200;
var list = document.getElementById("results"), status = document.getElementById("search-status");
function w(key, n) { return (W[key] || key).split("{n}").join(n); }

function show(q, remember) {
  var folded = fold(q), terms = folded.split(" ").filter(Boolean), found = 0, i, j, e, ok;
  if (remember) history.replaceState(null, "", q ? "#q=" + encodeURIComponent(q) : location.pathname);
  list.replaceChildren();
  if (folded.length < 2) { status.textContent = w("search.empty"); return; }
  var frag = document.createDocumentFragment();
  for (i = 0; i < ENTRIES.length; i++) {
    e = ENTRIES[i]; ok = true;
    for (j = 0; j < terms.length; j++) { if (e[5].indexOf(terms[j]) < 0) { ok = false; break; } }
    if (!ok) continue;
    found++;
    if (found > LIMIT) continue;
    var li = el("li", "result result-" + e[0]), a = el("a", "", e[2]);
    a.href = root + e[1];
    li.appendChild(el("span", "kind", w("kind." + e[0])));
    li.appendChild(a);
    if (e[4]) li.appendChild(el("span", "badge said-" + e[4], DATA.glyphs[e[4]] + " " + w("said." + e[4])));
    if (e[3]) li.appendChild(el("span", "ctx", e[3]));
    frag.appendChild(li);
  }
  list.appendChild(frag);
  status.textContent = found ? w("search.count", found.toLocaleString()) +
    (found > LIMIT ? " — " + w("search.shown", LIMIT) : "") : w("search.none");
}

var timer = null;
box.addEventListener("input", function () {
  clearTimeout(timer);
  timer = setTimeout(function () { show(box.value, true); }, 120);
});
window.addEventListener("hashchange", function () { var q = queryOf(); box.value = q; show(q, false); });
box.value = queryOf();
show(box.value, false);
box.focus();
document.documentElement.setAttribute("data-ready", "1");
