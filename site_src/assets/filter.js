/* Hand-written, no dependencies: a box above each long index table (the people,
   the speakers, the organizations) that hides the rows not containing what the reader types. The
   page is whole without it: the box is added by this script, never in the HTML. */
(function () {
  "use strict";
  function fold(text) {
    /* "Peña" is found by "pena": accents and case set aside. */
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function setup() {
    document.querySelectorAll(".filterable").forEach(function (box) {
      if (box.querySelector(".row-filter")) return;
      /* Every table in the box: the organizations page has one per kind. */
      var rows = [];
      box.querySelectorAll("table").forEach(function (table) {
        Array.prototype.forEach.call(table.tBodies, function (body) {
          rows = rows.concat(Array.prototype.slice.call(body.rows));
        });
      });
      if (!rows.length) return;
      var keys = rows.map(function (row) { return fold(row.cells[0].textContent); });
      var label = document.createElement("label");
      label.className = "row-filter";
      var input = document.createElement("input");
      input.type = "search";
      input.placeholder = "Filter by name";
      input.setAttribute("aria-label", "Filter the table by name");
      var shown = document.createElement("span");
      shown.className = "row-filter__count";
      shown.setAttribute("aria-live", "polite");
      label.appendChild(input);
      label.appendChild(shown);
      box.insertBefore(label, box.firstChild);
      input.addEventListener("input", function () {
        var words = fold(input.value).split(/\s+/).filter(Boolean);
        var n = 0;
        rows.forEach(function (row, i) {
          var hit = words.every(function (w) { return keys[i].indexOf(w) !== -1; });
          row.hidden = !hit;
          if (hit) n += 1;
        });
        shown.textContent = words.length ? n + " of " + rows.length : "";
      });
    });
  }
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setup); /* Material's instant navigation */
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
