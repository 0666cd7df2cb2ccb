/* Hand-written, no dependencies: a box above each long index table (the people,
   the speakers, the organizations) that hides the rows not containing what the reader types. The
   page is whole without it: the box is added by this script, never in the HTML.
   An index split into a page per letter (generator/indexpages.py) names its list of
   every name in `data-names`: there the box finds a name on any page, reading that
   list the first time the reader types. */
(function () {
  "use strict";
  var SHOWN = 50; /* names listed at most; typing more narrows them */
  /* Letters that are no accented a to z (generator/indexpages.py has the same). */
  var LETTERS = { "ø": "o", "ł": "l", "đ": "d", "ð": "d", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ı": "i" };
  function fold(text) {
    /* "Peña" is found by "pena", "Ørsted" by "orsted": accents and case set aside. */
    return (text || "").toLowerCase().replace(/[øłđðßæœþı]/g, function (c) { return LETTERS[c]; })
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  function number(n) {
    return n.toLocaleString("en-US"); /* "2,993", as the page writes it */
  }
  function words(input) {
    return fold(input.value).split(/\s+/).filter(Boolean);
  }
  function matches(key, typed) {
    return typed.every(function (w) { return key.indexOf(w) !== -1; });
  }
  function makeBox(box, placeholder) {
    var label = document.createElement("label");
    label.className = "row-filter";
    var input = document.createElement("input");
    input.type = "search";
    input.placeholder = placeholder;
    input.setAttribute("aria-label", placeholder);
    var shown = document.createElement("span");
    shown.className = "row-filter__count";
    shown.setAttribute("aria-live", "polite");
    label.appendChild(input);
    label.appendChild(shown);
    box.insertBefore(label, box.firstChild);
    return { label: label, input: input, shown: shown };
  }
  function rowsOf(box) {
    /* Every table in the box: the organizations page has one per kind. */
    var rows = [];
    box.querySelectorAll("table").forEach(function (table) {
      Array.prototype.forEach.call(table.tBodies, function (body) {
        rows = rows.concat(Array.prototype.slice.call(body.rows));
      });
    });
    return rows;
  }
  function filterRows(box, rows) {
    var ui = makeBox(box, "Filter by name");
    var keys = rows.map(function (row) { return fold(row.cells[0].textContent); });
    ui.input.addEventListener("input", function () {
      var typed = words(ui.input);
      var n = 0;
      rows.forEach(function (row, i) {
        var hit = matches(keys[i], typed);
        row.hidden = !hit;
        if (hit) n += 1;
      });
      ui.shown.textContent = typed.length ? number(n) + " of " + number(rows.length) : "";
    });
  }
  function findNames(box, address) {
    var ui = makeBox(box, "Find anyone by name");
    var found = document.createElement("ul");
    found.className = "row-filter__found";
    found.hidden = true;
    box.insertBefore(found, ui.label.nextSibling);
    var rest = Array.prototype.filter.call(box.children, function (el) {
      return el !== ui.label && el !== found;
    });
    var list = null;
    function load() {
      if (!list) {
        var url = new URL(address, window.location.href);
        list = fetch(url).then(function (r) {
          if (!r.ok) throw new Error(r.status);
          return r.json();
        }).then(function (data) {
          return data.names.map(function (n, i) {
            return {
              name: n[0], href: n[1] && new URL(n[1], url).href, about: n[2],
              key: fold(n[0] + " " + (n[3] || "")), weight: n[4] || 0, order: i
            };
          });
        });
        list.catch(function () { list = null; }); /* a later keystroke tries again */
      }
      return list;
    }
    function show(typed, names) {
      /* The names most in the articles first (Hillary Clinton before "Team
         Clinton"), then in the index's order. */
      var hits = names.filter(function (n) { return matches(n.key, typed); })
        .sort(function (a, b) { return b.weight - a.weight || a.order - b.order; });
      found.textContent = "";
      hits.slice(0, SHOWN).forEach(function (n) {
        var li = document.createElement("li");
        var name = document.createElement(n.href ? "a" : "span");
        if (n.href) name.href = n.href;
        name.textContent = n.name; /* text, never markup */
        li.appendChild(name);
        if (n.about) {
          var about = document.createElement("span");
          about.className = "row-filter__about";
          about.textContent = n.about;
          li.appendChild(about);
        }
        found.appendChild(li);
      });
      ui.shown.textContent = hits.length > SHOWN
        ? "the first " + SHOWN + " of " + number(hits.length) + " found"
        : number(hits.length) + " of " + number(names.length);
    }
    ui.input.addEventListener("input", function () {
      var typed = words(ui.input);
      var on = typed.length > 0;
      found.hidden = !on;
      rest.forEach(function (el) { el.hidden = on; });
      if (!on) {
        ui.shown.textContent = "";
        found.textContent = "";
        return;
      }
      var asked = ui.input.value;
      load().then(function (names) {
        if (ui.input.value === asked) show(typed, names); /* not an answer to older typing */
      }, function () {
        if (ui.input.value !== asked) return;
        /* The page as it was, and why the box finds nothing. */
        found.hidden = true;
        rest.forEach(function (el) { el.hidden = false; });
        ui.shown.textContent = "The list of names could not be loaded.";
      });
    });
  }
  function setup() {
    document.querySelectorAll(".filterable").forEach(function (box) {
      if (box.querySelector(".row-filter")) return;
      if (box.dataset.names) {
        findNames(box, box.dataset.names);
        return;
      }
      var rows = rowsOf(box);
      if (rows.length) filterRows(box, rows);
    });
  }
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setup); /* Material's instant navigation */
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
