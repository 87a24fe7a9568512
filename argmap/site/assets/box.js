/* argmap tracker site, part 1 (every page): the search box sends its words to search.html
 * (#q=...); on the search page, part 2 (search.js) runs the search itself. argmap.site.html runs
 * the parts as one strict-mode function body. */
var root = document.body.getAttribute("data-root") || "";
var form = document.getElementById("find");
var box = document.getElementById("q");
var block = document.getElementById("site-index");

if (form) {
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var q = box.value.trim();
    if (block) { show(q, true); return; }  // show: part 2, on the search page only
    location.href = root + "search.html" + (q ? "#q=" + encodeURIComponent(q) : "");
  });
}
if (!block) document.documentElement.setAttribute("data-ready", "1");
