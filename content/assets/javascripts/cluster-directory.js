// Faceted filtering of the cluster directory (/klasteriai/).
//
// The page already lists every cluster; this script only hides, shows and
// reorders the cards. Its data is the JSON block #cs-directory-data written
// at build time (hooks/clustersite/directory.py). The filter state lives in
// the URL query (?sector=ict&county=vilnius&q=...&sort=founded), so a view
// can be shared and the back button steps through filter changes.
(function () {
  "use strict";

  var form = document.getElementById("cs-filters");
  var dataBlock = document.getElementById("cs-directory-data");
  if (!form || !dataBlock) return;

  var rows = JSON.parse(dataBlock.textContent).clusters;
  var list = document.getElementById("cs-cards");
  var status = document.getElementById("cs-count");
  var noResults = document.getElementById("cs-no-results");
  var textInput = form.elements.q;
  var sortSelect = form.elements.sort;
  var facetKeys = Array.prototype.map.call(form.querySelectorAll("[data-facet]"), function (fieldset) {
    return fieldset.getAttribute("data-facet");
  });
  var cards = {};
  Array.prototype.forEach.call(list.children, function (card) {
    cards[card.getAttribute("data-slug")] = card;
  });
  var countSpans = Array.prototype.map.call(form.querySelectorAll("[data-count-for]"), function (span) {
    var parts = span.getAttribute("data-count-for").split("=");
    return { span: span, facet: parts[0], value: parts[1], shown: null };
  });
  var shownTemplate = form.getAttribute("data-shown");
  var currentOrder = null;

  // Lowercase without diacritics, as hooks/clustersite/directory.py fold() does.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function readForm() {
    var state = { q: textInput.value, sort: sortSelect.value, facets: {} };
    facetKeys.forEach(function (key) {
      var checked = form.querySelectorAll('input[name="' + key + '"]:checked');
      state.facets[key] = Array.prototype.map.call(checked, function (box) { return box.value; });
    });
    return state;
  }

  function writeForm(state) {
    textInput.value = state.q;
    sortSelect.value = state.sort;
    facetKeys.forEach(function (key) {
      var boxes = form.querySelectorAll('input[name="' + key + '"]');
      Array.prototype.forEach.call(boxes, function (box) {
        box.checked = (state.facets[key] || []).indexOf(box.value) !== -1;
      });
    });
  }

  function stateFromUrl() {
    var params = new URLSearchParams(location.search);
    var state = { q: params.get("q") || "", sort: params.get("sort") || "name", facets: {} };
    if (!/^(name|founded|members)$/.test(state.sort)) state.sort = "name";
    facetKeys.forEach(function (key) { state.facets[key] = params.getAll(key); });
    return state;
  }

  function urlFromState(state) {
    var params = new URLSearchParams();
    facetKeys.forEach(function (key) {
      state.facets[key].forEach(function (value) { params.append(key, value); });
    });
    if (state.q.trim()) params.set("q", state.q.trim());
    if (state.sort !== "name") params.set("sort", state.sort);
    var query = params.toString();
    return location.pathname + (query ? "?" + query : "") + location.hash;
  }

  // Does a row pass every facet except `skip`? Values within a facet are
  // alternatives (OR); facets combine (AND).
  function passesFacets(row, facets, skip) {
    for (var i = 0; i < facetKeys.length; i++) {
      var key = facetKeys[i];
      var wanted = facets[key];
      if (key === skip || wanted.length === 0) continue;
      var values = row.values[key];
      var hit = false;
      for (var j = 0; j < wanted.length && !hit; j++) hit = values.indexOf(wanted[j]) !== -1;
      if (!hit) return false;
    }
    return true;
  }

  function passesText(row, words) {
    for (var i = 0; i < words.length; i++) if (row.text.indexOf(words[i]) === -1) return false;
    return true;
  }

  function ordered(sort) {
    var copy = rows.slice();
    if (sort === "founded") {
      copy.sort(function (a, b) { return (a.founded || 9999) - (b.founded || 9999) || a.rank - b.rank; });
    } else if (sort === "members") {
      copy.sort(function (a, b) { return (b.members || -1) - (a.members || -1) || a.rank - b.rank; });
    } else {
      copy.sort(function (a, b) { return a.rank - b.rank; });
    }
    return copy;
  }

  function apply(state) {
    var words = fold(state.q).split(/\s+/).filter(Boolean);
    var counts = {};
    var shown = 0;
    rows.forEach(function (row) {
      var textOk = passesText(row, words);
      var visible = textOk && passesFacets(row, state.facets, null);
      if (visible) shown++;
      var card = cards[row.slug];
      if (card.hidden === visible) card.hidden = !visible;
      if (!textOk) return;
      // Facet counts: how many clusters each value would leave, given the other filters.
      facetKeys.forEach(function (key) {
        if (!passesFacets(row, state.facets, key)) return;
        row.values[key].forEach(function (value) {
          var id = key + "=" + value;
          counts[id] = (counts[id] || 0) + 1;
        });
      });
    });
    countSpans.forEach(function (entry) {
      var count = counts[entry.facet + "=" + entry.value] || 0;
      if (entry.shown !== count) {
        entry.span.textContent = "(" + count + ")";
        entry.shown = count;
      }
    });
    if (state.sort !== currentOrder) {
      var fragment = document.createDocumentFragment();
      ordered(state.sort).forEach(function (row) { fragment.appendChild(cards[row.slug]); });
      list.appendChild(fragment);
      currentOrder = state.sort;
    }
    var message = shownTemplate.replace("{shown}", shown).replace("{total}", rows.length);
    if (status.textContent !== message) status.textContent = message;
    noResults.hidden = shown !== 0;
  }

  form.addEventListener("input", function (event) {
    var state = readForm();
    apply(state);
    if (event.target === textInput) {
      // Typing replaces the current history entry rather than adding one per keystroke.
      history.replaceState(null, "", urlFromState(state));
    } else {
      history.pushState(null, "", urlFromState(state));
    }
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function (event) {
    event.preventDefault();
    var state = { q: "", sort: "name", facets: {} };
    facetKeys.forEach(function (key) { state.facets[key] = []; });
    writeForm(state);
    apply(state);
    history.pushState(null, "", urlFromState(state));
    textInput.focus();
  });
  window.addEventListener("popstate", function () {
    var state = stateFromUrl();
    writeForm(state);
    apply(state);
  });

  // Exposed for the benchmark (benchmarks/directory_filter.py) and tests.
  window.clusterDirectory = { apply: apply, readForm: readForm };

  var initial = stateFromUrl();
  writeForm(initial);
  apply(initial);
})();
