// Faceted filtering of the cluster directory (/klasteriai/).
//
// The page already lists every cluster, so without JavaScript it is complete;
// this script only changes which of those cards are listed, and their order. Its data is the JSON
// block #cs-directory-data written at build time by
// hooks/clustersite/derived/directory.py: one row per card in the page's order, the
// facets and the sorts. The filter state lives in the URL query
// (?sector=ict&county=vilnius&q=...&sort=founded), so a view can be shared
// and the back button steps through filter changes.
//
// Speed (benchmarks/directory_and_search.py): the cost of a filter change
// was the browser's work on the cards, not the script: style for each card
// shown or hidden, and layout, paint and content-visibility's viewport checks
// over every card still in the page, all growing with the number of clusters.
// So the list holds only the first PAGE_SIZE matching cards (more on request,
// with the "show more" button); the other cards are kept out of the document
// and a change touches at most a page of them. Adding or removing a card in
// the middle of the list re-styled every card in it, because of one rule in
// Material's stylesheet, which the build rewrites (hooks/clustersite/outputs/html_fixes.py).
// Every facet value is a bitset over the rows, so filtering and the count
// beside each value are a few word operations. The URL is written once the
// list is complete, not in the frame of the click: each change of the URL
// costs the browser's own process some 15 ms of CPU (its toolbar, history and
// observers), which on a phone's few cores delays the frame being drawn.
//
// A classic script, not a module: module scripts do not run from file://,
// and this page works when opened from a folder (the search page cannot).
//
// Its first part (fold, RowSet, DirectoryModel) touches no DOM: which rows a
// filter state leaves, the counts, the orders and the URL query. Node loads
// the file for the unit tests (tests/js/), which get that part as
// module.exports and stop before the page's part.
(() => {
  "use strict";

  // Lowercase without diacritics, as fold() in hooks/clustersite/derived/directory.py.
  const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

  // Endings a typed word loses before it is looked for, longest first: the
  // Lithuanian noun and adjective endings (folded, so "ų" is "u") and the
  // English plural. The rest, the stem, is looked for inside the words of a
  // row, so "lazeriai", "lazerių" and "lazeriu" all find "lazerinių" and
  // "lazerių", "lasers" finds "laser". A stem keeps at least MIN_STEM letters.
  const ENDINGS = [
    "iuose", "uose", "iams", "iems", "ioms", "ijos", "ijai", "iuje", "iais", "iaus", "ing",
    "ija", "iai", "ams", "ems", "oms", "uje", "oje", "eje", "yje", "ais", "ius", "ies", "ios",
    "iu", "ai", "as", "is", "ys", "us", "os", "es", "ui", "ei", "io", "ia", "ie",
    "o", "a", "e", "i", "u", "y", "s",
  ];
  const MIN_STEM = 3;
  const stem = (word) => {
    const ending = ENDINGS.find((end) => word.endsWith(end) && word.length - end.length >= MIN_STEM);
    return ending ? word.slice(0, -ending.length) : word;
  };

  /** Fixed-size sets of row numbers, 32 rows a word. */
  class RowSet {
    constructor(size, full = false) {
      this.size = size;
      this.words = new Uint32Array(Math.ceil(size / 32));
      if (full) this.fill();
    }

    fill() {
      this.words.fill(0xffffffff);
      const spare = this.words.length * 32 - this.size;
      if (spare) this.words[this.words.length - 1] >>>= spare;
      return this;
    }

    add(row) {
      this.words[row >>> 5] |= 1 << (row & 31);
    }

    remove(row) {
      this.words[row >>> 5] &= ~(1 << (row & 31));
    }

    has(row) {
      return (this.words[row >>> 5] & (1 << (row & 31))) !== 0;
    }

    forEach(callback) {
      this.words.forEach((word, w) => {
        while (word) {
          const bit = 31 - Math.clz32(word);
          word &= ~(1 << bit);
          callback(w * 32 + bit);
        }
      });
    }

    copy(other) {
      this.words.set(other.words);
      return this;
    }

    and(other) {
      for (let i = 0; i < this.words.length; i++) this.words[i] &= other.words[i];
      return this;
    }

    or(other) {
      for (let i = 0; i < this.words.length; i++) this.words[i] |= other.words[i];
      return this;
    }

    count() {
      let total = 0;
      for (let word of this.words) {
        word -= (word >>> 1) & 0x55555555;
        word = (word & 0x33333333) + ((word >>> 2) & 0x33333333);
        total += (((word + (word >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
      }
      return total;
    }

    /** Number of rows in both this and `other`, without building the intersection. */
    countWith(other) {
      let total = 0;
      for (let i = 0; i < this.words.length; i++) {
        let word = this.words[i] & other.words[i];
        word -= (word >>> 1) & 0x55555555;
        word = (word & 0x33333333) + ((word >>> 2) & 0x33333333);
        total += (((word + (word >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
      }
      return total;
    }
  }

  /**
   * The directory's rows, facets and sorts, without the page: which rows a
   * filter state leaves, each facet value's count, the orders, and the state
   * to and from the URL query. A state is {q, sort, facets: {key: [value, ...]}}.
   * `facets`: [{key, values}], the values the form offers for each facet key;
   * a row's other values, and a state's, are ignored.
   */
  class DirectoryModel {
    constructor(rows, facets, sorts, terms = []) {
      this.rows = rows;
      this.sorts = sorts;
      const size = rows.length;
      // One set of rows per facet value; `selected`: the rows the facet's
      // checked values leave; `except`: the rows the text and the other facets leave.
      this.facets = facets.map(({ key, values }) => ({
        key,
        values: new Map(values.map((value) => [value, new RowSet(size)])),
        selected: new RowSet(size),
        except: new RowSet(size),
      }));
      rows.forEach((row, index) => {
        for (const facet of this.facets) {
          for (const value of row.values[facet.key] || []) facet.values.get(value)?.add(index);
        }
      });
      // The search terms (sectors and tags, named in both languages) and the rows that have each.
      this.terms = terms.map((text) => ({ text, rows: new RowSet(size) }));
      rows.forEach((row, index) => {
        for (const term of row.terms || []) this.terms[term]?.rows.add(index);
      });
      this.textMatches = new RowSet(size, true);
      this.textWords = [];
    }

    get defaultSort() {
      return this.sorts[0].key;
    }

    emptyState() {
      return { q: "", sort: this.defaultSort, facets: Object.fromEntries(this.facets.map(({ key }) => [key, []])) };
    }

    /** The state in a URL query (`location.search`); an unknown sort is the default one. */
    stateFromQuery(search) {
      const params = new URLSearchParams(search);
      const state = this.emptyState();
      state.q = params.get("q") || "";
      const sort = params.get("sort");
      if (this.sorts.some(({ key }) => key === sort)) state.sort = sort;
      for (const { key } of this.facets) state.facets[key] = params.getAll(key);
      return state;
    }

    /** The query for the filters in `state`, with "?" (or "" for none). */
    queryFromState(state) {
      const params = new URLSearchParams();
      for (const { key } of this.facets) {
        for (const value of state.facets[key]) params.append(key, value);
      }
      if (state.q.trim()) params.set("q", state.q.trim());
      if (state.sort !== this.defaultSort) params.set("sort", state.sort);
      const query = params.toString();
      return query ? `?${query}` : "";
    }

    /** The stems of the query's words, in order. */
    queryStems(query) {
      return fold(query).split(/[\s,;]+/).filter(Boolean).map(stem);
    }

    // Every word of the query, stemmed, must occur in a row's text (names,
    // summary, city, members) or in the name of one of its terms, in either
    // language (a sector or a tag).
    matchText(query) {
      const words = this.queryStems(query);
      const previous = this.textWords;
      if (words.join(" ") === previous.join(" ")) return;
      this.textWords = words;
      const matches = this.textMatches;
      if (!words.length) {
        matches.fill();
        return;
      }
      // Typing on narrows the query (each earlier stem is inside a new one): only
      // rows that matched before can match now, so only those are read again.
      const narrower = previous.length > 0 && previous.every((old) => words.some((word) => word.includes(old)));
      const candidates = narrower ? new RowSet(this.rows.length).copy(matches) : new RowSet(this.rows.length, true);
      // For each word, the rows that have a term whose name holds it.
      const byTerm = words.map((word) => {
        const rows = new RowSet(this.rows.length);
        for (const term of this.terms) if (term.text.includes(word)) rows.or(term.rows);
        return rows;
      });
      matches.words.fill(0);
      candidates.forEach((index) => {
        const text = this.rows[index].text;
        if (words.every((word, w) => byTerm[w].has(index) || text.includes(word))) matches.add(index);
      });
    }

    /** The rows `state` leaves, as a new set. Values within a facet are
     * alternatives (OR); facets combine (AND). Also readies count(). */
    select(state) {
      this.matchText(state.q);
      for (const facet of this.facets) {
        const wanted = state.facets[facet.key].map((value) => facet.values.get(value)).filter(Boolean);
        if (wanted.length) {
          facet.selected.words.fill(0);
          for (const rows of wanted) facet.selected.or(rows);
        } else {
          facet.selected.fill();
        }
      }
      const visible = new RowSet(this.rows.length).copy(this.textMatches);
      for (const facet of this.facets) visible.and(facet.selected);
      for (const facet of this.facets) {
        facet.except.copy(this.textMatches);
        for (const other of this.facets) if (other !== facet) facet.except.and(other.selected);
      }
      return visible;
    }

    /** How many rows `value` of `facet` (one of this.facets) would leave, given
     * the other filters of the last select(). */
    count(facet, value) {
      return facet.except.countWith(facet.values.get(value));
    }

    /** Row numbers in the order of sort `key`: the page's own order for a sort
     * without a field, else by the field, rows without it last, ties in page order. */
    order(key) {
      const { field, descending } = this.sorts.find((sort) => sort.key === key);
      const indexes = this.rows.map((_, index) => index);
      if (field) {
        const direction = descending ? -1 : 1;
        indexes.sort((a, b) => {
          const x = this.rows[a][field];
          const y = this.rows[b][field];
          if (x == null || y == null) return (x == null) - (y == null) || a - b; // unknown last
          return (x - y) * direction || a - b;
        });
      }
      return indexes;
    }
  }

  if (typeof module === "object" && module && module.exports) {
    module.exports = { fold, stem, RowSet, DirectoryModel };
    return;
  }

  // The page's part.

  const form = document.getElementById("cs-filters");
  const dataBlock = document.getElementById("cs-directory-data");
  if (!form || !dataBlock) return;
  // The list changes from its top over a few frames: the browser must not
  // scroll to follow a card on screen (scroll anchoring) down to places the
  // later frames have yet to put right.
  document.body.classList.add("cs-no-scroll-anchoring");

  // Cards in the list after each change, and added by each "show more"; a
  // multiple of 1 to 4 columns, so the last row is full.
  const PAGE_SIZE = 48;
  // The frame of a click or keystroke puts right the places of the list that
  // can be on screen, reckoning rows of cards MIN_CARD_REM tall (the shortest
  // card is about 8rem), with the list up to SHIFT_REM higher than it was;
  // each later frame does LATER_FRAME_CARDS more. A new card costs its style
  // and layout, so a whole page at once would miss the frame.
  const MIN_CARD_REM = 6;
  const SHIFT_REM = 3;
  // A page of this many cards or fewer (a screenful and a half) is put right
  // all at once: it costs little more than a screenful, and it is done.
  const SHORT_PAGE = 6;
  const LATER_FRAME_CARDS = 24;

  // The language switcher's links carry this page's query, so switching
  // language keeps the filters. They are brought up to date when a pointer
  // or the keyboard focus reaches the switcher, so a filter change does not
  // pay for it. `query()` gives the query of the current filters, which the
  // URL may not show yet.
  const keepQueryInLanguageLinks = (query) => {
    const copyQueryToLanguageLinks = () => {
      const search = query();
      for (const link of document.querySelectorAll("a.md-select__link[hreflang]")) {
        const url = new URL(link.href);
        if (url.search === search) continue;
        url.search = search;
        link.href = url.href;
      }
    };
    for (const select of document.querySelectorAll(".md-select")) {
      for (const event of ["pointerover", "focusin"]) select.addEventListener(event, copyQueryToLanguageLinks);
    }
  };

  class ClusterDirectory {
    constructor(form, data) {
      this.form = form;
      this.rows = data.clusters;
      this.list = document.getElementById("cs-cards");
      this.status = document.getElementById("cs-count");
      this.noResults = document.getElementById("cs-no-results");
      this.shownTemplate = form.dataset.shown;
      this.panel = form.querySelector("details");
      this.summary = this.panel.querySelector("summary");
      this.showButton = form.querySelector(".cs-filters__show");
      this.results = document.getElementById("cs-results");
      this.plural = new Intl.PluralRules(document.documentElement.lang || "lt");
      const bySlug = new Map(Array.from(this.list.children, (card) => [card.dataset.slug, card]));
      this.cards = this.rows.map((row) => bySlug.get(row.slug));

      const size = this.rows.length;
      // Each facet's checkboxes; the values they offer are the model's.
      this.facets = data.facets.map((key) => ({ key, boxes: Array.from(form.querySelectorAll(`input[name="${key}"]`)) }));
      this.model = new DirectoryModel(
        this.rows, this.facets.map(({ key, boxes }) => ({ key, values: boxes.map((box) => box.value) })), data.sorts, data.terms,
      );
      // The count span of each value the form shows one for, and the count it shows.
      this.countSpans = [];
      for (const facet of this.model.facets) {
        for (const value of facet.values.keys()) {
          const span = form.querySelector(`[data-count-for="${facet.key}=${value}"]`);
          if (span) this.countSpans.push({ facet, value, span, shown: null });
        }
      }
      // As served, the page lists every card in the first sort's order.
      this.inList = new RowSet(size, true);
      this.matching = new RowSet(size, true);
      this.limit = PAGE_SIZE;
      this.pending = false; // later frames are scheduled to complete the list
      this.complete = true; // the list shows the current filters, whole
      this.unwritten = null; // {url, push}: the URL of a change whose list is not complete yet
      this.depth = 0;
      this.more = document.getElementById("cs-more");
      this.moreButton = this.more.querySelector("button");
      this.sort = this.model.defaultSort;
      this.order = this.rows.map((_, index) => index); // row numbers in the order the cards appear
    }

    readForm() {
      const state = { q: this.form.elements.q.value, sort: this.form.elements.sort.value, facets: {} };
      for (const { key, boxes } of this.facets) {
        state.facets[key] = boxes.filter((box) => box.checked).map((box) => box.value);
      }
      return state;
    }

    writeForm(state) {
      this.form.elements.q.value = state.q;
      this.form.elements.sort.value = state.sort;
      for (const { key, boxes } of this.facets) {
        for (const box of boxes) box.checked = state.facets[key].includes(box.value);
      }
    }

    urlFromState(state) {
      return location.pathname + this.model.queryFromState(state) + location.hash;
    }

    // A change's URL is written when its list is complete: at once if the
    // input's frame completes it, else by the frame that does (before the list
    // stops being aria-busy). Each change that adds a history entry still
    // adds its own: one waiting to be written is written first. Typing
    // (replace) while a change waits just updates the URL that waits.
    writeUrl(url, push) {
      if (this.unwritten && push) this.flushUrl();
      this.unwritten = { url, push: push || Boolean(this.unwritten?.push) };
      if (this.complete) this.flushUrl();
    }

    flushUrl() {
      if (!this.unwritten) return;
      const { url, push } = this.unwritten;
      this.unwritten = null;
      if (push) history.pushState(null, "", url);
      else if (url !== location.pathname + location.search + location.hash) history.replaceState(null, "", url);
    }

    // Each facet value's count is how many clusters it would leave, given the other filters.
    // `onScreen`: how many places at the top of the list can be on screen;
    // `depth`: how many to put right at once (more when the screen is not known).
    apply(state, onScreen, depth = onScreen) {
      const visible = this.model.select(state);

      // All reads are done; now the writes, only where something changed.
      for (const value of this.countSpans) {
        const count = this.model.count(value.facet, value.value);
        if (value.shown !== count) {
          value.span.textContent = `(${count})`;
          value.shown = count;
        }
      }
      this.matching = visible;
      this.limit = PAGE_SIZE;
      this.onScreen = onScreen;
      if (state.sort !== this.sort) {
        this.sortCards(state.sort);
        depth = PAGE_SIZE; // the list was emptied: all at once, or the page would shrink and grow again
      }
      this.update(depth);
      const shown = visible.count();
      const message = this.shownTemplate.replace("{shown}", shown).replace("{total}", this.rows.length);
      if (this.status.textContent !== message) this.status.textContent = message;
      this.noResults.hidden = shown !== 0;
      if (shown === 0) this.offerSiteSearch(state.q.trim());

      // Phones: the folded panel's summary counts the active filters, and its
      // "show" button the clusters it would show.
      const active = this.facets.reduce((sum, { key }) => sum + state.facets[key].length, 0) + (state.q.trim() ? 1 : 0);
      const summary = this.summary.dataset.template.replace("{count}", active);
      if (this.summary.textContent !== summary) this.summary.textContent = summary;
      const forms = this.showButton.dataset;
      const show = (forms[this.plural.select(shown)] || forms.other).replace("{count}", shown);
      if (this.showButton.textContent !== show) this.showButton.textContent = show;
    }

    // With nothing listed, the words typed lead on to the site search (news,
    // stories, events and pages as well as profiles).
    offerSiteSearch(words) {
      const link = this.noResults.querySelector("a");
      link.parentElement.hidden = !words;
      if (!words) return;
      const url = new URL(link.href);
      url.search = new URLSearchParams({ q: words }).toString();
      link.href = url.href;
      link.textContent = link.dataset.template.replace("{query}", words);
    }

    /** How many places of the list, from its top, can be on screen: none when it starts well below the screen.
     * Read before a change writes anything, so the layout is usually still the last frame's. */
    placesOnScreen() {
      const top = this.list.getBoundingClientRect().top;
      const style = getComputedStyle(this.list);
      const columns = style.display.endsWith("grid") ? style.gridTemplateColumns.split(" ").length : 1;
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
      // What the change writes above the list (the counts beside the filters, which
      // may wrap a line less on a phone with the panel open) can pull it up.
      const rows = Math.max(0, Math.ceil((innerHeight + SHIFT_REM * rem - top) / (MIN_CARD_REM * rem)));
      return Math.min(PAGE_SIZE, rows * columns);
    }

    // The list holds the first `limit` matching cards in the current order.
    // Both the cards in the list and those wanted are in that order, so one
    // pass from the top removes the cards not wanted and inserts each wanted
    // one after the one before it. The places that can be on screen (or a
    // short page, whole) are put right in the frame of the input, with
    // nothing stale among them, and the rest over the next few frames (the
    // list is aria-busy meanwhile). A new change simply retargets.
    update(depth) {
      const wanted = Math.min(this.matching.count(), this.limit);
      this.depth = wanted <= SHORT_PAGE ? wanted : depth;
      this.complete = this.render(this.depth);
      if (this.complete) return;
      this.list.setAttribute("aria-busy", "true");
      if (this.pending) return;
      const step = () => {
        this.depth += LATER_FRAME_CARDS;
        this.complete = this.render(this.depth);
        if (this.complete) {
          this.pending = false;
          this.flushUrl();
          this.list.removeAttribute("aria-busy");
        } else {
          requestAnimationFrame(() => setTimeout(step));
        }
      };
      this.pending = true;
      requestAnimationFrame(() => setTimeout(step));
    }

    /** Puts the list right up to its `depth`-th wanted card, from the top; true when it is complete. */
    render(depth) {
      const { inList, matching, order, cards, list } = this;
      let placed = 0;
      let previous = null; // the card the next wanted one goes after
      let complete = true;
      for (const row of order) {
        const wanted = placed < this.limit && matching.has(row);
        if (wanted) placed++;
        if (wanted === inList.has(row)) {
          if (wanted) previous = cards[row];
        } else if (placed > depth) {
          complete = false; // a later frame's; counting on, for the "show more" button
        } else if (wanted) {
          // A card put in where it can be on screen is drawn at once; with
          // content-visibility: auto (site.css) it would be skipped until the
          // frame's viewport check found it on screen, and the frame laid out
          // again. Elsewhere the browser may skip it while it is off screen.
          cards[row].style.contentVisibility = placed <= this.onScreen ? "visible" : "";
          if (previous) previous.after(cards[row]);
          else list.prepend(cards[row]);
          inList.add(row);
          previous = cards[row];
        } else {
          cards[row].remove();
          inList.remove(row);
        }
      }
      // The button: "48 more of the remaining 952", or for the last page
      // "the remaining 20 clusters", in the plural form its number needs.
      const left = matching.count() - placed;
      this.more.hidden = left === 0;
      if (left) {
        const forms = this.moreButton.dataset;
        const template = left > PAGE_SIZE ? forms.template : forms[this.plural.select(left)] || forms.other;
        const text = template.replace("{count}", PAGE_SIZE).replace("{left}", left);
        if (this.moreButton.textContent !== text) this.moreButton.textContent = text;
      }
      return complete;
    }

    // As served, the page lists every cluster (all a reader without
    // JavaScript gets); the script keeps the first page of them, at once.
    keepFirstPage() {
      if (this.cards.length <= PAGE_SIZE) return;
      const rest = document.createRange();
      rest.setStartBefore(this.cards[PAGE_SIZE]);
      rest.setEndAfter(this.list.lastElementChild);
      rest.deleteContents();
      for (let row = PAGE_SIZE; row < this.cards.length; row++) this.inList.remove(row);
    }

    // "Show more": the next page of cards, and the keyboard focus on the first
    // of them, so a screen reader carries on where the list grew.
    showMore() {
      let before = this.limit; // matching cards ahead of the first new one
      const first = this.order.find((row) => this.matching.has(row) && before-- === 0);
      this.limit += PAGE_SIZE;
      // All at once: the focus needs its card in the list, and a screen
      // reader a list that is not busy. Not a frame-bound action, unlike filtering.
      this.complete = this.render(Infinity);
      this.flushUrl();
      this.list.removeAttribute("aria-busy");
      if (first !== undefined) this.cards[first].querySelector("a").focus();
    }

    sortCards(key) {
      const indexes = this.model.order(key);
      // A new order: update() fills the list again from the top.
      this.list.replaceChildren();
      this.inList.words.fill(0);
      this.order = indexes;
      this.sort = key;
    }

    listen() {
      keepQueryInLanguageLinks(() => this.model.queryFromState(this.readForm()));
      const textInput = this.form.elements.q;
      this.form.addEventListener("input", (event) => {
        const state = this.readForm();
        this.apply(state, this.placesOnScreen());
        // Typing replaces the current history entry rather than adding one per keystroke.
        this.writeUrl(this.urlFromState(state), event.target !== textInput);
      });
      this.form.addEventListener("submit", (event) => event.preventDefault());
      this.form.addEventListener("reset", (event) => {
        event.preventDefault();
        const state = this.model.emptyState();
        const onScreen = this.placesOnScreen();
        this.writeForm(state);
        this.apply(state, onScreen);
        this.writeUrl(this.urlFromState(state), true);
        textInput.focus();
      });
      // Following a link (a card, the language switcher) within the frames of
      // a change: its URL first, so the back button comes back to this view.
      document.addEventListener("click", (event) => {
        if (event.target.closest?.("a[href]")) this.flushUrl();
      }, true);
      window.addEventListener("popstate", () => {
        this.unwritten = null; // the URL the browser went to is the state now
        this.restoreFromUrl();
      });
      this.moreButton.addEventListener("click", () => this.showMore());
      this.showButton.addEventListener("click", () => {
        this.panel.open = false;
        this.results.focus(); // scrolls to the results; scroll-margin-top clears the header
      });
    }

    // On load and on the back button: the whole page at once, since the
    // browser puts back the scroll position only after this (so which places
    // will be on screen is not known).
    restoreFromUrl() {
      const state = this.model.stateFromQuery(location.search);
      this.writeForm(state);
      this.apply(state, 0, PAGE_SIZE);
    }
  }

  const directory = new ClusterDirectory(form, JSON.parse(dataBlock.textContent));
  directory.keepFirstPage();
  directory.listen();
  directory.restoreFromUrl();
})();
