// Site search on /paieska/ (and /en/paieska/) with Pagefind.
//
// Pagefind's index is built per <html lang> after the site is built
// (hooks/clustersite/outputs/search_index.py); loading pagefind.js from a page picks
// that page's language, so a search covers the current language only. Its
// Lithuanian stemmer and diacritic folding make "siauliai" find "Šiauliai"
// and "inovacijos" find "inovacijų". Results: what kind of page, title,
// excerpt with the match marked; ArrowDown/ArrowUp move between the input and the results.
(function () {
  "use strict";

  var form = document.getElementById("cs-search");
  if (!form) return;
  var input = form.elements.q;
  var status = document.getElementById("cs-search-status");
  var list = document.getElementById("cs-search-results");
  var strings = JSON.parse(form.getAttribute("data-strings"));
  var bundleUrl = new URL(form.getAttribute("data-pagefind"), document.baseURI);
  var pagefind = null;
  var latest = 0;

  // The language switcher's links carry the query, so switching language
  // repeats the search in the other language.
  function keepQueryInLanguageLinks() {
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (link) {
      var url = new URL(link.href);
      if (url.search === location.search) return;
      url.search = location.search;
      link.href = url.href;
    });
  }

  function say(text) {
    if (status.textContent !== text) status.textContent = text;
  }

  // An excerpt is HTML: the page's text, escaped by Pagefind, with <mark>
  // around matches. Parsed inertly (DOMParser runs no script and loads
  // nothing), only its text and <mark> are kept.
  function excerptNodes(html) {
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html").body.firstChild;
    var fragment = document.createDocumentFragment();
    parsed.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        fragment.appendChild(mark);
      } else {
        fragment.appendChild(document.createTextNode(node.textContent));
      }
    });
    return fragment;
  }

  function render(results, query) {
    list.textContent = "";
    results.forEach(function (result) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = result.url;
      link.className = "cs-search__title";
      link.textContent = (result.meta && result.meta.title) || result.url;
      // What the hit is (cluster, news, story, event or page), from the
      // page's data-pagefind-meta (overrides/main.html), before its title.
      var kind = document.createElement("span");
      kind.className = "cs-search__kind";
      kind.textContent = strings["kind." + ((result.meta && result.meta.kind) || "page")] || strings["kind.page"];
      item.appendChild(kind);
      var excerpt = document.createElement("p");
      excerpt.className = "cs-search__excerpt";
      excerpt.appendChild(excerptNodes(result.excerpt || ""));
      item.appendChild(link);
      item.appendChild(excerpt);
      list.appendChild(item);
    });
    say(results.length ? strings.found.replace("{count}", results.length) : strings.none.replace("{query}", query));
  }

  async function run(query) {
    var ticket = ++latest;
    var url = new URL(location.href);
    if (query.trim()) url.searchParams.set("q", query.trim()); else url.searchParams.delete("q");
    history.replaceState(null, "", url.pathname + url.search);
    keepQueryInLanguageLinks();
    if (!query.trim()) {
      list.textContent = "";
      say("");
      return;
    }
    say(strings.loading);
    var search = await pagefind.search(query);
    var results = await Promise.all(search.results.slice(0, 20).map(function (r) { return r.data(); }));
    if (ticket === latest) render(results, query.trim());
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (pagefind) run(input.value);
  });
  input.addEventListener("input", function () {
    if (pagefind) run(input.value);
  });
  form.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" && event.target === input && links().length) {
      event.preventDefault();
      links()[0].focus();
    }
  });
  list.addEventListener("keydown", function (event) {
    var all = links();
    var index = all.indexOf(document.activeElement);
    if (index === -1) return;
    if (event.key === "ArrowDown" && index < all.length - 1) {
      event.preventDefault();
      all[index + 1].focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      (index === 0 ? input : all[index - 1]).focus();
    } else if (event.key === "Escape") {
      input.focus();
    }
  });

  input.value = new URLSearchParams(location.search).get("q") || "";
  keepQueryInLanguageLinks();
  if (location.protocol === "file:") {
    say(strings.unavailable);
    return;
  }
  import(bundleUrl.href)
    .then(async function (module) {
      // Result URLs are made relative to where the site is published (a sub-path on GitHub Pages).
      await module.options({ baseUrl: new URL("..", bundleUrl).pathname, excerptLength: 24 });
      module.init();
      pagefind = module;
      if (input.value) run(input.value);
    })
    .catch(function () {
      say(strings.unavailable);
    });
})();
