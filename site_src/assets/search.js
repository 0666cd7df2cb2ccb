// Search with Pagefind (https://pagefind.app), bundled with the site at build time.
// Nothing is fetched until the reader opens the search: then Pagefind's UI script
// and stylesheet, the list of the index's shards (generator/pagefind_hook.py), each
// shard's small entry, and only the pieces of the index that the words typed need.
(function () {
  "use strict";
  var toggle = document.getElementById("__search");
  var box = document.querySelector(".explainer-search__box");
  if (!toggle || !box) return;
  // An absolute URL: Pagefind imports its modules from it ("pagefind/" alone would
  // read as a package name).
  var base = new URL(box.getAttribute("data-bundle"), document.baseURI).href;
  // The site's root, which the index's addresses are relative to: Pagefind guesses it
  // for the hub (what comes before "pagefind/"), not for a shard under it.
  var root = new URL(box.getAttribute("data-bundle"), document.baseURI).pathname.replace(
    /pagefind\/$/,
    "",
  );
  var ready = null;

  function load() {
    if (ready) return ready;
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = base + "pagefind-ui.css";
    document.head.appendChild(css);
    ready = new Promise(function (resolve, reject) {
      var shards = fetch(base + "shards.json").then(function (r) {
        if (!r.ok) throw new Error("no list of search shards");
        return r.json();
      });
      var script = document.createElement("script");
      script.src = base + "pagefind-ui.js";
      script.onload = function () {
        shards
          .then(function (list) {
            /* global PagefindUI */
            new PagefindUI({
              element: box,
              bundlePath: base,
              // Each shard is searched with the hub's script; results are ranked together.
              mergeIndex: list.shards.map(function (path) {
                return { bundlePath: base + path, baseUrl: root };
              }),
              showImages: false,
              showSubResults: true,
              resetStyles: false,
            });
            resolve();
          })
          .catch(reject);
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
