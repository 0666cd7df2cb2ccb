/* Hand-written, no dependencies: click a column heading of a long table to sort
   it; click again to reverse. Tables of fewer than 8 rows are left alone. */
(function () {
  "use strict";
  function key(cell) {
    var time = cell.querySelector("time[datetime]");
    if (time) return time.getAttribute("datetime");
    var text = (cell.textContent || "").trim();
    var num = parseFloat(text.replace(/,/g, ""));
    return /^-?[\d,.]+$/.test(text) && !isNaN(num) ? num : text.toLowerCase();
  }
  function sortBy(table, index, th) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var descending = th.getAttribute("aria-sort") === "ascending";
    rows.sort(function (a, b) {
      var x = key(a.cells[index]), y = key(b.cells[index]);
      var order = x < y ? -1 : x > y ? 1 : 0;
      return descending ? -order : order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) {
      c.removeAttribute("aria-sort");
    });
    th.setAttribute("aria-sort", descending ? "descending" : "ascending");
  }
  function setup() {
    document.querySelectorAll(".md-typeset table").forEach(function (table) {
      if (!table.tHead || !table.tBodies[0] || table.tBodies[0].rows.length < 8) return;
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "sort-button";
        button.textContent = th.textContent;
        button.title = "Sort by " + th.textContent;
        th.textContent = "";
        th.appendChild(button);
        button.addEventListener("click", function () { sortBy(table, index, th); });
      });
    });
  }
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setup); /* Material's instant navigation */
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
