// Search with Pagefind (https://pagefind.app), bundled with the site at build time.
// Nothing is fetched until the reader opens the search: then Pagefind's UI script
// and stylesheet, and only the pieces of the index that the words typed need.
(function () {
  "use strict";
  var toggle = document.getElementById("__search");
  var box = document.querySelector(".explainer-search__box");
  if (!toggle || !box) return;
  // An absolute URL: Pagefind imports its modules from it ("pagefind/" alone would
  // read as a package name).
  var base = new URL(box.getAttribute("data-bundle"), document.baseURI).href;
  var ready = null;

  function load() {
    if (ready) return ready;
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = base + "pagefind-ui.css";
    document.head.appendChild(css);
    ready = new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = base + "pagefind-ui.js";
      script.onload = function () {
        /* global PagefindUI */
        new PagefindUI({
          element: box,
          bundlePath: base,
          showImages: false,
          showSubResults: true,
          resetStyles: false,
        });
        resolve();
      };
      script.onerror = reject;
      document.head.appendChild(script);
    });
    return ready;
  }

  function focus() {
    load().then(function () {
      var input = box.querySelector("input");
      if (input) input.focus();
    });
  }

  toggle.addEventListener("change", function () {
    if (toggle.checked) focus();
  });
  document.addEventListener("keydown", function (e) {
    var typing = /^(input|textarea|select)$/i.test((document.activeElement || {}).tagName || "");
    if (!typing && (e.key === "/" || e.key === "s" || e.key === "f") && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      toggle.checked = true;
      focus();
    } else if (e.key === "Escape" && toggle.checked) {
      toggle.checked = false;
    }
  });
})();
